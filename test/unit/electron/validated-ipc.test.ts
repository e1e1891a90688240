import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { ipcSchemas } from '../../../electron/main/ipc-schemas';
import { createValidatedIpc } from '../../../electron/main/validated-ipc';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const appFrame = { url: 'app://switchboard/index.html', parent: null };

function setup(trusted = ['app://switchboard']) {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: vi.fn((channel: string, listener: Listener) => listeners.set(channel, listener)) };
  const ipc = createValidatedIpc(ipcMain as never, trusted);
  const handler = vi.fn(async (arg: { account: string }) => `token for ${arg.account}`);
  ipc.handle('credentials:get', ipcSchemas['credentials:get'], handler);
  const invoke = (senderFrame: unknown, ...args: unknown[]) => {
    const listener = listeners.get('credentials:get');
    if (!listener) throw new Error('not registered');
    return listener({ senderFrame }, ...args);
  };
  return { handler, invoke, ipcMain };
}

describe('validated IPC wrapper', () => {
  it('registers the channel with ipcMain.handle', () => {
    expect(setup().ipcMain.handle).toHaveBeenCalledWith('credentials:get', expect.any(Function));
  });

  it('passes a well-formed argument from the app to the handler', async () => {
    const { handler, invoke } = setup();
    await expect(invoke(appFrame, { account: 'sync' })).resolves.toBe('token for sync');
    expect(handler).toHaveBeenCalledWith({ account: 'sync' }, expect.anything());
  });

  it.each([
    [
      'a foreign page',
      { url: 'https://evil.example/', parent: null },
      /credentials:get refused: the sender https:\/\/evil\.example\/ is not the app/,
    ],
    ['a lookalike', { url: 'https://evil.example/?next=app://switchboard', parent: null }, /is not the app/],
    ['userinfo trickery', { url: 'app://user@switchboard/', parent: null }, /is not the app/],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }, /is not the app/],
    ['a subframe of the app', { url: 'app://switchboard/frame.html', parent: appFrame }, /is a subframe/],
    ['a destroyed frame', null, /the sending frame is gone/],
  ])('rejects %s before the handler runs', async (_name, frame, message) => {
    const { handler, invoke } = setup();
    await expect(invoke(frame, { account: 'sync' })).rejects.toThrow(message);
    expect(handler).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when it is one of the trusted origins', async () => {
    const devFrame = { url: 'http://localhost:5173/', parent: null };
    await expect(setup().invoke(devFrame, { account: 'a' })).rejects.toThrow(/is not the app/);
    await expect(setup(['app://switchboard', 'http://localhost:5173']).invoke(devFrame, { account: 'a' })).resolves.toBe('token for a');
  });

  it.each([
    ['no argument', [], 'credentials:get got a bad argument: argument: Invalid input: expected object, received undefined.'],
    ['a bare string', ['sync'], 'credentials:get got a bad argument: argument: Invalid input: expected object, received string.'],
    [
      'a number for the account',
      [{ account: 42 }],
      'credentials:get got a bad argument: account: Invalid input: expected string, received number.',
    ],
    ['an empty account', [{ account: '  ' }], 'credentials:get got a bad argument: account: an account name is required.'],
    ['an extra field', [{ account: 'sync', secret: 'x' }], 'credentials:get got a bad argument: argument: Unrecognized key: "secret".'],
    ['two arguments', [{ account: 'sync' }, { account: 'other' }], 'credentials:get takes at most one argument; got 2.'],
  ])('rejects %s with an error naming what was wrong', async (_name, args, message) => {
    const { handler, invoke } = setup();
    await expect(invoke(appFrame, ...args)).rejects.toThrow(message);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects an own __proto__ key rather than passing it on', async () => {
    const { handler, invoke } = setup();
    const hostile = JSON.parse('{"account":"sync","__proto__":{"admin":true}}') as unknown;
    await expect(invoke(appFrame, hostile)).rejects.toThrow('Unrecognized key: "__proto__"');
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('ipcSchemas', () => {
  it.each([
    ['app:info', undefined],
    ['notifications:show', { title: 'SLA breach', body: 'Ticket 42 is late' }],
    ['credentials:backend', undefined],
    ['credentials:set', { account: 'sync', secret: 's3cret' }],
    ['credentials:delete', { account: 'sync' }],
    ['links:openExternal', { url: 'https://docs.switchboard.example/' }],
  ] as const)('accepts a good %s argument', (channel, arg) => {
    expect(ipcSchemas[channel].safeParse(arg).success).toBe(true);
  });

  it.each([
    ['app:info', { sneaky: true }],
    ['notifications:show', { title: '', body: 'x' }],
    ['notifications:show', { title: 'x' }],
    ['credentials:set', { account: 'sync', secret: '' }],
    ['credentials:set', { account: 'sync' }],
    ['links:openExternal', 'https://docs.switchboard.example/'],
    ['links:openExternal', { url: 'x'.repeat(3000) }],
  ] as const)('rejects a bad %s argument', (channel, arg) => {
    expect((ipcSchemas[channel] as z.ZodType).safeParse(arg).success).toBe(false);
  });
});
