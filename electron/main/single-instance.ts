import type { App, BrowserWindow } from 'electron';

// Two instances would race on the same IndexedDB and credential file, so a
// second launch only brings the first one's window forward.

/** False when another instance holds the lock: this one has been asked to quit. */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => BrowserWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
