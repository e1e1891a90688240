import type { BrowserWindow } from 'electron';
import { Notification, app, shell } from 'electron';
import type { Channel } from '../../src/bridge/channels';
import { bridgeChannels } from '../../src/bridge/channels';
import type { AppInfo } from '../../src/bridge/contract';
import { isAllowedExternalUrl, refusedExternalLinkMessage } from '../../src/bridge/external-links';
import type { CallLinkInbox } from './call-links';
import type { CredentialStore } from './credential-store';
import { saveInvoicePdf } from './invoice-pdf';
import type { IpcSchemas } from './ipc-schemas';
import { ipcSchemas } from './ipc-schemas';
import type { IpcHandlers, ValidatedIpc } from './validated-ipc';

// One handler per bridge call, keyed by its channel. Arguments arrive
// already checked by validatedIpc, so handlers hold only what the call does.

export interface HandlerDeps {
  credentials: CredentialStore;
  getWindow: () => BrowserWindow | null;
  serverUrl: string | undefined;
  callLinks: CallLinkInbox;
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

/**
 * SLA notifications still on screen, oldest first. Each holds its caller's
 * promise until clicked or closed; past this many the oldest is closed, so a
 * desk left alone for a weekend does not pile up unanswered calls.
 */
export const SLA_NOTIFICATIONS_KEPT = 20;
const slaShown: Notification[] = [];

export function createIpcHandlers({ credentials, getWindow, serverUrl, callLinks }: HandlerDeps) {
  return {
    'app:info': () => appInfo(serverUrl),

    'notifications:show': ({ title, body }) => {
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
    },

    'credentials:backend': () => credentials.backend(),
    'credentials:get': ({ account }) => credentials.get(account),
    'credentials:set': ({ account, secret }) => credentials.set(account, secret),
    'credentials:delete': ({ account }) => credentials.delete(account),

    'links:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new Error(refusedExternalLinkMessage(url));
      await shell.openExternal(url);
    },

    'slaAlerts:notify': ({ title, body }) => {
      if (!Notification.isSupported()) return 'refused' as const;
      const notification = new Notification({ title, body });
      const outcome = new Promise<'clicked' | 'closed'>((resolve) => {
        const done = (how: 'clicked' | 'closed') => {
          const at = slaShown.indexOf(notification);
          if (at >= 0) slaShown.splice(at, 1);
          resolve(how);
        };
        notification.on('click', () => {
          const window = getWindow();
          if (window?.isMinimized()) window.restore();
          window?.show();
          window?.focus();
          done('clicked');
        });
        notification.on('close', () => done('closed'));
      });
      slaShown.push(notification);
      while (slaShown.length > SLA_NOTIFICATIONS_KEPT) slaShown[0]!.close();
      notification.show();
      return outcome;
    },

    // macOS dock and Linux (Unity) launchers; Windows has no count badge, so it says false.
    'slaAlerts:setBadgeCount': ({ count }) => app.setBadgeCount(count),

    'callLinks:next': (_arg, event) => callLinks.next(event),

    // The sender's own page is printed: validatedIpc has checked it is the app's top frame.
    'invoices:savePdf': (request, event) => saveInvoicePdf(event.sender, request),
  } satisfies IpcHandlers;
}

/** Registers every bridge call's handler with its schema, through the sender check of validatedIpc. */
export function registerIpcHandlers(ipc: ValidatedIpc, deps: HandlerDeps): void {
  // Widened to the mapped types so that, for one channel C, the schema and
  // handler looked up are known to belong together.
  const handlers: IpcHandlers = createIpcHandlers(deps);
  const schemas: IpcSchemas = ipcSchemas;
  const register = <C extends Channel>(channel: C): void => ipc.handle(channel, schemas[channel], handlers[channel]);
  for (const { channel } of bridgeChannels) register(channel);
}
