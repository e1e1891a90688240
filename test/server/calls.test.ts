// The call log through a push (docs/domain/phone-intake.md, "Call log"): a
// call is stored with the server's reading of its number and the signed-in
// person as who took it, reaches another desk on pull, and each refusal names
// what was wrong and writes nothing.
import { describe, expect, it } from 'vitest';
import { CALL_CLOCK_SKEW_MS, CALL_MAX_SECONDS } from '../../src/domain/calls';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

describe.each(BACKENDS)('the call log on %s', (backend) => {
  const server = useTestServer(backend);

  async function contact(ws: TestWorkspace, clientId: string, name: string) {
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const id = uuidv7();
    const args: MutationArgs['upsertContact'] = {
      id,
      clientId,
      name,
      phones: [{ raw: '+1 913 555 0100', label: 'work' }],
      emails: [],
      role: 'none',
      approvalLimitCents: null,
    };
    expect(await coordinator.apply('upsertContact', args)).toMatchObject({ status: 'applied' });
    return id;
  }

  async function setup() {
    const ws = await createTestWorkspace(server());
    const intake = new Desk(server().app, ws.users.intake.token);
    const client = ws.clients['four-tier'];
    const ticket = newTicketArgs(client);
    expect(await intake.apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    return { ws, intake, client, ticket: ticket.id };
  }

  /** A five-minute call that ended a minute ago by the server's clock. */
  function call(clientId: string, over: Partial<MutationArgs['logCall']> = {}): MutationArgs['logCall'] {
    const end = server().clock.now().getTime() - 60_000;
    return {
      id: uuidv7(),
      clientId,
      ticketId: null,
      contactId: null,
      callerName: 'Dana Whitfield',
      callerNumber: '(913) 555-0142 x204',
      direction: 'inbound',
      startedAt: new Date(end - 5 * 60_000).toISOString(),
      endedAt: new Date(end).toISOString(),
      outcome: 'no_ticket',
      summary: 'Asked about the new voicemail PIN.',
      callbackId: null,
      ...over,
    };
  }

  async function stored(tenantId: string) {
    const { db } = server().database;
    const rows = await db.selectFrom('calls').select('id').where('tenant_id', '=', tenantId).execute();
    const changes = await db.selectFrom('changes').select('id').where('tenant_id', '=', tenantId).where('entity', '=', 'call').execute();
    return { rows: rows.length, changes: changes.length };
  }

  it('stores a call on a ticket, taken by the signed-in person whatever the desk says, and another desk pulls it', async () => {
    const s = await setup();
    const dana = await contact(s.ws, s.client, 'Dana Whitfield');
    const args = call(s.client, { ticketId: s.ticket, contactId: dana, outcome: 'added_to_ticket' });
    expect(await s.intake.apply('logCall', args)).toMatchObject({ status: 'applied' });
    const other = new Desk(server().app, s.ws.users.technician.token);
    const { body } = await other.pull(0, 1000);
    expect(body.changes.filter((c) => c.entity === 'call').map((c) => c.data)).toEqual([
      {
        id: args.id,
        clientId: s.client,
        ticketId: s.ticket,
        contactId: dana,
        callerName: 'Dana Whitfield',
        callerNumber: '+19135550142',
        callerExtension: '204',
        direction: 'inbound',
        startedAt: args.startedAt,
        endedAt: args.endedAt,
        takenBy: s.ws.users.intake.id,
        outcome: 'added_to_ticket',
        summary: 'Asked about the new voicemail PIN.',
        callbackId: null,
      },
    ]);
  });

  it('stores a withheld number as none, and a call with no ticket', async () => {
    const s = await setup();
    const args = call(s.client, { callerNumber: null, callerName: 'Unknown caller' });
    expect(await s.intake.apply('logCall', args)).toMatchObject({ status: 'applied' });
    const { body } = await s.intake.pull(0, 1000);
    expect(body.changes.find((c) => c.entity === 'call')?.data).toMatchObject({
      callerNumber: null,
      callerExtension: null,
      ticketId: null,
    });
  });

  it('logs a call and the ticket it opened in one push, the call after the ticket', async () => {
    const s = await setup();
    const ticket = newTicketArgs(s.client);
    const { body } = await s.intake.push([
      s.intake.mutation('createTicket', ticket),
      s.intake.mutation('logCall', call(s.client, { ticketId: ticket.id, outcome: 'ticket_opened' })),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await stored(s.ws.tenantId)).toEqual({ rows: 1, changes: 1 });
  });

  it('refuses a contact of another client, and writes nothing', async () => {
    const s = await setup();
    const elsewhere = await contact(s.ws, s.ws.clients['five-priority'], 'Sam Other');
    const result = await s.intake.apply('logCall', call(s.client, { contactId: elsewhere }));
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'invalid_call',
      message: expect.stringMatching(/^contactId: Sam Other is not a contact of four-tier client/),
    });
    expect(await stored(s.ws.tenantId)).toEqual({ rows: 0, changes: 0 });
  });

  it('refuses a ticket of another client, and writes nothing', async () => {
    const s = await setup();
    const elsewhere = newTicketArgs(s.ws.clients['four-severity'], { priority: 'sev2' });
    expect(await s.intake.apply('createTicket', elsewhere)).toMatchObject({ status: 'applied' });
    const result = await s.intake.apply('logCall', call(s.client, { ticketId: elsewhere.id, outcome: 'added_to_ticket' }));
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'invalid_call',
      message: expect.stringMatching(/^ticketId: ticket "Printer offline at front desk" is not four-tier client's/),
    });
    expect(await stored(s.ws.tenantId)).toEqual({ rows: 0, changes: 0 });
  });

  it("refuses another workspace's client as one that does not exist, and writes nothing", async () => {
    const s = await setup();
    const other = await createTestWorkspace(server());
    const result = await s.intake.apply('logCall', call(other.clients['four-tier']));
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'not_found',
      message: expect.stringMatching(/does not exist in this workspace/),
    });
    expect(await stored(s.ws.tenantId)).toEqual({ rows: 0, changes: 0 });
    expect(await stored(other.tenantId)).toEqual({ rows: 0, changes: 0 });
  });

  it("refuses a call that ends further in the future than the desk's clock may be ahead, and writes nothing", async () => {
    const s = await setup();
    const end = server().clock.now().getTime() + CALL_CLOCK_SKEW_MS + 60_000;
    const args = call(s.client, { startedAt: new Date(end - 60_000).toISOString(), endedAt: new Date(end).toISOString() });
    expect(await s.intake.apply('logCall', args)).toMatchObject({
      status: 'rejected',
      code: 'invalid_call',
      message: expect.stringMatching(/The call ends in the future: check this computer's clock/),
    });
    expect(await stored(s.ws.tenantId)).toEqual({ rows: 0, changes: 0 });
  });

  it('accepts a call that ends within the skew a desk clock may have', async () => {
    const s = await setup();
    const end = server().clock.now().getTime() + CALL_CLOCK_SKEW_MS - 60_000;
    const args = call(s.client, { startedAt: new Date(end - 60_000).toISOString(), endedAt: new Date(end).toISOString() });
    expect(await s.intake.apply('logCall', args)).toMatchObject({ status: 'applied' });
  });

  it('refuses a call over 12 hours long, and writes nothing', async () => {
    const s = await setup();
    const end = server().clock.now().getTime() - 60_000;
    const args = call(s.client, {
      startedAt: new Date(end - CALL_MAX_SECONDS * 1000 - 1000).toISOString(),
      endedAt: new Date(end).toISOString(),
    });
    expect(await s.intake.apply('logCall', args)).toMatchObject({
      status: 'rejected',
      code: 'invalid_call',
      message: expect.stringMatching(/A call lasts at most 12 hours/),
    });
    expect(await stored(s.ws.tenantId)).toEqual({ rows: 0, changes: 0 });
  });

  it('lets every role log a call (call.log is everyone who takes or works tickets)', async () => {
    const s = await setup();
    const roles = ['intake', 'technician', 'scheduler', 'admin'] as const;
    for (const role of roles) {
      const desk = new Desk(server().app, s.ws.users[role].token);
      expect(await desk.apply('logCall', call(s.client))).toMatchObject({ status: 'applied' });
    }
    expect(await stored(s.ws.tenantId)).toEqual({ rows: roles.length, changes: roles.length });
  });
});
