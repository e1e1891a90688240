import type { BrowserWindow } from 'electron';
import { Notification, app, shell } from 'electron';
import type { AppInfo } from '../../src/bridge/contract';
import { isAllowedExternalUrl, refusedExternalLinkMessage } from '../../src/bridge/external-links';
import type { CredentialStore } from './credential-store';
import { ipcSchemas } from './ipc-schemas';
import type { ValidatedIpc } from './validated-ipc';

// One handler per bridge function. Arguments arrive already checked by the
// wrapper, so handlers hold only what the function does.

export interface HandlerDeps {
  credentials: CredentialStore;
  getWindow: () => BrowserWindow | null;
  serverUrl: string | undefined;
}

export function appInfo(serverUrl: string | undefined): AppInfo {
  return {
    name: 'Switchboard',
    version: app.getVersion(),
    platform: process.platform,
    runtime: 'electron',
    ...(serverUrl ? { serverUrl } : {}),
  };
}

// Electron drops a Notification's click handler once the object is garbage
// collected, so each one is held until the user has dealt with it.
const live = new Set<Notification>();

export function registerIpcHandlers(ipc: ValidatedIpc, { credentials, getWindow, serverUrl }: HandlerDeps): void {
  ipc.handle('app:info', ipcSchemas['app:info'], () => appInfo(serverUrl));

  ipc.handle('notifications:show', ipcSchemas['notifications:show'], ({ title, body }) => {
    if (!Notification.isSupported()) return false;
    const notification = new Notification({ title, body });
    live.add(notification);
    notification.on('click', () => {
      const window = getWindow();
      if (window?.isMinimized()) window.restore();
      window?.focus();
    });
    notification.on('close', () => live.delete(notification));
    notification.show();
    return true;
  });

  ipc.handle('credentials:backend', ipcSchemas['credentials:backend'], () => credentials.backend());
  ipc.handle('credentials:get', ipcSchemas['credentials:get'], ({ account }) => credentials.get(account));
  ipc.handle('credentials:set', ipcSchemas['credentials:set'], ({ account, secret }) => credentials.set(account, secret));
  ipc.handle('credentials:delete', ipcSchemas['credentials:delete'], ({ account }) => credentials.delete(account));

  ipc.handle('links:open-external', ipcSchemas['links:open-external'], async ({ url }) => {
    if (!isAllowedExternalUrl(url)) throw new Error(refusedExternalLinkMessage(url));
    await shell.openExternal(url);
  });
}
