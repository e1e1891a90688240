import type { App, BrowserWindow } from 'electron';

// Two instances would race on the same IndexedDB and credential file, so a
// second launch only brings the first one's window forward, and hands it its
// arguments: on Windows and Linux a call link arrives as one (call-links.ts).

/** False when another instance holds the lock: this one has been asked to quit. */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => BrowserWindow | null,
  onSecondLaunch: (argv: readonly string[]) => void = () => {},
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    onSecondLaunch(argv);
    const window = getWindow();
    if (window) bringForward(window);
  });
  return true;
}

export function bringForward(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
