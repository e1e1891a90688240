// The first download (snapshot) in parts: each kind of row stored once,
// a download cut short starts over, and two windows never undo each other.
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/protocol';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { Desk, newTicketArgs } from '../server/desk';
import type { SnapshotPart } from '../../src/data/sync-store';
import { serverState, SimDesk, sortById, type Tab } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

function desk(ws: TestWorkspace, options: { tabs?: number } = {}) {
  const d = new SimDesk(server().app, ws.users.technician.token, () => 0.5, 0, options.tabs ?? 1, 3);
  desks.push(d);
  return d;
}

async function workspaceWithTickets(n: number) {
  const ws = await createTestWorkspace(server());
  const admin = new Desk(server().app, ws.users.admin.token);
  for (let i = 0; i < n; i++) await admin.apply('createTicket', newTicketArgs(ws.clients['four-tier']));
  await admin.apply('addNote', {
    id: crypto.randomUUID(),
    ticketId: (await server().database.db.selectFrom('tickets').select('id').where('tenant_id', '=', ws.tenantId).executeTakeFirstOrThrow())
      .id,
    kind: 'internal_note',
    body: 'Called the site; nobody there.',
  });
  return ws;
}

/** A promise and the function that resolves it (Promise.withResolvers needs Node 22). */
function signal() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Holds each snapshot part the tab is about to store until `before` resolves, and reports it once `stored`. */
function gateParts(tab: Tab, gate: { before: (part: SnapshotPart) => Promise<void>; stored: (part: SnapshotPart) => void }) {
  const store = tab.repos.sync;
  const apply = store.applySnapshotPart.bind(store);
  store.applySnapshotPart = async (part, changes, at) => {
    await gate.before(part);
    const outcome = await apply(part, changes, at);
    gate.stored(part);
    return outcome;
  };
}

async function expectConverged(d: SimDesk, ws: TestWorkspace) {
  const srv = await serverState(server().database, ws.tenantId);
  const local = await d.local();
  expect(sortById(local.tickets)).toEqual(srv.tickets);
  expect(sortById(local.notes)).toEqual(srv.notes);
  expect(local.clients.map((c) => c.id).sort()).toEqual(Object.values(ws.clients).sort());
  expect((await d.tab.repos.sync.state()).cursor).toBeGreaterThan(0);
}

describe('the first download', () => {
  it('stores each kind of row in one part, in order, however many pages it takes', async () => {
    const ws = await workspaceWithTickets(5);
    const d = desk(ws);
    const parts: string[][] = [];
    const store = d.tab.repos.sync;
    const apply = store.applySnapshotPart.bind(store);
    store.applySnapshotPart = (part, changes: readonly Change[], at) => {
      parts.push([...new Set(changes.map((c) => c.entity))]);
      return apply(part, changes, at);
    };
    await d.tab.engine.initialSync();
    // Pages of 3 changes: every kind spans several pages, yet is written once (a
    // part may hold several kinds: the last holds whatever the last page completed).
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat()).toEqual(['user', 'client', 'ticket', 'ticket_event', 'note']);
    await expectConverged(d, ws);
    // The parts skip the per-ticket timeline index; the last part builds it whole: each ticket opens with its history.
    const { db } = server().database;
    const notes = await db.selectFrom('notes').select(['id', 'ticket_id']).where('tenant_id', '=', ws.tenantId).execute();
    const events = await db.selectFrom('ticket_events').select(['id', 'ticket_id']).where('tenant_id', '=', ws.tenantId).execute();
    expect(notes).toHaveLength(1);
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const ticketId of new Set(events.map((e) => e.ticket_id))) {
      const history = await d.tab.repos.timeline.forTicket(ticketId);
      expect(history.events.map((e) => e.id).sort()).toEqual(
        events
          .filter((e) => e.ticket_id === ticketId)
          .map((e) => e.id)
          .sort(),
      );
      expect(history.notes.map((n) => n.id)).toEqual(notes.filter((n) => n.ticket_id === ticketId).map((n) => n.id));
    }
  });

  it('starts over after being cut short, and ends equal to the server', async () => {
    const ws = await workspaceWithTickets(5);
    const d = desk(ws);
    await d.tab.engine.initialSync((p) => {
      // The network goes while the tickets are arriving.
      if (p.received >= 15) d.link.fault = 'offline';
    });
    expect(d.tab.engine.status.get().connection).toBe('offline');
    const partial = await d.local();
    expect(partial.clients).toHaveLength(3); // the kinds already complete are stored ...
    expect((await d.tab.repos.sync.state()).cursor).toBe(0); // ... but the download is not done
    d.kill();
    d.link.heal();
    await d.tab.engine.syncNow();
    await expectConverged(d, ws);
  });

  it('two windows downloading at once: one waits, neither undoes the other', async () => {
    const ws = await workspaceWithTickets(6);
    const d = desk(ws, { tabs: 2 });
    const [a, b] = d.tabs as [Tab, Tab];
    // Drive the race so its outcome is known: A stores its first part, B takes
    // the download over with its own first part, and B goes on only once A has
    // given up, so A finds the download taken and not yet finished.
    const aStoredFirst = signal();
    const bStoredFirst = signal();
    const aGaveUp = signal();
    gateParts(a, {
      before: (part) => (part.first ? Promise.resolve() : bStoredFirst.promise),
      stored: (part) => part.first && aStoredFirst.resolve(),
    });
    gateParts(b, {
      before: (part) => (part.first ? aStoredFirst.promise : aGaveUp.promise),
      stored: (part) => part.first && bStoredFirst.resolve(),
    });
    await Promise.all([a.engine.syncNow().finally(() => aGaveUp.resolve()), b.engine.syncNow()]);
    const errors = d.tabs.map((t) => t.engine.status.get().error);
    expect(errors).toEqual([expect.stringMatching(/Another window of this console is downloading the workspace/), null]);
    await d.syncAll();
    expect(d.tabs.map((t) => t.engine.status.get().error)).toEqual([null, null]);
    await expectConverged(d, ws);
  });
});
