import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../src/data/db';
import { DEFAULT_CONTRACT, EMPTY_ONBOARDING } from '../../../src/domain/client';
import { FIRST_SCREEN_SIZE, readFirstScreen } from '../../../src/data/first-screen';
import { BUCKET_COUNT, groupByBucket } from '../../../src/data/ticket-buckets';
import { TicketRepository } from '../../../src/data/ticket-repository';
import { parseMutationArgs } from '../../../src/mutations';

const v1Schema = { tickets: 'id, clientId, status, priority, assigneeId, openedAt, updatedAt' };
const v2Schema = {
  tickets: 'id, clientId, status, priority, assigneeId, openedAt, updatedAt, [assigneeId+status]',
  clients: 'id, name',
  staff: 'id, name',
  meta: 'key',
};

function oldTickets(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${String(i).padStart(4, '0')}`,
    clientId: 'c1',
    title: `Ticket ${i}`,
    status: 'open',
    priority: 'high',
    assigneeId: i % 2 ? 'u1' : undefined,
    openedAt: '2026-01-05T15:00:00.000Z',
    updatedAt: '2026-01-05T15:00:00.000Z',
  }));
}

/** What the v6 upgrade gives a stored ticket until the server's history arrives: its opening, then its status (all old tickets here are open). */
const provisional = (t: { openedAt: string; updatedAt: string; priority: string }) => ({
  sla: [
    { type: 'opened', at: t.openedAt, priority: t.priority, status: 'new' },
    { type: 'status_changed', at: t.updatedAt, status: 'open' },
  ],
});

describe('Dexie schema upgrades keep every ticket', () => {
  it('v1 (one record per ticket, no channel) -> current', async () => {
    const name = `upgrade-v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(v1Schema);
    const old = oldTickets(1000);
    await v1.table('tickets').bulkAdd(old);
    v1.close();

    const db = openDb(name);
    const repo = new TicketRepository(db);
    expect(await repo.count()).toBe(1000);
    expect(await repo.get('t0000')).toEqual({ ...old[0], channel: 'phone', description: '', assigneeId: null, ...provisional(old[0]!) });
    expect(await repo.get('t0001')).toEqual({ ...old[1], channel: 'phone', description: '', ...provisional(old[1]!) });
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'clients',
        'contacts',
        'eventBuckets',
        'meta',
        'noteBuckets',
        'outbox',
        'rejections',
        'shadows',
        'staff',
        'ticketBuckets',
        'firstScreen',
        'timeEntries',
        'escalations',
        'timelineBuckets',
        'requestTypes',
        'approvalRequests',
        'calls',
        'callbacks',
        'drafts',
        'visits',
      ].sort(),
    );
    // 1,000 tickets spread over the buckets rather than piling into a few.
    const buckets = await db.ticketBuckets.toArray();
    expect(buckets.length).toBeGreaterThan(BUCKET_COUNT * 0.9);
    expect(Math.max(...buckets.map((b) => b.tickets.length))).toBeLessThan(20);
    repo.close();
    await db.delete();
  });

  it('v2 (reference tables) -> current keeps tickets, clients and settings', async () => {
    const name = `upgrade-v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(v2Schema);
    const old = oldTickets(300).map((t) => ({ ...t, channel: 'email', description: 'd', assigneeId: t.assigneeId ?? null }));
    await v2.table('tickets').bulkAdd(old);
    await v2.table('clients').add({ id: 'c1', name: 'Acme', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' });
    await v2.table('meta').add({ key: 'currentUserId', value: 'u1' });
    v2.close();

    const db = openDb(name);
    const repo = new TicketRepository(db);
    expect(await repo.count()).toBe(300);
    expect(await repo.get('t0299')).toEqual({ ...old[299], ...provisional(old[299]!) });
    expect(await db.clients.count()).toBe(1);
    expect((await db.meta.get('currentUserId'))?.value).toBe('u1');
    repo.close();
    await db.delete();
  });

  it('v3 (buckets) -> v4 (outbox) keeps every ticket, and a change after it queues for sync', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({ ticketBuckets: 'id', clients: 'id, name', staff: 'id, name', meta: 'key' });
    const old = oldTickets(2000).map((t, i) => ({
      ...t,
      id: `019a0000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      channel: 'portal',
      description: 'd',
      assigneeId: t.assigneeId ?? null,
    }));
    await v3.table('ticketBuckets').bulkAdd([...groupByBucket(old as never)].map(([id, tickets]) => ({ id, tickets })));
    await v3.table('meta').add({ key: 'currentUserId', value: 'u1' });
    v3.close();

    const db = openDb(name);
    const repo = new TicketRepository(db);
    expect(await repo.count()).toBe(2000);
    expect(await repo.get(old[1999]!.id)).toEqual({ ...old[1999], ...provisional(old[1999]!) });
    expect((await db.meta.get('currentUserId'))?.value).toBe('u1');
    expect(await db.outbox.count()).toBe(0);
    await repo.setStatus(old[0]!.id, 'on_hold', new Date('2026-03-03T10:00:00Z'));
    expect(await db.outbox.toArray()).toEqual([
      {
        seq: 1,
        name: 'setStatus',
        args: { id: old[0]!.id, status: 'on_hold' },
        performedAt: '2026-03-03T10:00:00.000Z',
        status: 'pending',
        ackSeq: null,
        target: `ticket:${old[0]!.id}`,
      },
    ]);
    expect(await repo.count()).toBe(2000);
    repo.close();
    await db.delete();
  });

  it('v4 (sync) -> v5 (first screen): no first screen is shown until a full load writes one', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      ticketBuckets: 'id',
      clients: 'id, name',
      staff: 'id, name',
      meta: 'key',
      outbox: 'seq, status',
      rejections: 'id',
      shadows: 'key',
      contacts: 'id, clientId',
      noteBuckets: 'id',
      eventBuckets: 'id',
    });
    // One priority, opened a minute apart, every fifth closed: the view is the open ones, oldest first.
    const old = oldTickets(600).map((t, i) => ({
      ...t,
      id: `019a0000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      status: i % 5 === 0 ? 'closed' : 'open',
      openedAt: new Date(Date.UTC(2026, 0, 5) - i * 60_000).toISOString(),
      channel: 'email',
      description: 'd',
      assigneeId: null,
    }));
    await v4.table('ticketBuckets').bulkAdd([...groupByBucket(old as never)].map(([id, tickets]) => ({ id, tickets })));
    v4.close();

    const db = openDb(name);
    expect(await readFirstScreen(db)).toBeNull();
    const repo = new TicketRepository(db);
    expect(await repo.count()).toBe(600);
    await vi.waitFor(async () => expect(await readFirstScreen(db)).not.toBeNull());
    const expected = old
      .filter((t) => t.status !== 'closed')
      .reverse()
      .slice(0, FIRST_SCREEN_SIZE)
      .map((t) => t.id);
    expect((await readFirstScreen(db))!.map((t) => t.id)).toEqual(expected);
    repo.close();
    await db.delete();
  });

  it('v5 -> v6 (SLA history): tickets get a provisional history and the store downloads the workspace again, keeping its outbox', async () => {
    const name = `upgrade-v5-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores({
      ticketBuckets: 'id',
      clients: 'id, name',
      staff: 'id, name',
      meta: 'key',
      outbox: 'seq, status',
      rejections: 'id',
      shadows: 'key',
      contacts: 'id, clientId',
      noteBuckets: 'id',
      eventBuckets: 'id',
      firstScreen: 'id',
    });
    const ticket = {
      ...oldTickets(1)[0]!,
      id: '019a0000-0000-7000-8000-000000000001',
      status: 'on_hold',
      updatedAt: '2026-01-06T10:00:00.000Z',
      channel: 'email',
      description: 'd',
      assigneeId: null,
    };
    await v5.table('ticketBuckets').bulkAdd([...groupByBucket([ticket] as never)].map(([id, tickets]) => ({ id, tickets })));
    const entry = {
      seq: 4,
      name: 'setStatus',
      args: { id: ticket.id, status: 'open' },
      performedAt: '2026-01-07T10:00:00.000Z',
      status: 'pending',
      ackSeq: null,
      target: `ticket:${ticket.id}`,
    };
    await v5.table('outbox').add(entry);
    await v5.table('meta').add({
      key: 'syncState',
      value: {
        deviceId: 'd1',
        workspaceId: 'w1',
        userId: 'u1',
        cursor: 812,
        lastSyncedAt: '2026-01-07T09:00:00.000Z',
        nextSeq: 5,
        clockOffsetMs: 0,
        download: null,
      },
    });
    await v5.table('firstScreen').add({ id: 'firstScreen', format: 1, generation: 3, rows: [ticket], exhaustive: true });
    v5.close();

    const db = openDb(name);
    expect(await readFirstScreen(db)).toBeNull();
    const repo = new TicketRepository(db);
    expect(await repo.get(ticket.id)).toEqual({
      ...ticket,
      sla: [
        { type: 'opened', at: '2026-01-05T15:00:00.000Z', priority: 'high', status: 'new' },
        { type: 'status_changed', at: '2026-01-06T10:00:00.000Z', status: 'on_hold' },
      ],
    });
    expect((await db.meta.get('syncState'))?.value).toMatchObject({
      cursor: 0,
      nextSeq: 5,
      deviceId: 'd1',
      lastSyncedAt: '2026-01-07T09:00:00.000Z',
    });
    expect(await db.outbox.toArray()).toEqual([entry]);
    repo.close();
    await db.delete();
  });

  it('v9 -> v10 (events with their actor): the store downloads the workspace again, keeping its rows and outbox', async () => {
    const name = `upgrade-v9-${crypto.randomUUID()}`;
    const v9 = new Dexie(name);
    v9.version(9).stores({
      ticketBuckets: 'id',
      clients: 'id, name',
      staff: 'id, name',
      meta: 'key',
      outbox: 'seq, status',
      rejections: 'id',
      shadows: 'key',
      contacts: 'id, clientId',
      noteBuckets: 'id',
      eventBuckets: 'id',
      firstScreen: 'id',
      timeEntries: 'id, ticketId',
      escalations: 'id, ticketId',
      timelineBuckets: 'id',
    });
    const ticketId = '019a0000-0000-7000-8000-000000000001';
    // Stored before events carried who did them.
    const event = {
      id: '019a0000-0000-7000-8000-0000000000e1',
      ticketId,
      type: 'opened',
      at: '2026-01-05T15:00:00.000Z',
      priority: 'high',
    };
    await v9.table('eventBuckets').add({ id: 'b1', rows: [event] });
    const entry = {
      seq: 7,
      name: 'setStatus',
      args: { id: ticketId, status: 'open' },
      performedAt: '2026-01-07T10:00:00.000Z',
      status: 'pending',
      ackSeq: null,
      target: `ticket:${ticketId}`,
    };
    await v9.table('outbox').add(entry);
    const state = {
      deviceId: 'd1',
      workspaceId: 'w1',
      userId: 'u1',
      cursor: 812,
      lastSyncedAt: '2026-01-07T09:00:00.000Z',
      nextSeq: 8,
      clockOffsetMs: 0,
      download: null,
    };
    await v9.table('meta').add({ key: 'syncState', value: state });
    v9.close();

    const db = openDb(name);
    expect((await db.meta.get('syncState'))?.value).toEqual({ ...state, cursor: 0 });
    expect(await db.outbox.toArray()).toEqual([entry]);
    expect(await db.eventBuckets.toArray()).toEqual([{ id: 'b1', rows: [event] }]);
    db.close();
    await db.delete();
  });

  it('v10 -> v11 (clients with their service record): stored clients get the defaults, the outbox stays, the store downloads again', async () => {
    const name = `upgrade-v10-${crypto.randomUUID()}`;
    const v10 = new Dexie(name);
    v10.version(10).stores({
      ticketBuckets: 'id',
      clients: 'id, name',
      staff: 'id, name',
      meta: 'key',
      outbox: 'seq, status',
      rejections: 'id',
      shadows: 'key',
      contacts: 'id, clientId',
      noteBuckets: 'id',
      eventBuckets: 'id',
      firstScreen: 'id',
      timeEntries: 'id, ticketId',
      escalations: 'id, ticketId',
      timelineBuckets: 'id',
    });
    const client = { id: 'c1', name: 'Acme', timeZone: 'America/Denver', prioritySchemeId: 'four-tier' };
    await v10.table('clients').add(client);
    const entry = {
      seq: 3,
      name: 'setStatus',
      args: { id: 't1', status: 'open' },
      performedAt: '2026-01-07T10:00:00.000Z',
      status: 'pending',
    };
    await v10.table('outbox').add(entry);
    const state = { deviceId: 'd1', workspaceId: 'w1', userId: 'u1', cursor: 90, nextSeq: 4, clockOffsetMs: 0, download: null };
    await v10.table('meta').add({ key: 'syncState', value: state });
    v10.close();

    const db = openDb(name);
    const upgraded = (await db.clients.get('c1'))!;
    expect(upgraded).toMatchObject({
      ...client,
      customPolicy: null,
      maintenanceWindow: null,
      contract: DEFAULT_CONTRACT,
      onboarding: EMPTY_ONBOARDING,
    });
    expect(upgraded.sites).toHaveLength(1);
    expect(upgraded.sites[0]!.timeZone).toBe(client.timeZone);
    expect((await db.meta.get('syncState'))?.value).toEqual({ ...state, cursor: 0 });
    expect(await db.outbox.toArray()).toEqual([entry]);
    db.close();
    await db.delete();
  });

  it('v10 -> v12 (contact details): contacts and a queued upsertContact take the new shape, and the store downloads again', async () => {
    const name = `upgrade-v10-${crypto.randomUUID()}`;
    const v10 = new Dexie(name);
    v10.version(10).stores({
      ticketBuckets: 'id',
      clients: 'id, name',
      staff: 'id, name',
      meta: 'key',
      outbox: 'seq, status',
      rejections: 'id',
      shadows: 'key',
      contacts: 'id, clientId',
      noteBuckets: 'id',
      eventBuckets: 'id',
      firstScreen: 'id',
      timeEntries: 'id, ticketId',
      escalations: 'id, ticketId',
      timelineBuckets: 'id',
    });
    const clientId = '019a0000-0000-7000-8000-0000000000c1';
    const contact = (n: number, phone: string | null, email: string | null) => ({
      id: `019a0000-0000-7000-8000-00000000010${n}`,
      clientId,
      name: `Contact ${n}`,
      phone,
      email,
      role: 'billing_contact',
    });
    await v10.table('contacts').bulkAdd([contact(1, '(913) 555-0142 x 12', 'Rachel@Harbor.example'), contact(2, '555-0142', null)]);
    const entry = {
      seq: 3,
      name: 'upsertContact',
      args: contact(3, '+44 20 7946 0958', null),
      performedAt: '2026-01-07T10:00:00.000Z',
      status: 'pending',
      ackSeq: null,
      target: 'contact:019a0000-0000-7000-8000-000000000103',
    };
    await v10.table('outbox').add(entry);
    const state = {
      deviceId: 'd1',
      workspaceId: 'w1',
      userId: 'u1',
      cursor: 99,
      lastSyncedAt: null,
      nextSeq: 4,
      clockOffsetMs: 0,
      download: null,
    };
    await v10.table('meta').add({ key: 'syncState', value: state });
    v10.close();

    const db = openDb(name);
    const base = (n: number) => ({
      id: `019a0000-0000-7000-8000-00000000010${n}`,
      clientId,
      name: `Contact ${n}`,
      role: 'billing_contact',
    });
    expect(await db.contacts.orderBy('id').toArray()).toEqual([
      {
        ...base(1),
        phones: [{ raw: '(913) 555-0142 x 12', e164: '+19135550142', extension: '12', label: 'work' }],
        emails: ['rachel@harbor.example'],
        approvalLimitCents: null,
      },
      // Does not read: the download brings what the server kept.
      { ...base(2), phones: [], emails: [], approvalLimitCents: null },
    ]);
    const [queued] = await db.outbox.toArray();
    expect(queued).toEqual({
      ...entry,
      args: { ...base(3), phones: [{ raw: '+44 20 7946 0958', label: 'work' }], emails: [], approvalLimitCents: null },
    });
    expect(parseMutationArgs('upsertContact', queued!.args).ok).toBe(true);
    expect((await db.meta.get('syncState'))?.value).toEqual({ ...state, cursor: 0 });
    db.close();
    await db.delete();
  });

  it('a new store starts with an empty first screen that its first writes keep', async () => {
    const db = openDb(`new-${crypto.randomUUID()}`);
    expect(await readFirstScreen(db)).toEqual([]);
    const repo = new TicketRepository(db);
    const [ticket] = oldTickets(1).map((t) => ({
      ...t,
      id: '019a0000-0000-7000-8000-000000000001',
      channel: 'phone' as const,
      description: '',
      assigneeId: null,
      status: 'open' as const,
      sla: [{ type: 'opened' as const, at: t.openedAt, priority: t.priority, status: 'new' as const }],
    }));
    await repo.bulkPut([ticket!]);
    expect(await readFirstScreen(db)).toEqual([ticket]);
    repo.close();
    await db.delete();
  });
});
