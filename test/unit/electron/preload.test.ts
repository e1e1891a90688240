import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { bridgeContract } from '../../../src/bridge/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => 'result'), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

await import('../../../electron/preload/index');

const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
  string,
  Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>,
];

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
    const declared = Object.entries(bridgeContract).flatMap(([group, calls]) =>
      Object.keys(calls).map((method) => [`switchboard.${group}.${method}`, 'function']),
    );
    expect(declared.length).toBeGreaterThan(0);
    expect(leaves(bridge).map(([at, value]) => [at, typeof value])).toEqual(declared);
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
    ['links', 'openExternal', ['https://docs.switchboard.example/'], ['links:openExternal', { url: 'https://docs.switchboard.example/' }]],
    ['callLinks', 'next', [], ['callLinks:next']],
    ['invoices', 'savePdf', [{ suggestedName: 'invoice.pdf' }], ['invoices:savePdf', { suggestedName: 'invoice.pdf' }]],
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

  it('reaches nothing but electron and zod-free, Node-free files, so the sandboxed bundle stays tiny', () => {
    const { files, packages } = staticImports(path.join(repoRoot, 'electron/preload/index.ts'));
    expect(packages).toEqual(['electron']);
    expect(files.map((file) => path.relative(repoRoot, file)).sort()).toEqual([
      'electron/preload/index.ts',
      'src/bridge/channels.ts',
      'src/bridge/contract.ts',
    ]);
  });
});

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every file a module pulls in at run time (type-only imports are erased), and the packages they name. */
function staticImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export) (?!type )[^;]*?from '([^']+)';$/gms)) {
      if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), `${specifier}.ts`));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}
