// The engine against the real server (PGlite, in-process): the paths one by one.
import { afterEach, describe, expect, it } from 'vitest';
import { pruneTombstones } from '../../src/server/changes/tombstones';
import { decodePullPage, type PullPage } from '../../src/protocol';
import { createTestWorkspace, PROTOCOL_HEADERS, useTestServer, type TestWorkspace } from '../server/harness';
import { serverState, SimDesk, sortById, statusWhere, ticketDraft } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

function desk(
  ws: TestWorkspace,
  role: keyof TestWorkspace['users'] = 'technician',
  options: { skewMs?: number; tabs?: number; pullLimit?: number } = {},
) {
  const d = new SimDesk(server().app, ws.users[role].token, () => 0.5, options.skewMs ?? 0, options.tabs ?? 1, options.pullLimit);
  desks.push(d);
  return d;
}

async function expectConverged(d: SimDesk, ws: TestWorkspace) {
  const srv = await serverState(server().database, ws.tenantId);
  const local = await d.local();
  expect(local.outbox).toEqual([]);
  expect(sortById(local.tickets)).toEqual(srv.tickets);
  expect(sortById(local.contacts)).toEqual(srv.contacts);
  expect(sortById(local.notes)).toEqual(srv.notes);
}

describe('sync engine against the server', () => {
  it('downloads the workspace, pushes a local ticket and ends equal to the server', async () => {
    const ws = await createTestWorkspace(server());
    const d = desk(ws);
    const progress: number[] = [];
    await d.tab.engine.initialSync((p) => progress.push(p.received));
    expect((await d.local()).clients).toHaveLength(3);
    expect(progress.at(-1)).toBeGreaterThan(0);

    const created = await d.tab.repos.tickets.create(ticketDraft(ws), d.now());
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(await d.tab.repos.sync.pendingCount()).toBe(1);
    // The status bar's count follows the outbox through a live query, so it arrives a little later.
    await statusWhere(d.tab.engine, (s) => s.pending === 1);
    await d.tab.repos.tickets.setStatus(created.ticket.id, 'open', d.now());
    await d.tab.engine.syncNow();
    await expectConverged(d, ws);
    const status = d.tab.engine.status.get();
    expect(status).toMatchObject({ connection: 'online', pending: 0, error: null, initialSync: null });
    expect(status.lastSyncedAt).not.toBeNull();
  });

  it('keeps working offline, then drains in order once the network is back', async () => {
    const ws = await createTestWorkspace(server());
    const d = desk(ws);
    await d.tab.engine.syncNow();
    d.link.fault = 'offline';
    const created = await d.tab.repos.tickets.create(ticketDraft(ws), d.now());
    if (!created.ok) throw new Error('setup');
    await d.tab.repos.tickets.setStatus(created.ticket.id, 'open', d.now());
    await d.tab.repos.tickets.updateTicket(created.ticket.id, { priority: 'critical', title: 'Phones down everywhere' }, d.now());
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'offline', pending: 3 });
    expect(await d.tab.repos.tickets.get(created.ticket.id)).toMatchObject({ status: 'open', priority: 'critical' });
    d.link.heal();
    await d.tab.engine.syncNow();
    await expectConverged(d, ws);
    expect(await d.tab.repos.tickets.get(created.ticket.id)).toMatchObject({
      status: 'open',
      priority: 'critical',
      title: 'Phones down everywhere',
    });
  });

  it("a pull under a pending edit shows others' changes and keeps the edit (no flicker back)", async () => {
    const ws = await createTestWorkspace(server());
    const a = desk(ws);
    const b = desk(ws, 'engineer');
    await b.tab.engine.syncNow();
    const created = await b.tab.repos.tickets.create(ticketDraft(ws), b.now());
    if (!created.ok) throw new Error('setup');
    await b.tab.engine.syncNow();
    await a.tab.engine.syncNow();
    await a.tab.repos.tickets.closeTicket(created.ticket.id, 'Carrier restored the lines.', a.now());
    await b.tab.repos.tickets.updateTicket(created.ticket.id, { title: 'Phones down: carrier outage' }, b.now());
    await b.tab.engine.syncNow();
    // A's push is lost on the way; its pull still brings B's title.
    a.link.fault = 'drop-request';
    a.link.rate = 1;
    const seen: string[] = [];
    const sub = a.tab.repos.tickets.liveOne(created.ticket.id).subscribe({ next: (t) => seen.push(`${t?.status}|${t?.title}`) });
    await a.tab.engine.syncNow();
    a.link.fault = 'none';
    const state = await a.tab.repos.sync.state();
    const wire = (await (
      await a.link.fetch(`http://switchboard.test/api/sync/pull?cursor=${state.cursor}`, {
        headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${a.token}` },
      })
    ).json()) as PullPage;
    await a.tab.repos.sync.applyPullPage(state.cursor, decodePullPage(wire), a.now());
    expect(await a.tab.repos.tickets.get(created.ticket.id)).toMatchObject({ status: 'closed', title: 'Phones down: carrier outage' });
    await a.tab.engine.syncNow();
    sub.unsubscribe();
    // The ticket was seen with B's title, and never with any status but A's pending one.
    expect(seen).toContain('closed|Phones down: carrier outage');
    expect(seen.filter((v) => !v.startsWith('closed|'))).toEqual([]);
    await expectConverged(a, ws);
    expect(await a.tab.repos.tickets.get(created.ticket.id)).toMatchObject({ status: 'closed', title: 'Phones down: carrier outage' });
  });

  it('undoes a refused change and says why', async () => {
    const ws = await createTestWorkspace(server());
    const tech = desk(ws);
    const boss = desk(ws, 'supervisor');
    await boss.tab.engine.syncNow();
    const created = await boss.tab.repos.tickets.create(ticketDraft(ws), boss.now());
    if (!created.ok) throw new Error('setup');
    await boss.tab.engine.syncNow();
    await tech.tab.engine.syncNow();
    // The technician sets a contact (not their role) and closes the ticket; the supervisor closes it first and reopens.
    await tech.tab.repos.sync.perform(
      {
        name: 'upsertContact',
        args: {
          id: crypto.randomUUID(),
          clientId: ws.clients['four-tier'],
          name: 'Ken Ellis',
          phones: [{ raw: '913-555-0142', label: 'work' }],
          emails: [],
          approvalLimitCents: null,
          role: 'billing_contact',
        },
      },
      tech.now(),
    );
    expect((await tech.local()).contacts).toHaveLength(1);
    await tech.tab.engine.syncNow();
    expect((await tech.local()).contacts).toHaveLength(0);
    const status = tech.tab.engine.status.get();
    expect(status.rejected).toHaveLength(1);
    expect(status.rejected[0]!.reason).toContain('may not change client contacts');
    await expectConverged(tech, ws);
  });

  it('re-downloads from 0 on reset_required and still pushes what was pending', async () => {
    const ws = await createTestWorkspace(server());
    const boss = desk(ws, 'supervisor');
    const tech = desk(ws);
    await boss.tab.engine.syncNow();
    await tech.tab.engine.syncNow();
    const contact = crypto.randomUUID();
    await boss.tab.repos.sync.perform(
      {
        name: 'upsertContact',
        args: {
          id: contact,
          clientId: ws.clients['four-tier'],
          name: 'Ken Ellis',
          phones: [{ raw: '913-555-0142', label: 'work' }],
          emails: [],
          approvalLimitCents: null,
          role: 'billing_contact',
        },
      },
      boss.now(),
    );
    await boss.tab.engine.syncNow();
    await tech.tab.engine.syncNow();
    expect((await tech.local()).contacts).toHaveLength(1);
    await boss.tab.repos.sync.perform({ name: 'deleteContact', args: { id: contact } }, boss.now());
    await boss.tab.engine.syncNow();
    // The tombstone is forgotten before the technician pulls: the technician's cursor is behind the horizon.
    server().clock.advance(1000);
    expect(await pruneTombstones(server().database.db, server().clock.now(), 0)).toBeGreaterThan(0);
    const created = await tech.tab.repos.tickets.create(ticketDraft(ws), tech.now());
    if (!created.ok) throw new Error('setup');
    tech.link.fault = 'drop-request'; // first push attempt fails, so the ticket is pending during the reset
    tech.link.rate = 1;
    await tech.tab.engine.syncNow();
    tech.link.heal();
    await tech.tab.engine.syncNow();
    await expectConverged(tech, ws);
    expect((await tech.local()).contacts).toHaveLength(0);
    expect(await tech.tab.repos.tickets.get(created.ticket.id)).toBeDefined();
  });

  it('signed out mid-run: keeps the outbox and says so; drains after access returns', async () => {
    const ws = await createTestWorkspace(server());
    const d = desk(ws);
    await d.tab.engine.syncNow();
    const { db } = server().database;
    await db.updateTable('users').set({ active: false }).where('id', '=', ws.users.technician.id).execute();
    const created = await d.tab.repos.tickets.create(ticketDraft(ws), d.now());
    if (!created.ok) throw new Error('setup');
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'signed-out', pending: 1 });
    expect(await d.tab.repos.tickets.get(created.ticket.id)).toBeDefined();
    await db.updateTable('users').set({ active: true }).where('id', '=', ws.users.technician.id).execute();
    await d.tab.engine.syncNow();
    await expectConverged(d, ws);
  });

  it('refuses changes stamped by a clock days ahead once it knows the server clock', async () => {
    const ws = await createTestWorkspace(server());
    const d = desk(ws, 'technician', { skewMs: 3 * 24 * 3600 * 1000 });
    await d.tab.engine.syncNow();
    const result = await d.tab.repos.tickets.create(ticketDraft(ws), d.now());
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.title).toContain("clock is 3 days ahead of the server's");
    expect(await d.tab.repos.sync.pendingCount()).toBe(0);
  });

  it('never lets another workspace sync into a store', async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());
    const d = desk(a);
    await d.tab.engine.syncNow();
    d.token = b.users.technician.token;
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get().connection).toBe('signed-out');
    expect((await d.local()).clients.map((c) => c.id).sort()).toEqual(Object.values(a.clients).sort());
  });
});
