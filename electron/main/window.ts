import type { BrowserWindowConstructorOptions } from 'electron';
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './trusted-url';
import type { WindowState } from './window-state';
import { MIN_SIZE, clampToDisplays, readWindowState, writeWindowState } from './window-state';

// The renderer gets no Node, no `require`, and a preload that can only reach
// `electron`: whatever runs in the page can do no more than the bridge allows.

export function windowOptions(preloadPath: string, state: WindowState): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Switchboard',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** What the window loads: the dev server while developing, the app scheme otherwise. */
export function startUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? `${APP_ORIGIN}/index.html`;
}

export interface MainWindowOptions {
  preloadPath: string;
  stateFile: string;
  /** Set only in an unpackaged build (see trustedOrigins). */
  devServerUrl: string | undefined;
}

function displayWorkAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

export async function createMainWindow({ preloadPath, stateFile, devServerUrl }: MainWindowOptions): Promise<BrowserWindow> {
  const state = clampToDisplays(await readWindowState(stateFile), displayWorkAreas());
  const window = new BrowserWindow(windowOptions(preloadPath, state));
  if (state.maximized) window.maximize();

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    void writeWindowState(stateFile, { ...bounds, maximized: window.isMaximized() }).catch(() => {
      // Losing the window position is not worth interrupting a quit for.
    });
  });

  await window.loadURL(startUrl(devServerUrl));
  return window;
}
