import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => 'result'), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

await import('../../../electron/preload/index');

const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>];

function leaves(value: unknown, at = 'switchboard'): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${at}.${key}`));
  }
  return [[at, value]];
}

describe('preload bridge', () => {
  it('is exposed once, as window.switchboard', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('switchboard');
  });

  it('exposes exactly the named functions of the contract and nothing else', () => {
    expect(leaves(bridge).map(([path, value]) => [path, typeof value])).toEqual([
      ['switchboard.app.info', 'function'],
      ['switchboard.notifications.show', 'function'],
      ['switchboard.credentials.backend', 'function'],
      ['switchboard.credentials.get', 'function'],
      ['switchboard.credentials.set', 'function'],
      ['switchboard.credentials.delete', 'function'],
      ['switchboard.links.openExternal', 'function'],
    ]);
  });

  it('never hands out the transport', () => {
    for (const [, value] of leaves(bridge)) {
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
      expect(value).not.toBe(electron.ipcRenderer.send);
      expect(value).not.toBe(electron.ipcRenderer.on);
    }
  });

  it.each([
    ['app', 'info', [], ['app:info']],
    ['notifications', 'show', [{ title: 't', body: 'b' }], ['notifications:show', { title: 't', body: 'b' }]],
    ['credentials', 'backend', [], ['credentials:backend']],
    ['credentials', 'get', ['sync'], ['credentials:get', { account: 'sync' }]],
    ['credentials', 'set', ['sync', 's3cret'], ['credentials:set', { account: 'sync', secret: 's3cret' }]],
    ['credentials', 'delete', ['sync'], ['credentials:delete', { account: 'sync' }]],
    ['links', 'openExternal', ['https://docs.switchboard.example/'], ['links:open-external', { url: 'https://docs.switchboard.example/' }]],
  ])('%s.%s invokes its own channel with one object argument', async (group, fn, args, expected) => {
    electron.ipcRenderer.invoke.mockClear();
    await expect(bridge[group]?.[fn]?.(...args)).resolves.toBe('result');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([expected]);
  });

  it('ignores extra arguments a page passes, so it cannot pick a channel or smuggle data', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await bridge['app']?.['info']?.('credentials:get', { account: 'x' });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([['app:info']]);
  });

  it('imports nothing but electron and the zod-free channel names, so the sandboxed bundle stays tiny', () => {
    const source = readFileSync(new URL('../../../electron/preload/index.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import (?!type ).*from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imports).toEqual(['electron', '../../src/bridge/channels']);
    const channels = readFileSync(new URL('../../../src/bridge/channels.ts', import.meta.url), 'utf8');
    expect([...channels.matchAll(/^import (?!type ).*$/gm)]).toEqual([]);
  });
});
