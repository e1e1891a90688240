// Time entries on the desk against the real server (PGlite, in-process): an
// entry logged offline reaches the server once and every desk; bad entries
// are refused before anything is queued; the timer outlives a crash.
import { afterEach, describe, expect, it } from 'vitest';
import type { TimeEntryDraft } from '../../src/data/time-repository';
import { timeEntryRecord } from '../../src/server/changes/records';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { SimDesk, ticketDraft } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

function desk(ws: TestWorkspace) {
  const d = new SimDesk(server().app, ws.users.technician.token, () => 0.5);
  desks.push(d);
  return d;
}

// Tuesday 4 March 2025, CST: inside the four-tier client's 07:00-17:00 Chicago hours.
const tue = (hhmm: string) => new Date(`2025-03-04T${hhmm}:00-06:00`).toISOString();

async function deskWithTicket(ws: TestWorkspace) {
  const d = desk(ws);
  await d.tab.engine.syncNow();
  const created = await d.tab.repos.tickets.create(ticketDraft(ws), d.now());
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  await d.tab.engine.syncNow();
  const draft = (over: Partial<TimeEntryDraft> = {}): TimeEntryDraft => ({
    ticketId: created.ticket.id,
    startedAt: tue('09:00'),
    endedAt: tue('10:00'),
    workType: 'included',
    cause: 'none',
    note: 'Replaced the handset cord.',
    ...over,
  });
  return { d, ticketId: created.ticket.id, draft };
}

async function serverEntries(tenantId: string) {
  const rows = await server().database.db.selectFrom('time_entries').selectAll().where('tenant_id', '=', tenantId).execute();
  return rows.map(timeEntryRecord);
}

describe('time entries on the desk', () => {
  it('logs an entry offline; once back online it reaches the server once, and another desk sees it', async () => {
    const ws = await createTestWorkspace(server());
    const { d, ticketId, draft } = await deskWithTicket(ws);
    d.link.fault = 'offline';
    const logged = await d.tab.repos.time.log(draft(), d.now());
    if (!logged.ok) throw new Error(logged.message);
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'offline', pending: 1 });
    expect(await d.tab.repos.time.forTicket(ticketId)).toEqual([logged.entry]);

    d.link.heal();
    await d.tab.engine.syncNow();
    await d.tab.engine.syncNow();
    const stored = await serverEntries(ws.tenantId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ ...draft(), id: logged.entry.id, authorId: ws.users.technician.id });
    expect(await d.tab.repos.sync.pendingCount()).toBe(0);
    expect(await d.tab.repos.time.forTicket(ticketId)).toEqual(stored);

    const other = desk(ws);
    await other.tab.engine.syncNow();
    expect(await other.tab.repos.time.forTicket(ticketId)).toEqual(stored);
  });

  it.each<[string, Partial<TimeEntryDraft>, RegExp]>([
    ['zero length', { endedAt: tue('09:00') }, /zero minutes long/],
    ['ending before it starts', { endedAt: tue('08:00') }, /ends before it starts/],
    ['longer than 24 hours', { endedAt: '2025-03-05T09:30:00-06:00' }, /more than 24 hours/],
    [
      'ending in the future',
      { startedAt: new Date(Date.now() - 60_000).toISOString(), endedAt: new Date(Date.now() + 3_600_000).toISOString() },
      /ends in the future/,
    ],
    ['an empty note', { note: ' ' }, /the note is empty/],
    [
      'work caused by a customer change, without approval',
      { cause: 'customer_change' },
      /needs approval by the client's Billing Contact or Backup Approver/,
    ],
    ['after-hours work on a High ticket, without approval', { startedAt: tue('18:30'), endedAt: tue('19:00') }, /outside business hours/],
  ])('refuses %s before queuing anything', async (_label, over, message) => {
    const ws = await createTestWorkspace(server());
    const { d, ticketId, draft } = await deskWithTicket(ws);
    const result = await d.tab.repos.time.log(draft(over), d.now());
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect(await d.tab.repos.sync.pendingCount()).toBe(0);
    expect(await d.tab.repos.time.forTicket(ticketId)).toEqual([]);
  });

  it('refuses included work past 2 hours on the ticket, counting what is already logged', async () => {
    const ws = await createTestWorkspace(server());
    const { d, draft } = await deskWithTicket(ws);
    expect((await d.tab.repos.time.log(draft({ startedAt: tue('09:00'), endedAt: tue('10:45') }), d.now())).ok).toBe(true);
    const second = await d.tab.repos.time.log(draft({ startedAt: tue('11:00'), endedAt: tue('11:30') }), d.now());
    expect(second).toMatchObject({ ok: false, message: expect.stringMatching(/would come to 2 h 15 min/) });
    expect(await d.tab.repos.sync.pendingCount()).toBe(1);
  });

  it('keeps a running timer through a crash, and logging its entry stops it', async () => {
    const ws = await createTestWorkspace(server());
    const { d, ticketId, draft } = await deskWithTicket(ws);
    const started = await d.tab.repos.time.startTimer(ticketId, ws.users.technician.id, new Date(tue('09:00')));
    await expect(d.tab.repos.time.startTimer(ticketId, ws.users.technician.id)).rejects.toThrow(/already running/);
    d.kill();
    expect(await d.tab.repos.time.runningTimer()).toEqual(started);
    const logged = await d.tab.repos.time.stopTimerAndLog(draft({ startedAt: started.startedAt, endedAt: tue('09:40') }), d.now());
    expect(logged.ok).toBe(true);
    expect(await d.tab.repos.time.runningTimer()).toBeNull();
  });

  it('keeps the timer when its entry is refused, so no counted time is lost', async () => {
    const ws = await createTestWorkspace(server());
    const { d, ticketId, draft } = await deskWithTicket(ws);
    const started = await d.tab.repos.time.startTimer(ticketId, ws.users.technician.id, new Date(tue('09:00')));
    const refused = await d.tab.repos.time.stopTimerAndLog(draft({ startedAt: started.startedAt, cause: 'third_party_change' }), d.now());
    expect(refused.ok).toBe(false);
    expect(await d.tab.repos.time.runningTimer()).toEqual(started);
  });
});
