// Model-based fault injection: desks edit, go offline, lose responses after the
// server committed, receive duplicates, die mid-sync, have wrong clocks, lose
// access, and run two tabs on one store. Once the network heals and the outboxes
// drain: every desk equals the server for its workspace, every mutation a desk
// queued reached the server exactly once, nothing refused is shown as done, and
// no desk holds another workspace's rows. Fixed seeds: a failure replays exactly.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../../src/domain/ticket';
import { LocalMutationRefused } from '../../src/data/outbox';
import { postgresAvailable } from '../setup/postgres-cluster';
import { createTestWorkspace, useTestServer, type TestServer, type TestWorkspace } from '../server/harness';
import type { Fault } from './network';
import { serverState, SimDesk, sortById } from './sim';

const server = useTestServer('pglite');
const pgServer = postgresAvailable() ? useTestServer('postgres') : null;
const DAY = 24 * 3600 * 1000;

type Action =
  | { t: 'create'; desk: number; n: number }
  | { t: 'status'; desk: number; pick: number; status: (typeof TICKET_STATUSES)[number] }
  | { t: 'update'; desk: number; pick: number; priority: string }
  | { t: 'note'; desk: number; pick: number }
  | { t: 'contact'; desk: number; pick: number }
  | { t: 'deleteContact'; desk: number; pick: number }
  | { t: 'sync'; desk: number }
  | { t: 'syncEveryone' }
  | { t: 'fault'; desk: number; fault: Fault }
  | { t: 'kill'; desk: number; midSync: boolean }
  | { t: 'revoke'; desk: number }
  | { t: 'restore'; desk: number };

