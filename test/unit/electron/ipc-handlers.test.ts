import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeChannels } from '../../../src/bridge/channels';
import { refusedExternalLinkMessage } from '../../../src/bridge/external-links';
import { HOSTILE_LINKS } from './hostile-links';

const electron = vi.hoisted(() => {
  class Notification {
    static isSupported = vi.fn(() => true);
    static shown: Array<{ title: string; body: string }> = [];
    constructor(private readonly options: { title: string; body: string }) {}
    on = vi.fn();
    show(): void {
      Notification.shown.push(this.options);
    }
  }
  return {
    Notification,
    app: { getVersion: vi.fn(() => '1.2.3') },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
});
vi.mock('electron', () => electron);

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
const { createCallLinkInbox } = await import('../../../electron/main/call-links');
const { createValidatedIpc } = await import('../../../electron/main/validated-ipc');

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const appEvent = { senderFrame: { url: 'app://switchboard/index.html', parent: null } };

function setup(serverUrl?: string) {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: vi.fn((channel: string, listener: Listener) => listeners.set(channel, listener)) };
  const credentials = {
    backend: vi.fn(() => 'os-keychain' as const),
    get: vi.fn(async () => 'tok'),
    set: vi.fn(async () => undefined),
    delete: vi.fn(async () => undefined),
  };
  registerIpcHandlers(createValidatedIpc(ipcMain as never, ['app://switchboard']), {
    credentials,
    getWindow: () => null,
    serverUrl,
    callLinks: createCallLinkInbox(),
  });
  const invoke = (channel: string, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`${channel} not registered`);
    return listener(appEvent, ...args);
  };
  return { listeners, credentials, invoke };
}

beforeEach(() => {
  electron.Notification.shown = [];
  electron.Notification.isSupported.mockReturnValue(true);
  electron.shell.openExternal.mockClear();
});

describe('registerIpcHandlers', () => {
  it('registers exactly one channel per bridge call of the contract', () => {
    const channels = bridgeChannels.map(({ channel }) => channel);
    expect(channels.length).toBeGreaterThan(0);
    expect([...setup().listeners.keys()].sort()).toEqual([...channels].sort());
  });

  it('callLinks:next takes no argument from the page', async () => {
    await expect(setup().invoke('callLinks:next', { from: '+19135550142' })).rejects.toThrow(/callLinks:next takes no argument/);
  });

  it('app:info reports the Electron runtime', async () => {
    await expect(setup().invoke('app:info')).resolves.toEqual({
      name: 'Switchboard',
      version: '1.2.3',
      platform: process.platform,
      runtime: 'electron',
    });
  });

  it('app:info includes the sync server URL when one was configured', async () => {
    await expect(setup('http://127.0.0.1:8787').invoke('app:info')).resolves.toMatchObject({ serverUrl: 'http://127.0.0.1:8787' });
  });

  it('notifications:show shows an Electron notification', async () => {
    await expect(setup().invoke('notifications:show', { title: 'SLA breach', body: 'Ticket 42' })).resolves.toBe(true);
    expect(electron.Notification.shown).toEqual([{ title: 'SLA breach', body: 'Ticket 42' }]);
  });

  it('notifications:show resolves false where the OS has no notifications', async () => {
    electron.Notification.isSupported.mockReturnValue(false);
    await expect(setup().invoke('notifications:show', { title: 'x', body: 'y' })).resolves.toBe(false);
    expect(electron.Notification.shown).toEqual([]);
  });

  it('credentials:* reach the store with the parsed arguments', async () => {
    const { invoke, credentials } = setup();
    await expect(invoke('credentials:backend')).resolves.toBe('os-keychain');
    await expect(invoke('credentials:get', { account: 'sync' })).resolves.toBe('tok');
    await invoke('credentials:set', { account: 'sync', secret: 's3cret' });
    await invoke('credentials:delete', { account: 'sync' });
    expect(credentials.set).toHaveBeenCalledWith('sync', 's3cret');
    expect(credentials.delete).toHaveBeenCalledWith('sync');
  });

  it('links:openExternal opens an allow-listed link', async () => {
    await setup().invoke('links:openExternal', { url: 'https://docs.switchboard.example/sla' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.switchboard.example/sla');
  });

  // The schema already refuses an empty URL, before the link rule is asked.
  it.each(HOSTILE_LINKS.filter((url) => url !== ''))('links:openExternal refuses %s and says which links are allowed', async (url) => {
    await expect(setup().invoke('links:openExternal', { url })).rejects.toThrow(refusedExternalLinkMessage(url));
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
