// logTime on the server (docs/domain/time-and-approvals.md): each bad entry
// sent straight to push is refused with a message that says what to do and
// writes nothing; a good one is stored and comes back in a pull.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

// Tuesday 4 March 2025, in CST (UTC-6): the four-tier client's business hours are 07:00-17:00 Chicago.
const tue = (hhmm: string) => new Date(`2025-03-04T${hhmm}:00-06:00`).toISOString();

function entry(ticketId: string, over: Partial<MutationArgs['logTime']> = {}): MutationArgs['logTime'] {
  return {
    id: uuidv7(),
    ticketId,
    startedAt: tue('09:00'),
    endedAt: tue('10:00'),
    workType: 'included',
    cause: 'none',
    note: 'Reinstalled the print driver.',
    ...over,
  };
}

describe.each(BACKENDS)('time entries on %s', (backend) => {
  const server = useTestServer(backend);

  async function setup(priority = 'high'): Promise<{ ws: TestWorkspace; desk: Desk; ticket: string }> {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier'], { priority });
    expect((await desk.apply('createTicket', ticket)).status).toBe('applied');
    return { ws, desk, ticket: ticket.id };
  }

  async function storedEntries(tenantId: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select (select count(*) from time_entries where tenant_id = ${tenantId}::uuid)
        + (select count(*) from changes where tenant_id = ${tenantId}::uuid and entity = 'time_entry') as n`.execute(server().database.db);
    return Number(rows[0]!.n);
  }

  it('stores a good entry, and a pull brings it with its author', async () => {
    const { ws, desk, ticket } = await setup();
    const args = entry(ticket);
    const result = await desk.apply('logTime', args);
    expect(result.status).toBe('applied');
    const pulled = await desk.pull(0);
    const change = pulled.body.changes.find((c) => c.entity === 'time_entry');
    expect(change?.data).toMatchObject({ ...args, authorId: ws.users.technician.id });
  });

  it.each([
    ['zero length', { startedAt: tue('09:00'), endedAt: tue('09:00') }, /zero minutes long: enter when the work ended/],
    ['ending before it starts', { startedAt: tue('10:00'), endedAt: tue('09:00') }, /ends before it starts: check the start and end times/],
    ['longer than 24 hours', { startedAt: tue('09:00'), endedAt: '2025-03-05T09:01:00-06:00' }, /more than 24 hours: split it/],
    ['an empty note', { note: '   ' }, /Say what the work was: the note is empty/],
  ])('refuses %s as malformed, naming what to fix, and writes nothing', async (_label, over, message) => {
    const { ws, desk, ticket } = await setup();
    const { status, body } = await desk.push([desk.mutation('logTime', entry(ticket, over))]);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    expect(await storedEntries(ws.tenantId)).toBe(0);
  });

  it('refuses an entry that ends in the future by the server clock', async () => {
    const { ws, desk, ticket } = await setup();
    const now = server().clock.now().getTime();
    const result = await desk.apply(
      'logTime',
      entry(ticket, {
        startedAt: new Date(now - 60_000).toISOString(),
        endedAt: new Date(now + 3_600_000).toISOString(),
        workType: 'included',
      }),
    );
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'invalid_time_entry',
      message: expect.stringMatching(/ends in the future.*Nothing was logged/),
    });
    expect(await storedEntries(ws.tenantId)).toBe(0);
  });

  it("answers another workspace's ticket as one that does not exist, and writes nothing", async () => {
    const theirs = await setup();
    const mine = await createTestWorkspace(server());
    const desk = new Desk(server().app, mine.users.technician.token);
    const result = await desk.apply('logTime', entry(theirs.ticket));
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'not_found',
      message: expect.stringMatching(/does not exist in this workspace/),
    });
    expect(await storedEntries(mine.tenantId)).toBe(0);
    expect(await storedEntries(theirs.ws.tenantId)).toBe(0);
  });

  it('refuses a role that may not log time', async () => {
    const { ws, ticket } = await setup();
    const scheduler = new Desk(server().app, ws.users.scheduler.token);
    expect(await scheduler.apply('logTime', entry(ticket))).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await storedEntries(ws.tenantId)).toBe(0);
  });

  const approvalCases: [string, string, (ticket: string) => MutationArgs['logTime'][], RegExp][] = [
    [
      'included work passing 2 hours, in one push',
      'high',
      (t) => [entry(t, { startedAt: tue('09:00'), endedAt: tue('10:30') }), entry(t, { startedAt: tue('11:00'), endedAt: tue('11:45') })],
      /would come to 2 h 15 min, past the 2 hours/,
    ],
    [
      'work caused by a customer change',
      'high',
      (t) => [entry(t, { cause: 'customer_change' })],
      /caused by a customer's or a third party's change/,
    ],
    [
      'work caused by a third-party change',
      'high',
      (t) => [entry(t, { cause: 'third_party_change' })],
      /caused by a customer's or a third party's change/,
    ],
    [
      'after-hours work on a non-Critical ticket',
      'medium',
      (t) => [entry(t, { startedAt: tue('18:30'), endedAt: tue('19:00') })],
      /outside business hours and the ticket is not Critical/,
    ],
    ['billable work', 'high', (t) => [entry(t, { workType: 'billable' })], /it is billable work/],
  ];

  it.each(approvalCases)('refuses %s until the client approves, and writes nothing for it', async (_label, priority, entries, reason) => {
    const { ws, desk, ticket } = await setup(priority);
    const args = entries(ticket);
    const { body } = await desk.push(args.map((a) => desk.mutation('logTime', a)));
    const last = body.results.at(-1);
    expect(last).toMatchObject({
      status: 'rejected',
      code: 'approval_required',
      message: expect.stringMatching(
        /needs approval by the client's Billing Contact or Backup Approver before more billable time is logged/,
      ),
    });
    expect(last?.status === 'rejected' ? last.message : '').toMatch(reason);
    expect(body.results.slice(0, -1).map((r) => r.status)).toEqual(args.slice(0, -1).map(() => 'applied'));
    expect(await storedEntries(ws.tenantId)).toBe(2 * (args.length - 1));
  });

  it('logs after-hours work once an approved request covers it, and counts it against that request', async () => {
    const { ws, desk, ticket } = await setup('medium');
    const late = entry(ticket, { startedAt: tue('18:30'), endedAt: tue('19:00') });
    expect(await desk.apply('logTime', late)).toMatchObject({ code: 'approval_required' });
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const contactId = uuidv7();
    const client = ws.clients['four-tier'];
    const contact = {
      id: contactId,
      clientId: client,
      name: 'Rachel Adams',
      phones: [{ raw: '+1 913 555 0100', label: 'work' as const }],
      emails: [],
      role: 'billing_contact' as const,
      approvalLimitCents: null,
    };
    expect(await coordinator.apply('upsertContact', contact)).toMatchObject({ status: 'applied' });
    const requestId = uuidv7();
    expect(
      await desk.apply('requestApproval', {
        id: requestId,
        ticketId: ticket,
        clientId: client,
        requesterContactId: contactId,
        callerName: null,
        callerPhone: null,
        kind: 'billable_work',
        work: 'break_fix',
        cause: 'none',
        onsite: false,
        afterHours: true,
        description: 'Fix the printer tonight.',
        estimateMinutes: 30,
        estimateCents: null,
        triggers: ['after_hours'],
        status: 'awaiting_approval',
      }),
    ).toMatchObject({ status: 'applied' });
    const approve = { id: requestId, contactId, via: 'phone' as const, approvedMinutes: 30, approvedCents: null };
    expect(await desk.apply('recordApproval', approve)).toMatchObject({ status: 'applied' });
    const again = { ...late, id: uuidv7() };
    expect(await desk.apply('logTime', again)).toMatchObject({ status: 'applied' });
    const pulled = await desk.pull(0);
    expect(pulled.body.changes.find((c) => c.id === again.id)?.data).toMatchObject({ approvalRequestId: requestId });
  });

  it('lets after-hours work on a Critical ticket through: it is part of the plan', async () => {
    const { desk, ticket } = await setup('critical');
    expect((await desk.apply('logTime', entry(ticket, { startedAt: tue('18:30'), endedAt: tue('19:00') }))).status).toBe('applied');
  });

  it('refuses a taken id without saying whose it is', async () => {
    const { desk, ticket } = await setup();
    const args = entry(ticket);
    expect((await desk.apply('logTime', args)).status).toBe('applied');
    expect(await desk.apply('logTime', { ...args, startedAt: tue('11:00'), endedAt: tue('11:15') })).toMatchObject({
      status: 'rejected',
      code: 'conflict',
      message: expect.stringMatching(/log it again, which gives it a new id/),
    });
  });
});
