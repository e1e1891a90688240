// CORS over real HTTP: only the origins in the server's settings get a grant.
import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { createTestWorkspace, listen, PROTOCOL_HEADERS, useTestServer } from './harness';

const CONSOLE = 'http://127.0.0.1:5174';

describe('CORS', () => {
  const server = useTestServer('pglite', { allowedOrigins: ['app://switchboard', CONSOLE] });
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });

  const preflight = (origin: string) =>
    fetch(`${base}/api/sync/push`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });

  it.each(['http://localhost:9996', 'http://127.0.0.1:9996', 'http://localhost:5174', 'https://127.0.0.1:5174', 'null'])(
    'gives the foreign origin %s no grant',
    async (origin) => {
      const ws = await createTestWorkspace(server());
      const auth = { ...PROTOCOL_HEADERS, authorization: `Bearer ${ws.users.technician.token}`, origin };
      const me = await fetch(`${base}/api/me`, { headers: auth });
      expect(me.headers.get('access-control-allow-origin')).toBeNull();
      const pull = await fetch(`${base}/api/sync/pull?cursor=0`, { headers: auth });
      expect(pull.headers.get('access-control-allow-origin')).toBeNull();
      const abort = new AbortController();
      const events = await fetch(`${base}/api/sync/events?token=${ws.users.technician.token}&protocol=${PROTOCOL_VERSION}`, {
        headers: { origin },
        signal: abort.signal,
      });
      expect(events.headers.get('access-control-allow-origin')).toBeNull();
      abort.abort();
      const refused = await preflight(origin);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it.each([CONSOLE, 'app://switchboard'])('grants the configured origin %s', async (origin) => {
    const ws = await createTestWorkspace(server());
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${ws.users.technician.token}`, origin } });
    expect(me.status).toBe(200);
    expect(me.headers.get('access-control-allow-origin')).toBe(origin);
    const allowed = await preflight(origin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
