import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/protocol';
import { changeSchema } from '../../src/protocol';
import { DEFAULT_TOMBSTONE_HORIZON_MS, pruneTombstones } from '../../src/server/changes/tombstones';
import { BACKENDS, createTestWorkspace, PROTOCOL_HEADERS, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

/** Pulls every page from `cursor`, checking each page's shape and order. */
async function pullAll(desk: Desk, cursor: number, limit: number) {
  const changes: Change[] = [];
  for (;;) {
    const { status, body } = await desk.pull(cursor, limit);
    expect(status).toBe(200);
    expect(body.changes.length).toBeLessThanOrEqual(limit);
    for (const c of body.changes) {
      expect(changeSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
      expect(c.seq).toBeGreaterThan(cursor);
    }
    expect(body.nextCursor).toBeGreaterThanOrEqual(cursor);
    changes.push(...body.changes);
    cursor = body.nextCursor;
    if (!body.hasMore) return { changes, cursor };
  }
}

describe.each(BACKENDS)('pull on %s', (backend) => {
  const server = useTestServer(backend);

  it('downloads the whole workspace in pages with progress counts, only that workspace', async () => {
    const ws = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    for (let i = 0; i < 4; i++) await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']));
    await new Desk(server().app, other.users.technician.token).apply('createTicket', newTicketArgs(other.clients['four-tier']));

    const first = await desk.pull(0, 5);
    // 8 staff + 3 clients + 4 tickets + 4 'opened' events
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: 5, remaining: 14, total: 19 });
    const { changes } = await pullAll(desk, 0, 5);
    expect(changes).toHaveLength(19);
    expect(changes.map((c) => c.seq)).toEqual([...changes.map((c) => c.seq)].sort((a, b) => a - b));
    const counts = Object.fromEntries(
      ['user', 'client', 'ticket', 'ticket_event'].map((e) => [e, changes.filter((c) => c.entity === e).length]),
    );
    expect(counts).toEqual({ user: 8, client: 3, ticket: 4, ticket_event: 4 });
    const otherIds = new Set(
      (await server().database.db.selectFrom('changes').select('id').where('tenant_id', '=', other.tenantId).execute()).map((r) => r.id),
    );
    expect(changes.filter((c) => otherIds.has(c.id))).toEqual([]);
  });

  it('sends only the newest version of a row changed several times (compaction)', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const { body: start } = await desk.pull(0, 1000);
    const ticket = newTicketArgs(ws.clients['five-priority'], { priority: 'p3' });
    await desk.apply('createTicket', ticket);
    await desk.apply('updateTicket', { id: ticket.id, title: 'Printer offline (2nd floor)' });
    await desk.apply('setStatus', { id: ticket.id, status: 'open' });
    const last = await desk.apply('updateTicket', { id: ticket.id, priority: 'p1' });

    const { changes, cursor } = await pullAll(desk, start.nextCursor, 2);
    const ticketChanges = changes.filter((c) => c.entity === 'ticket');
    expect(ticketChanges).toHaveLength(1);
    expect(ticketChanges[0]).toMatchObject({
      op: 'upsert',
      data: { title: 'Printer offline (2nd floor)', status: 'open', priority: 'p1' },
    });
    expect(changes.filter((c) => c.entity === 'ticket_event').map((c) => c.op === 'upsert' && c.data.type)).toEqual([
      'opened',
      'status_changed',
      'priority_changed',
    ]);
    expect(last.status === 'applied' && last.changeSeq).toBe(cursor);
    const { body: caughtUp } = await desk.pull(cursor);
    expect(caughtUp).toEqual({ changes: [], nextCursor: cursor, hasMore: false, remaining: 0 });
  });

  it('sends a deleted row as a tombstone to desks that had it, and not in a fresh download', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const contact = uuidv7();
    await desk.apply('upsertContact', {
      id: contact,
      clientId: ws.clients['four-tier'],
      name: 'Nadia Castillo',
      phones: [],
      emails: ['nadia@harbor.example'],
      approvalLimitCents: null,
      role: 'backup_approver',
    });
    const { cursor } = await pullAll(desk, 0, 100);
    await desk.apply('deleteContact', { id: contact });

    const { changes } = await pullAll(desk, cursor, 100);
    expect(changes).toEqual([{ seq: expect.any(Number), entity: 'contact', id: contact, op: 'delete', data: null }]);
    const fresh = await pullAll(desk, 0, 100);
    expect(fresh.changes.filter((c) => c.id === contact)).toEqual([]);
  });

  // The rule (docs/sync-protocol.md, "Pull"): every pull sends the tombstones after its cursor, except a
  // pull from cursor 0, which holds nothing yet. So page 1 of a fresh pull has none and later pages do.
  it('leaves tombstones out of a pull from cursor 0 only: later pages carry them, since the desk may hold those rows', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const contact = (name: string) => ({
      id: uuidv7(),
      clientId: ws.clients['four-tier'],
      name,
      phones: [{ raw: '913-555-0142', label: 'work' as const }],
      emails: [],
      approvalLimitCents: null,
      role: 'portal_admin' as const,
    });
    // Deleted before the download starts: its tombstone falls inside page 1's range of sequence numbers.
    const early = contact('Deleted early');
    await desk.apply('upsertContact', early);
    await desk.apply('deleteContact', { id: early.id });
    const kept = contact('Received on page 1');
    await desk.apply('upsertContact', kept);
    // Deleted before the download starts too, but after page 1's range.
    const late = contact('Deleted late');
    await desk.apply('upsertContact', late);
    for (let i = 0; i < 3; i++) await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']));
    await desk.apply('deleteContact', { id: late.id });

    const { db } = server().database;
    const log = await db.selectFrom('changes').select(['seq', 'id', 'op']).where('tenant_id', '=', ws.tenantId).orderBy('seq').execute();
    const upserts = log.filter((c) => c.op === 'upsert');
    const keptAt = upserts.findIndex((c) => c.id === kept.id);
    // Page 1 ends right after the contact kept: it spans the early tombstone's sequence number.
    const first = await desk.pull(0, keptAt + 1);
    expect(first.body.hasMore).toBe(true);
    expect(first.body.changes.map((c) => c.id)).toEqual(upserts.slice(0, keptAt + 1).map((c) => c.id));
    expect(first.body.changes.filter((c) => c.op === 'delete')).toEqual([]);

    // Deleted between page 1 and page 2: the desk holds it from page 1, so only the tombstone removes it.
    await desk.apply('deleteContact', { id: kept.id });
    const rest = await pullAll(desk, first.body.nextCursor, 1000);
    const deletes = rest.changes.filter((c) => c.op === 'delete').map((c) => c.id);
    expect(deletes).toContain(kept.id);
    // The late tombstone names a row this desk never received; deleting nothing is harmless.
    expect(deletes).toContain(late.id);
    expect(deletes).not.toContain(early.id);
  });

  it('asks a desk older than the tombstone horizon to download again; newer desks carry on', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const { cursor: old } = await pullAll(desk, 0, 100);
    const contact = uuidv7();
    await desk.apply('upsertContact', {
      id: contact,
      clientId: ws.clients['four-tier'],
      name: 'Victor Dunn',
      phones: [{ raw: '913-555-0142', label: 'work' as const }],
      emails: [],
      approvalLimitCents: null,
      role: 'portal_admin',
    });
    await desk.apply('deleteContact', { id: contact });
    const { cursor: recent } = await pullAll(desk, old, 100);

    const { db } = server().database;
    expect(await pruneTombstones(db, server().clock.now(), DEFAULT_TOMBSTONE_HORIZON_MS)).toBe(0);
    const later = new Date(server().clock.now().getTime() + DEFAULT_TOMBSTONE_HORIZON_MS + 1000);
    expect(await pruneTombstones(db, later, DEFAULT_TOMBSTONE_HORIZON_MS)).toBeGreaterThanOrEqual(1);

    const stale = await desk.pull(old);
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      error: {
        code: 'reset_required',
        message: expect.stringMatching(/Download the workspace again from cursor 0; keep unsent changes in the outbox/),
      },
    });
    expect((await desk.pull(recent)).status).toBe(200);
    expect((await desk.pull(0)).status).toBe(200);
  });

  it('asks a desk whose cursor is ahead of the server (database replaced) to download again', async () => {
    const ws = await createTestWorkspace(server());
    const res = await new Desk(server().app, ws.users.intake.token).pull(1_000_000);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'reset_required', message: expect.stringMatching(/ahead of the server/) } });
  });

  it.each([
    ['cursor=-1', /cursor: must be a whole number/],
    ['cursor=abc', /cursor: must be a whole number/],
    ['limit=0', /limit/],
    ['limit=5001', /limit must be at most 5000/],
    ['cursor=1&since=2', /unexpected field\(s\) since/],
  ])('refuses a bad query (%s) with a 400 saying what is wrong', async (query, message) => {
    const ws = await createTestWorkspace(server());
    const res = await server().app.inject({
      method: 'GET',
      url: `/api/sync/pull?${query}`,
      headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${ws.users.intake.token}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_request', message: expect.stringMatching(message) } });
  });
});
