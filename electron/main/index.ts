import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';
import { app, ipcMain, session } from 'electron';
import { buildCsp } from '../../src/bridge/content-security-policy';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { createCallLinkInbox, listenForOpenUrl, registerCallLinkScheme } from './call-links';
import { createCredentialStore } from './credential-store';
import { installCspHeader } from './csp';
import { registerIpcHandlers } from './ipc-handlers';
import { guardNavigation } from './navigation-guard';
import { installPermissionHandlers } from './permissions';
import { readRuntimeConfig } from './runtime-config';
import { bringForward, claimSingleInstance } from './single-instance';
import { trustedOrigins } from './trusted-url';
import { createValidatedIpc } from './validated-ipc';
import { createMainWindow } from './window';

// Wiring only: each concern lives in its own module.

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

app.setName('Switchboard');
app.enableSandbox();
registerAppScheme();

const config = readRuntimeConfig(process.env, app.isPackaged);
const trusted = trustedOrigins(config.devServerUrl);
const csp = buildCsp({ dev: config.devServerUrl !== undefined, serverUrl: config.serverUrl, delivery: 'header' });

let mainWindow: BrowserWindow | null = null;
let opening: Promise<void> | null = null;
const getWindow = (): BrowserWindow | null => mainWindow;
const callLinks = createCallLinkInbox();

// macOS may send 'activate' while the first window is still loading.
function openMainWindow(): Promise<void> {
  opening ??= createMainWindow({
    preloadPath,
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    devServerUrl: config.devServerUrl,
  })
    .then((window) => {
      mainWindow = window;
      window.on('closed', () => {
        mainWindow = null;
      });
    })
    .finally(() => {
      opening = null;
    });
  return opening;
}

if (claimSingleInstance(app, getWindow, (argv) => callLinks.receiveArgv(argv))) {
  registerCallLinkScheme(app, process);
  // Windows and Linux: the link that launched this instance; it waits until the page asks.
  callLinks.receiveArgv(process.argv);
  listenForOpenUrl(app, callLinks, () => {
    const window = getWindow();
    if (window) bringForward(window);
    else if (app.isReady()) void openMainWindow();
  });

  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, trusted));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) void openMainWindow();
  });

  void app.whenReady().then(async () => {
    installAppProtocol({ rootDir: rendererDir, csp });
    installCspHeader(session.defaultSession, csp);
    installPermissionHandlers(session.defaultSession, trusted);
    registerIpcHandlers(createValidatedIpc(ipcMain, trusted), {
      credentials: createCredentialStore(path.join(app.getPath('userData'), 'credentials.json')),
      getWindow,
      serverUrl: config.serverUrl,
      callLinks,
    });
    await openMainWindow();
  });
}