const DESKS = 4;
const desk = fc.nat({ max: DESKS - 1 });
const pick = fc.nat({ max: 50 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('create' as const), desk, n: fc.nat({ max: 999 }) }) },
  { weight: 8, arbitrary: fc.record({ t: fc.constant('status' as const), desk, pick, status: fc.constantFrom(...TICKET_STATUSES) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('update' as const),
      desk,
      pick,
      priority: fc.constantFrom('critical', 'high', 'medium', 'standard'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('note' as const), desk, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('contact' as const), desk, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteContact' as const), desk, pick }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), desk }) },
  { weight: 1, arbitrary: fc.constant({ t: 'syncEveryone' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      desk,
      fault: fc.constantFrom<Fault>('none', 'offline', 'drop-request', 'drop-response', 'duplicate', 'delay'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('kill' as const), desk, midSync: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('revoke' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restore' as const), desk }) },
);

/** Who each desk is: roles differ so refusals happen (intake may not move statuses, only coordinators keep contacts). */
const SETUP = [
  { ws: 0, role: 'technician', skewMs: 0, tabs: 2 },
  { ws: 0, role: 'service_coordinator', skewMs: -3 * DAY, tabs: 1 },
  { ws: 0, role: 'intake', skewMs: 2 * DAY, tabs: 1 },
  { ws: 1, role: 'engineer', skewMs: 0, tabs: 1 },
] as const;

/** Refusals the desk itself makes before writing (illegal transition, clock ahead, unknown ticket). */
async function expectRefusalOrDone(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (error instanceof LocalMutationRefused) return;
    if (error instanceof Error && /cannot go from|already|clock is|not in the local store/.test(error.message)) return;
    throw error;
  }
}

async function run(actions: Action[], seed: number, s: TestServer = server()) {
  const workspaces: TestWorkspace[] = [await createTestWorkspace(s), await createTestWorkspace(s)];
  let r = seed >>> 0;
  const random = () => (r = (Math.imul(r, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const desks = SETUP.map((d) => new SimDesk(s.app, workspaces[d.ws]!.users[d.role].token, random, d.skewMs, d.tabs));
  const wsOf = (i: number) => workspaces[SETUP[i]!.ws]!;
  const userOf = (i: number) => wsOf(i).users[SETUP[i]!.role];
  const setActive = (i: number, active: boolean) =>
    s.database.db.updateTable('users').set({ active }).where('id', '=', userOf(i).id).execute();
  const inFlight: Promise<unknown>[] = [];
  try {
    // Each desk's first download, so it knows its clients (and, for a wrong clock, the server's time).
    await Promise.all(desks.map((d) => d.tab.engine.initialSync()));
    for (const a of actions) {
      if (a.t === 'syncEveryone') {
        await Promise.all(desks.map((d) => d.syncAll()));
        continue;
      }
      const d = desks[a.desk]!;
      const tab = d.tabs[a.desk === 0 ? r % d.tabs.length : 0]!;
      const tickets = (await d.local()).tickets;
      const ticket = tickets.length ? tickets[('pick' in a ? a.pick : 0) % tickets.length]! : null;
      switch (a.t) {
        case 'create':
          await expectRefusalOrDone(
            tab.repos.tickets.create(
              {
                clientId: wsOf(a.desk).clients['four-tier'],
                title: `Ticket ${a.n}`,
                description: '',
                priority: 'high',
                channel: 'phone',
                assigneeId: null,
              },
              d.now(),
            ),
          );
          break;
        case 'status':
          if (ticket) await expectRefusalOrDone(tab.repos.tickets.setStatus(ticket.id, a.status, d.now()));
          break;
        case 'update':
          if (ticket) await expectRefusalOrDone(tab.repos.tickets.updateTicket(ticket.id, { priority: a.priority }, d.now()));
          break;
        case 'note':
          if (ticket)
            await expectRefusalOrDone(
              tab.repos.sync.perform(
                { name: 'addNote', args: { id: crypto.randomUUID(), ticketId: ticket.id, kind: 'internal_note', body: 'Called back.' } },
                d.now(),
              ),
            );
          break;
        case 'contact': {
          const contacts = (await d.local()).contacts;
          const id = contacts.length && a.pick % 2 ? contacts[a.pick % contacts.length]!.id : crypto.randomUUID();
          await expectRefusalOrDone(
            tab.repos.sync.perform(
              {
                name: 'upsertContact',
                args: {
                  id,
                  clientId: wsOf(a.desk).clients['four-tier'],
                  name: `Contact ${a.pick}`,
                  phones: [{ raw: '913-555-0142', label: 'work' }],
                  emails: [],
                  approvalLimitCents: null,
                  role: 'billing_contact',
                },
              },
              d.now(),
            ),
          );
          break;
        }
        case 'deleteContact': {
          const contacts = (await d.local()).contacts;
          if (contacts.length)
            await expectRefusalOrDone(
              tab.repos.sync.perform({ name: 'deleteContact', args: { id: contacts[a.pick % contacts.length]!.id } }, d.now()),
            );
          break;
        }
        case 'sync':
          // Desk 0 has two tabs pushing and pulling the same store at once.
          await (a.desk === 0 ? d.syncAll() : tab.engine.syncNow());
          break;
        case 'fault':
          d.link.fault = a.fault;
          break;
        case 'kill':
          // Mid-sync: the old engine's requests are still out when the process dies.
          if (a.midSync) inFlight.push(d.tab.engine.syncNow().catch(() => undefined));
          d.kill();
          break;
        case 'revoke':
          await setActive(a.desk, false);
          break;
        case 'restore':
          await setActive(a.desk, true);
          break;
      }
    }
    await Promise.all(inFlight);

    // Heal: network back, access back. A signed-out desk kept its outbox all along.
    for (let i = 0; i < desks.length; i++) {
      desks[i]!.link.heal();
      await setActive(i, true);
    }
    for (let round = 0; round < 8; round++) {
      await Promise.all(desks.map((d) => d.syncAll()));
      const pending = await Promise.all(desks.map((d) => d.tab.repos.sync.pendingCount()));
      if (pending.every((n) => n === 0)) break;
    }
    // One more round so every desk has pulled every other desk's last push.
    for (const d of desks) await d.syncAll();

    const states = await Promise.all(workspaces.map((w) => serverState(s.database, w.tenantId)));
    for (let i = 0; i < desks.length; i++) {
      const d = desks[i]!;
      const srv = states[SETUP[i]!.ws]!;
      const local = await d.local();
      expect(d.tab.engine.status.get()).toMatchObject({ connection: 'online', pending: 0, error: null });
      expect(local.outbox).toEqual([]);
      expect(sortById(local.tickets)).toEqual(srv.tickets);
      expect(sortById(local.contacts)).toEqual(srv.contacts);
      expect(sortById(local.notes)).toEqual(srv.notes);
      // Exactly once: the server holds one result for each sequence number the desk ever issued, no more, no gap.
      const state = await d.tab.repos.sync.state();
      const mine = srv.mutations.filter((m) => m.client_id === state.deviceId);
      expect(mine.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: state.nextSeq - 1 }, (_, k) => k + 1));
      // Every refusal the server recorded reached the desk, and nothing else is shown as refused.
      const refused = mine.filter((m) => (m.result as { status: string }).status === 'rejected').map((m) => m.seq);
      expect(local.rejections.map((x) => x.seq).sort((a, b) => a - b)).toEqual(refused.sort((a, b) => a - b));
      // Workspace isolation: nothing from the other workspace.
      const other = states[1 - SETUP[i]!.ws]!;
      const foreign = new Set([...other.tickets, ...other.contacts, ...other.notes].map((x) => x.id));
      expect([...local.tickets, ...local.contacts, ...local.notes].filter((x) => foreign.has(x.id))).toEqual([]);
      expect(local.clients.map((c) => c.id).sort()).toEqual(Object.values(wsOf(i).clients).sort());
    }
    if (process.env.SIM_STATS) {
      console.log(
        JSON.stringify({
          seed,
          actions: actions.length,
          tickets: states.map((x) => x.tickets.length),
          mutations: states.map((x) => x.mutations.length),
          rejected: states.map((x) => x.mutations.filter((m) => (m.result as { status: string }).status === 'rejected').length),
          links: desks.map((d) => d.link.stats),
        }),
      );
    }
    // Each ticket was created once: as many tickets as applied createTicket results.
    for (const [w, srv] of states.entries()) {
      const creates = await s.database.db
        .selectFrom('client_mutations')
        .select('result')
        .where('tenant_id', '=', workspaces[w]!.tenantId)
        .where('name', '=', 'createTicket')
        .execute();
      const applied = creates.filter((m) => (m.result as { status: string }).status === 'applied');
      expect(srv.tickets.length).toBe(applied.length);
    }
  } finally {
    for (const d of desks) d.close();
  }
}

describe('desks converge with the server under faults', () => {
  afterAll(() => undefined);
  it.each([
    [20261124, 120],
    [7, 160],
    [424242, 160],
  ])(
    'seed %i (%i actions per run)',
    async (seed, maxActions) => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 60, maxLength: maxActions }), (actions) => run(actions, seed)),
        { seed, numRuns: 8, endOnFailure: true },
      );
    },
    120_000,
  );

  it.skipIf(!pgServer)(
    'on a real PostgreSQL too (seed 99)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 60, maxLength: 120 }), (actions) => run(actions, 99, pgServer!())),
        { seed: 99, numRuns: 3, endOnFailure: true },
      );
    },
    120_000,
  );
});
