// A desk across a protocol version change: the server refuses it with
// upgrade_required, the desk keeps its outbox, says so and stops asking, and
// the same store opened by a console of the new version pushes it all once.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/data/repositories';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { buildServer } from '../../src/server/app';
import { createSyncEngine } from '../../src/sync/sync-engine';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { BASE_URL, Link } from './network';
import { serverState, SimDesk, sortById, statusWhere, ticketDraft } from './sim';

const server = useTestServer('pglite');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const NEXT_VERSION = PROTOCOL_VERSION + 1;
const OLDER = /^This console is older than the server: update it; your unsynced changes are kept\./;
const NEWER = /^This console is newer than the server: the server must be updated/;

function desk(ws: TestWorkspace) {
  const d = new SimDesk(server().app, ws.users.technician.token, () => 0.5);
  cleanups.push(() => d.close());
  return d;
}

/** The same database behind a server of the next protocol version: the server after its update. */
async function updatedServer(): Promise<FastifyInstance> {
  const app = await buildServer({ database: server().database, now: server().clock.now, protocolVersion: NEXT_VERSION });
  await app.ready();
  cleanups.push(() => app.close());
  return app;
}

describe('a protocol version change under a desk', () => {
  it('keeps an outbox made offline across a server update, and the updated console pushes it exactly once', async () => {
    const ws = await createTestWorkspace(server());
    const d = desk(ws);
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get().connection).toBe('online');

    d.link.fault = 'offline';
    const created = await d.tab.repos.tickets.create(ticketDraft(ws, 'Phones down at main office'), d.now());
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    await d.tab.repos.tickets.setStatus(created.ticket.id, 'open', d.now());
    await d.tab.repos.tickets.updateTicket(created.ticket.id, { title: 'Phones down everywhere' }, d.now());
    await d.tab.repos.sync.perform(
      {
        name: 'addNote',
        args: { id: crypto.randomUUID(), ticketId: created.ticket.id, kind: 'internal_note', body: 'Carrier says it is on their side.' },
      },
      d.now(),
    );
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'offline', pending: 4 });

    // While the desk was away, its server was updated to the next protocol version.
    d.link.app = await updatedServer();
    d.link.heal();
    const outbox = (await d.local()).outbox;
    expect(outbox).toHaveLength(4);
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'upgrade-required', pending: 4, error: expect.stringMatching(OLDER) });
    const kept = await d.local();
    expect(kept.outbox).toEqual(outbox);
    expect(kept.rejections).toEqual([]);
    expect((await serverState(server().database, ws.tenantId)).mutations).toEqual([]);

    // The console is updated: the same store, opened by a desk of the server's version.
    d.protocolVersion = NEXT_VERSION;
    d.kill();
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'online', pending: 0, error: null });
    const { deviceId } = await d.tab.repos.sync.state();
    const srv = await serverState(server().database, ws.tenantId);
    expect(srv.mutations.map((m) => [m.client_id, m.seq]).sort()).toEqual([1, 2, 3, 4].map((seq) => [deviceId, seq]));
    expect(srv.tickets).toHaveLength(1);
    expect(srv.tickets[0]).toMatchObject({ id: created.ticket.id, status: 'open', title: 'Phones down everywhere' });
    expect(srv.notes).toHaveLength(1);
    const local = await d.local();
    expect(local.outbox).toEqual([]);
    expect(sortById(local.tickets)).toEqual(srv.tickets);
    expect(sortById(local.notes)).toEqual(srv.notes);
  });

  it('stops asking on its own: no retries; local changes, the network coming back and failed checks wait for the poll', async () => {
    const ws = await createTestWorkspace(server());
    const downloaded = desk(ws);
    await downloaded.tab.engine.syncNow();
    downloaded.close();
    // The same store, in a console one version behind its server.
    const repos = createRepositories(downloaded.dbName);
    const link = new Link(server().app, () => 0.5);
    const network = new EventTarget();
    const engine = createSyncEngine({
      store: repos.sync,
      baseUrl: BASE_URL,
      getToken: () => ws.users.technician.token,
      fetch: link.fetch,
      eventSource: null,
      events: network,
      // A retry 1 ms after each failure: a storm would be plain within the wait below.
      backoff: { baseMs: 1, maxMs: 1 },
      pollIntervalMs: 3_600_000,
      protocolVersion: PROTOCOL_VERSION - 1,
    });
    cleanups.push(() => {
      engine.stop();
      repos.close();
    });
    engine.start();
    await statusWhere(engine, (s) => s.connection === 'upgrade-required');
    const asked = link.stats.requests;
    expect(asked).toBeGreaterThan(0);

    // What would otherwise start a sync at once.
    const created = await repos.tickets.create(ticketDraft(ws, 'Scanner jams'));
    if (!created.ok) throw new Error('setup');
    network.dispatchEvent(new Event('online'));
    network.dispatchEvent(new Event('offline'));
    network.dispatchEvent(new Event('online'));
    await statusWhere(engine, (s) => s.pending === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(link.stats.requests).toBe(asked);
    expect(engine.status.get()).toMatchObject({ connection: 'upgrade-required', pending: 1, error: expect.stringMatching(OLDER) });
    expect(await repos.sync.pendingCount()).toBe(1);

    // An explicit check that fails for another reason (the network) leaves it so, and schedules nothing either.
    link.fault = 'offline';
    await engine.syncNow();
    const checked = link.stats.requests;
    expect(checked).toBeGreaterThan(asked);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(link.stats.requests).toBe(checked);
    expect(engine.status.get()).toMatchObject({ connection: 'upgrade-required', error: expect.stringMatching(OLDER) });
  });

  it('a console newer than its server says the server must be updated, and syncs once it is', async () => {
    const ws = await createTestWorkspace(server());
    const d = desk(ws);
    await d.tab.engine.syncNow();
    // The console is updated before its server.
    d.protocolVersion = NEXT_VERSION;
    d.kill();
    const created = await d.tab.repos.tickets.create(ticketDraft(ws, 'Badge reader offline'), d.now());
    if (!created.ok) throw new Error('setup');
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'upgrade-required', pending: 1, error: expect.stringMatching(NEWER) });

    d.link.app = await updatedServer();
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'online', pending: 0, error: null });
    const srv = await serverState(server().database, ws.tenantId);
    expect(srv.tickets.map((t) => t.id)).toEqual([created.ticket.id]);
    expect(sortById((await d.local()).tickets)).toEqual(srv.tickets);
  });
});
