// Runs sandboxed: it can require only `electron`, so everything else it
// uses is bundled in, and it stays tiny (src/bridge imports no zod, no Node).
// The page gets one named function per bridge call, each bound to its own
// channel: never ipcRenderer, nor a way to pick a channel.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeChannels } from '../../src/bridge/channels';
import type { SwitchboardBridge } from '../../src/bridge/contract';

type BridgeFunction = (...params: unknown[]) => Promise<unknown>;

function buildBridge(): SwitchboardBridge {
  const groups: Record<string, Record<string, BridgeFunction>> = {};
  for (const { group, method, channel, toArg } of bridgeChannels) {
    (groups[group] ??= {})[method] = (...params) => {
      const arg = toArg(...params);
      return arg === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, arg);
    };
  }
  // The shape is the contract's by construction; test/unit/electron/preload.test.ts checks it.
  return groups as unknown as SwitchboardBridge;
}

contextBridge.exposeInMainWorld('switchboard', buildBridge());
