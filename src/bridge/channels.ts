// IPC channel names and the argument/result each one carries, shared by
// electron/preload and electron/main. Types only besides the names: the
// sandboxed preload bundles this file, so it must stay free of zod and Node.
import type { AppInfo, CredentialBackend, NotificationRequest } from './contract';

export const Channels = {
  appInfo: 'app:info',
  notificationsShow: 'notifications:show',
  credentialsBackend: 'credentials:backend',
  credentialsGet: 'credentials:get',
  credentialsSet: 'credentials:set',
  credentialsDelete: 'credentials:delete',
  linksOpenExternal: 'links:open-external',
} as const;

export type Channel = (typeof Channels)[keyof typeof Channels];

/** Each channel carries at most one argument, always an object, so a handler can name the field that was wrong. */
export interface IpcMessages {
  'app:info': { arg: undefined; result: AppInfo };
  'notifications:show': { arg: NotificationRequest; result: boolean };
  'credentials:backend': { arg: undefined; result: CredentialBackend };
  'credentials:get': { arg: { account: string }; result: string | null };
  'credentials:set': { arg: { account: string; secret: string }; result: void };
  'credentials:delete': { arg: { account: string }; result: void };
  'links:open-external': { arg: { url: string }; result: void };
}

export type IpcArg<C extends Channel> = IpcMessages[C]['arg'];
export type IpcResult<C extends Channel> = IpcMessages[C]['result'];
