// Callbacks through a push (docs/domain/phone-intake.md, "Callbacks"): promised
// on one desk and pulled by another; each refusal names what was wrong and
// writes nothing; a callback closed once is not closed again.
import { describe, expect, it } from 'vitest';
import { CALLBACK_HORIZON_DAYS } from '../../src/domain/calls';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const MINUTE = 60_000;

describe.each(BACKENDS)('callbacks on %s', (backend) => {
  const server = useTestServer(backend);

  async function contact(ws: TestWorkspace, clientId: string, name: string) {
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const id = uuidv7();
    const result = await coordinator.apply('upsertContact', {
      id,
      clientId,
      name,
      phones: [{ raw: '+1 913 555 0100', label: 'work' as const }],
      emails: [],
      role: 'none',
      approvalLimitCents: null,
    });
    expect(result).toMatchObject({ status: 'applied' });
    return id;
  }

  const inMinutes = (minutes: number) => new Date(server().clock.now().getTime() + minutes * MINUTE).toISOString();

  const promise = (clientId: string, over: Partial<MutationArgs['promiseCallback']> = {}): MutationArgs['promiseCallback'] => ({
    id: uuidv7(),
    clientId,
    contactId: null,
    callerName: 'Rachel Adams',
    number: '(913) 555-0142 ext. 204',
    reason: 'Wants to know when the technician arrives.',
    promisedBy: inMinutes(30),
    timeZone: 'America/Chicago',
    ticketId: null,
    ...over,
  });

  async function stored(tenantId: string) {
    const { db } = server().database;
    const rows = await db.selectFrom('callbacks').select(['id', 'status', 'closed_by']).where('tenant_id', '=', tenantId).execute();
    const changes = await db
      .selectFrom('changes')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('entity', '=', 'callback')
      .execute();
    return { rows, changes: changes.length };
  }

  it('is promised on one desk, pulled by another with the number read again, and completed by the second', async () => {
    const ws = await createTestWorkspace(server());
    const client = ws.clients['four-tier'];
    const rachel = await contact(ws, client, 'Rachel Adams');
    const ticket = newTicketArgs(client);
    const intake = new Desk(server().app, ws.users.intake.token);
    expect(await intake.apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    const args = promise(client, { contactId: rachel, ticketId: ticket.id });
    expect(await intake.apply('promiseCallback', args)).toMatchObject({ status: 'applied' });

    const tech = new Desk(server().app, ws.users.technician.token);
    const { body } = await tech.pull(0, 1000);
    expect(body.changes.filter((c) => c.entity === 'callback').map((c) => c.data)).toEqual([
      expect.objectContaining({
        id: args.id,
        contactId: rachel,
        ticketId: ticket.id,
        number: '+19135550142',
        extension: '204',
        numberRaw: '(913) 555-0142 ext. 204',
        promisedBy: args.promisedBy,
        timeZone: 'America/Chicago',
        status: 'open',
        createdBy: ws.users.intake.id,
        closedBy: null,
      }),
    ]);

    expect(await tech.apply('completeCallback', { id: args.id, outcome: 'Told her 14:00.', callId: null })).toMatchObject({
      status: 'applied',
    });
    const after = await intake.pull(body.nextCursor, 1000);
    expect(after.body.changes.find((c) => c.entity === 'callback')?.data).toMatchObject({
      status: 'done',
      outcome: 'Told her 14:00.',
      closedBy: ws.users.technician.id,
    });
  });

  it.each([
    ['an unknown time zone', () => ({ timeZone: 'Mars/Olympus_Mons' }), /"Mars\/Olympus_Mons" is not a time zone/],
    ['a promise already past', () => ({ promisedBy: inMinutes(-30) }), /already past/],
    [
      'a promise beyond the horizon',
      () => ({ promisedBy: inMinutes((CALLBACK_HORIZON_DAYS + 1) * 1440) }),
      new RegExp(`within ${CALLBACK_HORIZON_DAYS} days`),
    ],
  ])('refuses %s and writes nothing', async (_label, over, message) => {
    const ws = await createTestWorkspace(server());
    const intake = new Desk(server().app, ws.users.intake.token);
    const args = promise(ws.clients['four-tier'], over());
    expect(await intake.apply('promiseCallback', args)).toMatchObject({
      status: 'rejected',
      code: 'invalid_callback',
      message: expect.stringMatching(message),
    });
    expect(await stored(ws.tenantId)).toEqual({ rows: [], changes: 0 });
  });

  it("refuses another client's contact, and writes nothing", async () => {
    const ws = await createTestWorkspace(server());
    const other = await contact(ws, ws.clients['five-priority'], 'Dana Other');
    const intake = new Desk(server().app, ws.users.intake.token);
    expect(await intake.apply('promiseCallback', promise(ws.clients['four-tier'], { contactId: other }))).toMatchObject({
      status: 'rejected',
      code: 'invalid_callback',
      message: expect.stringMatching(/Dana Other is not a contact of four-tier client/),
    });
    expect(await stored(ws.tenantId)).toEqual({ rows: [], changes: 0 });
  });

  it("refuses another client's ticket, and writes nothing", async () => {
    const ws = await createTestWorkspace(server());
    const intake = new Desk(server().app, ws.users.intake.token);
    const ticket = newTicketArgs(ws.clients['five-priority'], { priority: 'p3' });
    expect(await intake.apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    expect(await intake.apply('promiseCallback', promise(ws.clients['four-tier'], { ticketId: ticket.id }))).toMatchObject({
      status: 'rejected',
      code: 'invalid_callback',
      message: expect.stringMatching(/belongs to another client/),
    });
    expect(await stored(ws.tenantId)).toEqual({ rows: [], changes: 0 });
  });

  it('refuses completing a cancelled callback, naming who cancelled it, and writes nothing', async () => {
    const ws = await createTestWorkspace(server());
    const intake = new Desk(server().app, ws.users.intake.token);
    const args = promise(ws.clients['four-tier']);
    expect(await intake.apply('promiseCallback', args)).toMatchObject({ status: 'applied' });
    expect(await intake.apply('cancelCallback', { id: args.id, reason: 'She emailed instead.' })).toMatchObject({ status: 'applied' });
    const before = await stored(ws.tenantId);
    const tech = new Desk(server().app, ws.users.technician.token);
    expect(await tech.apply('completeCallback', { id: args.id, outcome: 'Called.', callId: null })).toMatchObject({
      status: 'rejected',
      code: 'invalid_callback',
      message: expect.stringMatching(/already cancelled by intake person on .*\(America\/Chicago\)/),
    });
    expect(await stored(ws.tenantId)).toEqual(before);
  });

  it("refuses another workspace's client and callback, and writes nothing in either", async () => {
    const ours = await createTestWorkspace(server());
    const theirs = await createTestWorkspace(server());
    const intake = new Desk(server().app, ours.users.intake.token);
    expect(await intake.apply('promiseCallback', promise(theirs.clients['four-tier']))).toMatchObject({
      status: 'rejected',
      code: 'not_found',
    });
    const theirDesk = new Desk(server().app, theirs.users.intake.token);
    const args = promise(theirs.clients['four-tier']);
    expect(await theirDesk.apply('promiseCallback', args)).toMatchObject({ status: 'applied' });
    const theirsBefore = await stored(theirs.tenantId);
    expect(await intake.apply('cancelCallback', { id: args.id, reason: 'Not ours.' })).toMatchObject({
      status: 'rejected',
      code: 'not_found',
    });
    expect(await stored(ours.tenantId)).toEqual({ rows: [], changes: 0 });
    expect(await stored(theirs.tenantId)).toEqual(theirsBefore);
  });
});
