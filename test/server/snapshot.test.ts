import { describe, expect, it } from 'vitest';
import { changeSchema, SNAPSHOT_ORDER, type Change } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, PROTOCOL_HEADERS, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

/** Every snapshot page in turn, checking each page's shape. */
async function snapshotAll(desk: Desk, limit: number) {
  const changes: Change[] = [];
  const pages: { cursor: number; total?: number }[] = [];
  for (let after: string | null = null; ;) {
    const { status, body } = await desk.snapshot(after, limit);
    expect(status).toBe(200);
    expect(body.changes.length).toBeLessThanOrEqual(limit);
    for (const c of body.changes) expect(changeSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
    changes.push(...body.changes);
    pages.push({ cursor: body.cursor, total: body.total });
    if (body.next === null) return { changes, pages };
    after = body.next;
  }
}

const orderKey = (c: Change) => `${SNAPSHOT_ORDER.indexOf(c.entity as (typeof SNAPSHOT_ORDER)[number])}:${String(c.seq).padStart(12, '0')}`;

describe.each(BACKENDS)('snapshot on %s', (backend) => {
  const server = useTestServer(backend);

  it('pages through every live row of the workspace once, kind by kind in sequence order, only that workspace', async () => {
    const ws = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    for (let i = 0; i < 4; i++) await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']));
    await new Desk(server().app, other.users.technician.token).apply('createTicket', newTicketArgs(other.clients['four-tier']));

    // Page sizes that end inside a kind, exactly at its end, and hold everything.
    for (const limit of [1, 3, 8, 11, 1000]) {
      const { changes, pages } = await snapshotAll(desk, limit);
      // 8 staff + 3 clients + 4 tickets + 4 'opened' events
      expect(pages[0]!.total).toBe(19);
      expect(pages.slice(1).every((p) => p.total === undefined)).toBe(true);
      expect(changes).toHaveLength(19);
      expect(new Set(changes.map((c) => c.id)).size).toBe(19);
      expect(changes.map(orderKey)).toEqual(changes.map(orderKey).sort());
      const counts = Object.fromEntries(
        ['user', 'client', 'ticket', 'ticket_event'].map((e) => [e, changes.filter((c) => c.entity === e).length]),
      );
      expect(counts).toEqual({ user: 8, client: 3, ticket: 4, ticket_event: 4 });
    }
    const otherIds = new Set(
      (await server().database.db.selectFrom('changes').select('id').where('tenant_id', '=', other.tenantId).execute()).map((r) => r.id),
    );
    const { changes } = await snapshotAll(desk, 5);
    expect(changes.filter((c) => otherIds.has(c.id))).toEqual([]);
  });

  it('holds the same rows as a full pull, and its first cursor brings what changed during the download, deletes included', async () => {
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
    const ticket = newTicketArgs(ws.clients['four-tier']);
    await desk.apply('createTicket', ticket);

    const first = await desk.snapshot(null, 2);
    // Written while the download is under way: one row the snapshot has already sent, one it has not, one new.
    await desk.apply('deleteContact', { id: contact });
    await desk.apply('updateTicket', { id: ticket.id, title: 'Renamed mid-download' });
    const late = newTicketArgs(ws.clients['four-tier']);
    await desk.apply('createTicket', late);
    const rest: Change[] = [];
    for (let after = first.body.next; after !== null;) {
      const { body } = await desk.snapshot(after, 2);
      rest.push(...body.changes);
      after = body.next;
    }
    const local = new Map([...first.body.changes, ...rest].map((c) => [`${c.entity}:${c.id}`, c.data]));
    const { body: since } = await desk.pull(first.body.cursor, 1000);
    for (const c of since.changes) {
      if (c.op === 'delete') local.delete(`${c.entity}:${c.id}`);
      else local.set(`${c.entity}:${c.id}`, c.data);
    }
    const server_ = new Map<string, unknown>();
    for (let cursor = 0; ;) {
      const { body } = await desk.pull(cursor, 1000);
      for (const c of body.changes) server_.set(`${c.entity}:${c.id}`, c.data);
      cursor = body.nextCursor;
      if (!body.hasMore) break;
    }
    expect(local).toEqual(server_);
    expect(local.has(`contact:${contact}`)).toBe(false);
    expect(local.get(`ticket:${ticket.id}`)).toMatchObject({ title: 'Renamed mid-download' });
    expect(local.has(`ticket:${late.id}`)).toBe(true);
  });

  it.each([
    ['after=ticket:01a1b8d1-d7e4-7f60-a8ac-d89fd8bcdf81', /after: must be the `next` of the previous snapshot page/],
    ['after=invoice:12', /after: must be the `next`/],
    ['limit=0', /limit/],
    ['limit=5001', /limit must be at most 5000/],
    ['cursor=1', /unexpected field\(s\) cursor/],
  ])('refuses a bad query (%s) with a 400 saying what is wrong', async (query, message) => {
    const ws = await createTestWorkspace(server());
    const res = await server().app.inject({
      method: 'GET',
      url: `/api/sync/snapshot?${query}`,
      headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${ws.users.intake.token}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_request', message: expect.stringMatching(message) } });
  });

  it('answers only a signed-in caller', async () => {
    const res = await server().app.inject({ method: 'GET', url: '/api/sync/snapshot', headers: PROTOCOL_HEADERS });
    expect(res.statusCode).toBe(401);
  });
});
