// An invited person's first sign-in from the console keeps the session exactly
// as a password sign-in does: the token goes to the bridge's credential store
// (the OS keychain in Electron), never elsewhere, and a refusal stores nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SwitchboardBridge } from '../../../src/bridge/contract';
import type { Repositories } from '../../../src/data/repositories';
import { SessionService } from '../../../src/app/session/session-service';
import { useSessionStore } from '../../../src/app/session/session-store';
import type { LoginResponse } from '../../../src/protocol';

const SERVER = 'http://sync.test';
const request = { workspace: 'demo', email: 'dana@example.com', code: 'ABCD-EFGH-JK23', password: 'a long enough password' };

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function setUp() {
  const stored = new Map<string, string>();
  const bridge = {
    credentials: {
      get: async (account: string) => stored.get(account) ?? null,
      set: async (account: string, secret: string) => void stored.set(account, secret),
      delete: async (account: string) => void stored.delete(account),
    },
  } as unknown as SwitchboardBridge;
  const settings = new Map<string, unknown>();
  const repos = { settings: { set: async (key: string, value: unknown) => void settings.set(key, value) } } as unknown as Repositories;
  return { service: new SessionService(SERVER, bridge, repos), stored, settings };
}

describe('SessionService.setupPassword', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    useSessionStore.setState({ currentUserId: null, signedIn: null });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('posts the code and password, then keeps the session as a sign-in does', async () => {
    const login = {
      token: 'token-of-dana',
      expiresAt: '2030-01-01T00:00:00.000Z',
      user: { id: 'user-dana', name: 'Dana Reyes' },
      workspace: { name: 'Demo MSP' },
    } as unknown as LoginResponse;
    fetchMock.mockResolvedValueOnce(answer(200, login));
    const { service, stored, settings } = setUp();

    expect(await service.setupPassword(request)).toEqual({ ok: true });

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`${SERVER}/api/auth/setup-password`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual(request);
    expect(stored.get('sync-session')).toBe('token-of-dana');
    expect(await service.token()).toBe('token-of-dana');
    expect(settings.get('currentUserId')).toBe('user-dana');
    expect(useSessionStore.getState()).toMatchObject({
      currentUserId: 'user-dana',
      signedIn: { userName: 'Dana Reyes', workspaceName: 'Demo MSP' },
    });
  });

  it.each([
    [401, 'invalid_credentials', 'The workspace, email or setup code is wrong, or the code has expired.', {}],
    [429, 'rate_limited', 'Too many failed sign-ins for this account. Wait 2 minutes and try again.', { 'retry-after': '120' }],
  ])('answers HTTP %i with the server’s message and keeps no session', async (status, code, message, headers) => {
    fetchMock.mockResolvedValueOnce(answer(status, { error: { code, message } }, headers));
    const { service, stored, settings } = setUp();

    expect(await service.setupPassword(request)).toEqual({ ok: false, message });
    expect(stored.size).toBe(0);
    expect(await service.token()).toBeNull();
    expect(settings.size).toBe(0);
    expect(useSessionStore.getState().signedIn).toBeNull();
  });

  it('says the server cannot be reached when offline, and keeps no session', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { service, stored } = setUp();
    const result = await service.setupPassword(request);
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`Cannot reach the sync server at ${SERVER}`) });
    expect(stored.size).toBe(0);
  });
});
