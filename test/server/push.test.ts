import { describe, expect, it } from 'vitest';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

async function countRows(
  server: ReturnType<ReturnType<typeof useTestServer>>,
  table: 'tickets' | 'ticket_events' | 'notes' | 'changes',
  tenantId: string,
) {
  const { n } = await server.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe.each(BACKENDS)('push on %s', (backend) => {
  const server = useTestServer(backend);

  describe('exactly once', () => {
    it('applies a mutation once and answers a repeat with the stored result', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.intake.token);
      const create = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']));
      const first = await desk.push([create]);
      expect(first.status).toBe(200);
      expect(first.body.results).toEqual([{ clientId: desk.clientId, seq: 1, status: 'applied', changeSeq: expect.any(Number) }]);

      const again = await desk.push([create]);
      expect(again.body.results).toEqual([{ ...first.body.results[0], duplicate: true }]);
      expect(await countRows(server(), 'tickets', ws.tenantId)).toBe(1);
      expect(await countRows(server(), 'ticket_events', ws.tenantId)).toBe(1);
    });

    it('after a lost response, retrying the whole batch changes nothing and returns the same results', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const ticket = newTicketArgs(ws.clients['five-priority'], { priority: 'p2' });
      const batch = [
        desk.mutation('createTicket', ticket),
        desk.mutation('setStatus', { id: ticket.id, status: 'open' }),
        desk.mutation('addNote', { id: uuidv7(), ticketId: ticket.id, kind: 'public_reply', body: 'On it.' }),
        desk.mutation('setStatus', { id: ticket.id, status: 'on_hold' }),
        desk.mutation('setStatus', { id: ticket.id, status: 'new' }), // rejected: on_hold -> new
      ];
      const first = await desk.push(batch); // imagine this response never arrived
      const changesAfterFirst = await countRows(server(), 'changes', ws.tenantId);
      const retry = await desk.push(batch);
      expect(retry.body.results).toEqual(first.body.results.map((r) => ({ ...r, duplicate: true })));
      expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'rejected']);
      expect(await countRows(server(), 'changes', ws.tenantId)).toBe(changesAfterFirst);
      expect(await countRows(server(), 'notes', ws.tenantId)).toBe(1);
    });

    it('refuses a gap as out of order, records nothing, and stops the batch there', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const one = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']));
      desk.seq = 2; // seq 2 was lost from the outbox
      const three = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']));
      const four = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']));
      const { body } = await desk.push([one, three, four]);
      expect(body.results).toHaveLength(2);
      expect(body.results[1]).toMatchObject({ seq: 3, status: 'out_of_order', expectedSeq: 2 });
      expect(body.results[1]!.status === 'out_of_order' && body.results[1]!.message).toMatch(/starting at 2/);
      expect(await countRows(server(), 'tickets', ws.tenantId)).toBe(1);
    });

    it('advances the sequence past a rejected mutation so the outbox never sticks', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.scheduler.token);
      const refused = await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']));
      expect(refused).toMatchObject({ seq: 1, status: 'rejected', code: 'forbidden' });
      expect(refused.status === 'rejected' && refused.message).toMatch(/scheduler.*may not open tickets/);
      const next = await desk.apply('addNote', { id: uuidv7(), ticketId: uuidv7(), kind: 'internal_note', body: 'x' });
      expect(next).toMatchObject({ seq: 2, status: 'rejected', code: 'not_found' });
    });

    it("applies the same desk's duplicate pushes racing each other exactly once", async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.engineer.token);
      const batch = Array.from({ length: 5 }, () =>
        desk.mutation('createTicket', newTicketArgs(ws.clients['four-severity'], { priority: 'sev2' })),
      );
      const responses = await Promise.all([desk.push(batch), desk.push(batch), desk.push(batch)]);
      for (const r of responses) expect(r.body.results.map((x) => x.status)).toEqual(Array(5).fill('applied'));
      expect(await countRows(server(), 'tickets', ws.tenantId)).toBe(5);
    });

    it('refuses a malformed batch as a whole: even its valid mutations are not applied', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const good = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']));
      const bad = { ...desk.mutation('setStatus', { id: uuidv7(), status: 'open' }), name: 'dropAllTickets' };
      const { status, body } = await desk.push([good, bad as never]);
      expect(status).toBe(400);
      expect(body).toEqual({
        error: { code: 'invalid_request', message: expect.stringMatching(/mutations\[1\]\.name is not a mutation this server knows/) },
      });
      expect(await countRows(server(), 'tickets', ws.tenantId)).toBe(0);
    });
  });

  describe("rules come from the server's rows", () => {
    it("refuses a status change that the server's current status does not allow", async () => {
      const ws = await createTestWorkspace(server());
      const deskA = new Desk(server().app, ws.users.technician.token);
      const deskB = new Desk(server().app, ws.users.engineer.token);
      const ticket = newTicketArgs(ws.clients['four-tier']);
      await deskA.apply('createTicket', ticket);
      await deskA.apply('closeTicket', { id: ticket.id, noteId: uuidv7(), resolution: 'Replaced the cable.' });
      // Desk B still thinks the ticket is open (it was offline).
      const result = await deskB.apply('setStatus', { id: ticket.id, status: 'on_hold' });
      expect(result).toMatchObject({
        status: 'rejected',
        code: 'invalid_transition',
        message: expect.stringContaining('A ticket cannot go from closed to on_hold; allowed next: open.'),
      });
      const row = await server().database.db.selectFrom('tickets').select('status').where('id', '=', ticket.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('closed');
    });

    it('treats a status the ticket already has as applied with nothing to change', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const ticket = newTicketArgs(ws.clients['four-tier']);
      await desk.apply('createTicket', ticket);
      await desk.apply('setStatus', { id: ticket.id, status: 'on_hold' });
      const before = await countRows(server(), 'changes', ws.tenantId);
      expect(await desk.apply('setStatus', { id: ticket.id, status: 'on_hold' })).toMatchObject({ status: 'applied' });
      expect(await countRows(server(), 'changes', ws.tenantId)).toBe(before);
    });

    it.each([
      ['four-tier', 'sev1', /not a priority of four-tier client's contract; choose one of Critical \(critical\)/],
      ['four-severity', 'p1', /choose one of Severity 1 \(sev1\)/],
      ['five-priority', 'critical', /choose one of P1 \(p1\)/],
    ] as const)("refuses a priority outside the %s client's scheme (%s)", async (scheme, priority, message) => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.intake.token);
      const result = await desk.apply('createTicket', newTicketArgs(ws.clients[scheme], { priority }));
      expect(result).toMatchObject({ status: 'rejected', code: 'invalid_priority', message: expect.stringMatching(message) });
    });

    it("checks priority changes against the ticket's client, and records them as history", async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.supervisor.token);
      const ticket = newTicketArgs(ws.clients['four-severity'], { priority: 'sev3' });
      await desk.apply('createTicket', ticket);
      expect(await desk.apply('updateTicket', { id: ticket.id, priority: 'high' })).toMatchObject({
        status: 'rejected',
        code: 'invalid_priority',
      });
      expect(await desk.apply('updateTicket', { id: ticket.id, priority: 'sev1' })).toMatchObject({ status: 'applied' });
      const events = await server()
        .database.db.selectFrom('ticket_events')
        .select(['type', 'priority'])
        .where('ticket_id', '=', ticket.id)
        .orderBy('at')
        .execute();
      expect(events.map((e) => [e.type, e.priority])).toEqual([
        ['opened', 'sev3'],
        ['priority_changed', 'sev1'],
      ]);
    });

    it.each([
      ['scheduler', 'setStatus', 'forbidden'],
      ['intake', 'setStatus', 'forbidden'],
      ['technician', 'setStatus', 'applied'],
      ['scheduler', 'addNote', 'applied'],
      ['technician', 'upsertContact', 'forbidden'],
      ['service_coordinator', 'upsertContact', 'applied'],
    ] as const)('role %s doing %s: %s', async (role, name, expected) => {
      const ws = await createTestWorkspace(server());
      const ticket = newTicketArgs(ws.clients['four-tier']);
      await new Desk(server().app, ws.users.admin.token).apply('createTicket', ticket);
      const desk = new Desk(server().app, ws.users[role].token);
      const result =
        name === 'setStatus'
          ? await desk.apply('setStatus', { id: ticket.id, status: 'open' })
          : name === 'addNote'
            ? await desk.apply('addNote', { id: uuidv7(), ticketId: ticket.id, kind: 'internal_note', body: 'Visit booked Tuesday 9am.' })
            : await desk.apply('upsertContact', {
                id: uuidv7(),
                clientId: ws.clients['four-tier'],
                name: 'Rachel Adams',
                phones: [{ raw: '913-555-0142', label: 'work' }],
                emails: [],
                approvalLimitCents: null,
                role: 'billing_contact',
              });
      expect(result.status === 'rejected' ? result.code : result.status).toBe(expected);
    });

    it('refuses an assignee who is not staff of this workspace', async () => {
      const ws = await createTestWorkspace(server());
      const other = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.service_coordinator.token);
      const result = await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier'], { assigneeId: other.users.technician.id }));
      expect(result).toMatchObject({ status: 'rejected', code: 'invalid_assignee' });
    });
  });

  describe('tenancy', () => {
    it("refuses ids of another workspace's tickets, clients and contacts, leaving them untouched", async () => {
      const mine = await createTestWorkspace(server());
      const theirs = await createTestWorkspace(server());
      const theirTicket = newTicketArgs(theirs.clients['four-tier']);
      const theirContact = uuidv7();
      const theirDesk = new Desk(server().app, theirs.users.admin.token);
      await theirDesk.apply('createTicket', theirTicket);
      await theirDesk.apply('upsertContact', {
        id: theirContact,
        clientId: theirs.clients['four-tier'],
        name: 'Owen Brooks',
        phones: [{ raw: '913-555-0142', label: 'work' }],
        emails: [],
        approvalLimitCents: null,
        role: 'portal_admin',
      });

      const desk = new Desk(server().app, mine.users.admin.token);
      const results = [
        await desk.apply('setStatus', { id: theirTicket.id, status: 'open' }),
        await desk.apply('updateTicket', { id: theirTicket.id, title: 'pwned' }),
        await desk.apply('addNote', { id: uuidv7(), ticketId: theirTicket.id, kind: 'public_reply', body: 'hello' }),
        await desk.apply('createTicket', newTicketArgs(theirs.clients['four-tier'])),
        await desk.apply('createTicket', { ...newTicketArgs(mine.clients['four-tier']), id: theirTicket.id }),
        await desk.apply('upsertContact', {
          id: theirContact,
          clientId: mine.clients['four-tier'],
          name: 'Stolen',
          phones: [{ raw: '913-555-0142', label: 'work' }],
          emails: [],
          approvalLimitCents: null,
          role: 'billing_contact',
        }),
        await desk.apply('deleteContact', { id: theirContact }),
      ];
      expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
        'not_found',
        'not_found',
        'not_found',
        'not_found',
        'conflict',
        'conflict',
        'not_found',
      ]);
      const ticket = await server()
        .database.db.selectFrom('tickets')
        .selectAll()
        .where('id', '=', theirTicket.id)
        .executeTakeFirstOrThrow();
      expect(ticket).toMatchObject({ tenant_id: theirs.tenantId, status: 'new', title: theirTicket.title });
      const contact = await server()
        .database.db.selectFrom('contacts')
        .selectAll()
        .where('id', '=', theirContact)
        .executeTakeFirstOrThrow();
      expect(contact).toMatchObject({ tenant_id: theirs.tenantId, name: 'Owen Brooks' });
    });
  });

  describe('client clocks', () => {
    it('rejects a mutation stamped more than 5 minutes ahead of the server, telling the user to fix the clock', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const ahead = new Date(server().clock.now().getTime() + 6 * 60 * 1000).toISOString();
      const result = await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']), ahead);
      expect(result).toMatchObject({
        status: 'rejected',
        code: 'clock_ahead',
        message: expect.stringMatching(/Set this computer's date and time/),
      });
    });

    it("accepts a small drift but never records a time later than the server's", async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const now = server().clock.now();
      const ticket = newTicketArgs(ws.clients['four-tier']);
      await desk.apply('createTicket', ticket, new Date(now.getTime() + 60 * 1000).toISOString());
      const row = await server()
        .database.db.selectFrom('tickets')
        .select('opened_at')
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row.opened_at.toISOString()).toBe(now.toISOString());
    });

    it('keeps a past performedAt as when it happened (offline work), ordered by the server', async () => {
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const ticket = newTicketArgs(ws.clients['four-tier']);
      const hourAgo = new Date(server().clock.now().getTime() - 3600_000).toISOString();
      await desk.apply('createTicket', ticket, hourAgo);
      const row = await server()
        .database.db.selectFrom('tickets')
        .select(['opened_at', 'updated_at'])
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row.opened_at.toISOString()).toBe(hourAgo);
      expect(row.updated_at.toISOString()).toBe(server().clock.now().toISOString());
    });
  });
});

describe.each(BACKENDS)('text PostgreSQL cannot store, on %s', (backend) => {
  const server = useTestServer(backend);

  it.each([
    ['a NUL in a ticket title', { title: 'Printer\u0000offline' }],
    ['a lone surrogate in a description', { description: 'broken \ud800 text' }],
    ['a NUL in a priority', { priority: 'high\u0000' }],
  ])('refuses %s with a 400 before anything is written', async (_, overrides) => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.intake.token);
    const { status, body } = await desk.push([desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], overrides))]);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_request', message: expect.stringMatching(/NUL character or broken Unicode/) } });
  });

  it('refuses a NUL in a sign-in email with a 400, not a server error', async () => {
    const ws = await createTestWorkspace(server());
    const res = await server().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { workspace: ws.slug, email: 'admin\u0000@x.example', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
  });
});
