// Every sync route names the protocol version it is spoken in; a console of
// another version gets 'upgrade_required' and nothing it might misread.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema, PROTOCOL_HEADER, PROTOCOL_QUERY, PROTOCOL_VERSION } from '../../src/protocol';
import { createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { newTicketArgs, uuidv7 } from './desk';

const server = useTestServer('pglite');
let base = '';
let ws: TestWorkspace;
beforeAll(async () => {
  await server().app.listen({ port: 0, host: '127.0.0.1' });
  const address = server().app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  ws = await createTestWorkspace(server());
});

type Route = 'push' | 'pull' | 'snapshot' | 'events';
const ROUTES: Route[] = ['push', 'pull', 'snapshot', 'events'];

/** How the version travels: the header on fetches, the query parameter on the event stream (as the console sends them). */
interface Sent {
  header?: string;
  query?: string;
  token?: string | null;
}

/** One request over real HTTP; a stream that opens is closed at once. */
async function send(route: Route, sent: Sent): Promise<{ status: number; body: unknown }> {
  const token = sent.token === undefined ? ws.users.intake.token : sent.token;
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  if (sent.header !== undefined) headers[PROTOCOL_HEADER] = sent.header;
  const query = new URLSearchParams(route === 'pull' ? { cursor: '0' } : {});
  if (sent.query !== undefined) query.set(PROTOCOL_QUERY, sent.query);
  const abort = new AbortController();
  const init: RequestInit = { headers, signal: abort.signal };
  if (route === 'push') {
    const mutation = {
      clientId: `desk-${uuidv7()}`,
      seq: 1,
      name: 'createTicket',
      args: newTicketArgs(ws.clients['four-tier']),
      performedAt: new Date().toISOString(),
    };
    Object.assign(init, { method: 'POST', body: JSON.stringify({ mutations: [mutation] }) });
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${base}/api/sync/${route}?${query}`, init);
  if (route === 'events' && res.status === 200) {
    abort.abort();
    return { status: 200, body: null };
  }
  return { status: res.status, body: await res.json() };
}

/** The version as the console sends it on this route. */
const speaking = (route: Route, version: string | undefined): Sent =>
  version === undefined ? {} : route === 'events' ? { query: version } : { header: version };

const OLDER = /^This console is older than the server: update it; your unsynced changes are kept\./;
const NEWER = /^This console is newer than the server: the server must be updated/;

describe('the protocol version on every sync route', () => {
  it.each(
    ROUTES.flatMap(
      (route) =>
        [
          [route, 'no version', undefined, 426, OLDER],
          [route, 'an older version', String(PROTOCOL_VERSION - 1), 426, OLDER],
          [route, 'an unreadable version', 'two', 426, OLDER],
          [route, 'a newer version', String(PROTOCOL_VERSION + 1), 409, NEWER],
        ] as const,
    ),
  )('%s refuses %s with upgrade_required', async (route, _, version, status, message) => {
    const res = await send(route, speaking(route, version));
    expect(res.status).toBe(status);
    const body = apiErrorBodySchema.parse(res.body);
    expect(body.error.code).toBe('upgrade_required');
    expect(body.error.message).toMatch(message);
  });

  it.each(ROUTES)("%s answers the server's own version", async (route) => {
    const res = await send(route, speaking(route, String(PROTOCOL_VERSION)));
    expect(res.status).toBe(200);
  });

  it.each(ROUTES)('%s checks the version before the session: an old console learns to update, not to sign in', async (route) => {
    const res = await send(route, { ...speaking(route, String(PROTOCOL_VERSION - 1)), token: null });
    expect(res.status).toBe(426);
    expect(apiErrorBodySchema.parse(res.body).error.code).toBe('upgrade_required');
  });

  it('takes the version from the query on the event stream only, where no header can be set', async () => {
    expect((await send('events', { header: String(PROTOCOL_VERSION) })).status).toBe(200);
    expect((await send('pull', { query: String(PROTOCOL_VERSION) })).status).toBe(426);
  });

  it('writes nothing for a console of another version', async () => {
    const count = async () => {
      const row = await server()
        .database.db.selectFrom('client_mutations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', ws.tenantId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const before = await count();
    for (const version of [undefined, String(PROTOCOL_VERSION - 1), String(PROTOCOL_VERSION + 1)]) {
      expect((await send('push', speaking('push', version))).status).toBeGreaterThanOrEqual(400);
    }
    expect(await count()).toBe(before);
    // The same push in the server's version is written: the count above could have moved.
    expect((await send('push', speaking('push', String(PROTOCOL_VERSION)))).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});
