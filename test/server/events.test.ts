import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { openDatabase, type OpenDatabase } from '../../src/server/db/open-database';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, openTestDatabase, PROTOCOL_HEADERS, stopTestCluster, useTestServer } from './harness';
import { Desk, newTicketArgs } from './desk';
import { openSse, type SseMessage } from './sse-reader';

const isPoke = (atLeast: number) => (m: SseMessage) => m.event === 'poke' && Number(m.data) >= atLeast;

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

describe.each(BACKENDS)('sync events on %s', (backend) => {
  const server = useTestServer(backend, { heartbeatMs: 50 });
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });

  it('pokes a connected desk with the latest change sequence when another desk pushes', async () => {
    const ws = await createTestWorkspace(server());
    const stream = await openSse(`${base}/api/sync/events?token=${ws.users.technician.token}&protocol=${PROTOCOL_VERSION}`, {
      origin: 'http://localhost:5173',
    });
    try {
      expect(stream.status).toBe(200);
      // On connect: where the tenant is now, so a reconnecting desk knows whether to pull.
      const { body } = await new Desk(server().app, ws.users.technician.token).pull(0, 1000);
      await stream.next(isPoke(body.nextCursor));
      const result = await new Desk(server().app, ws.users.intake.token).apply('createTicket', newTicketArgs(ws.clients['four-tier']));
      const poke = await stream.next(isPoke(result.status === 'applied' ? result.changeSeq : Infinity));
      expect(poke.data).toMatch(/^\d+$/);
      await stream.next((m) => m.comment === 'heartbeat');
    } finally {
      stream.close();
    }
  });

  it('accepts the token and the version in headers too', async () => {
    const ws = await createTestWorkspace(server());
    const stream = await openSse(`${base}/api/sync/events`, { ...PROTOCOL_HEADERS, authorization: `Bearer ${ws.users.scheduler.token}` });
    try {
      expect(stream.status).toBe(200);
      await stream.next((m) => m.event === 'poke');
    } finally {
      stream.close();
    }
  });

  it('tells the desk its session expired and closes the stream', async () => {
    const ws = await createTestWorkspace(server());
    const stream = await openSse(`${base}/api/sync/events?token=${ws.users.engineer.token}&protocol=${PROTOCOL_VERSION}`);
    await stream.next((m) => m.event === 'poke');
    server().clock.advance(25 * 3600 * 1000);
    await stream.next((m) => m.event === 'session_expired');
    await stream.ended;
  });
});

describe.runIf(BACKENDS.includes('postgres'))('LISTEN/NOTIFY between two server instances on one PostgreSQL', () => {
  let first: { database: OpenDatabase; app: FastifyInstance };
  let second: { database: OpenDatabase; app: FastifyInstance; base: string };

  beforeAll(async () => {
    const database = await openTestDatabase('postgres');
    first = { database, app: await buildServer({ database }) };
    const other = await openDatabase({ databaseUrl: database.url });
    const app = await buildServer({ database: other, heartbeatMs: 1000 });
    second = { database: other, app, base: await listen(app) };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.database.close();
    await first?.app.close();
    await first?.database.close();
    await stopTestCluster();
  });

  it('a push to instance A produces a poke on instance B', async () => {
    const ws = await createTestWorkspace(first);
    const stream = await openSse(`${second.base}/api/sync/events?token=${ws.users.technician.token}&protocol=${PROTOCOL_VERSION}`);
    try {
      await stream.next((m) => m.event === 'poke');
      const result = await new Desk(first.app, ws.users.technician.token).apply(
        'createTicket',
        newTicketArgs(ws.clients['five-priority'], { priority: 'p4' }),
      );
      expect(result.status).toBe('applied');
      await stream.next(isPoke(result.status === 'applied' ? result.changeSeq : Infinity));
    } finally {
      stream.close();
    }
  });
});
