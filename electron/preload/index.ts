// Runs sandboxed: it can require only `electron`, so everything else it
// uses is bundled in, and it stays tiny. The page gets named functions,
// never ipcRenderer or a way to pick a channel.
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, IpcArg, IpcResult } from '../../src/bridge/channels';
import { Channels } from '../../src/bridge/channels';
import type { SwitchboardBridge } from '../../src/bridge/contract';

function invoke<C extends Channel>(channel: C, ...arg: IpcArg<C> extends undefined ? [] : [IpcArg<C>]): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(channel, ...arg) as Promise<IpcResult<C>>;
}

const bridge = {
  app: {
    info: () => invoke(Channels.appInfo),
  },
  notifications: {
    show: (request) => invoke(Channels.notificationsShow, request),
  },
  credentials: {
    backend: () => invoke(Channels.credentialsBackend),
    get: (account) => invoke(Channels.credentialsGet, { account }),
    set: (account, secret) => invoke(Channels.credentialsSet, { account, secret }),
    delete: (account) => invoke(Channels.credentialsDelete, { account }),
  },
  links: {
    openExternal: (url) => invoke(Channels.linksOpenExternal, { url }),
  },
} satisfies SwitchboardBridge;

contextBridge.exposeInMainWorld('switchboard', bridge);
