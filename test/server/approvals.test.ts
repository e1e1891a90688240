// Approval requests through a push (docs/domain/contacts-and-approvals.md,
// "Approval requests"): sent straight over HTTP, each forbidden step is refused
// with a message naming the rule and writes nothing; billable time waits for
// an approval and is then logged against it.
import { describe, expect, it } from 'vitest';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

// Tuesday 4 March 2025, in CST (UTC-6), inside the four-tier client's business hours.
const tue = (hhmm: string) => new Date(`2025-03-04T${hhmm}:00-06:00`).toISOString();

describe.each(BACKENDS)('approval requests on %s', (backend) => {
  const server = useTestServer(backend);

  interface Setup {
    ws: TestWorkspace;
    tech: Desk;
    ticket: string;
    client: string;
    billing: string;
    macOnly: string;
  }

  async function contact(ws: TestWorkspace, client: string, name: string, role: MutationArgs['upsertContact']['role'], phone: string) {
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const id = uuidv7();
    expect(
      await coordinator.apply('upsertContact', {
        id,
        clientId: client,
        name,
        phones: [{ raw: phone, label: 'work' as const }],
        emails: [],
        role,
        approvalLimitCents: null,
      }),
    ).toMatchObject({
      status: 'applied',
    });
    return id;
  }

  async function setup(): Promise<Setup> {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const client = ws.clients['four-tier'];
    const ticket = newTicketArgs(client, { priority: 'high' });
    expect(await tech.apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    const billing = await contact(ws, client, 'Rachel Adams', 'billing_contact', '+1 913 555 0100');
    const macOnly = await contact(ws, client, 'Tom Reyes', 'mac_only_requestor', '+1 913 555 0199');
    return { ws, tech, ticket: ticket.id, client, billing, macOnly };
  }

  const request = (
    s: Pick<Setup, 'ticket' | 'client'>,
    over: Partial<MutationArgs['requestApproval']> = {},
  ): MutationArgs['requestApproval'] => ({
    id: uuidv7(),
    ticketId: s.ticket,
    clientId: s.client,
    requesterContactId: null,
    callerName: 'Unknown caller',
    callerPhone: '+1 913 555 0142',
    kind: 'billable_work',
    work: 'bulk_mac',
    cause: 'none',
    onsite: false,
    afterHours: false,
    description: 'Add 20 users to the file share.',
    estimateMinutes: 180,
    estimateCents: 45_000,
    triggers: ['bulk_mac'],
    status: 'awaiting_confirmation',
    ...over,
  });

  const approval = (id: string, contactId: string, over: Partial<MutationArgs['recordApproval']> = {}): MutationArgs['recordApproval'] => ({
    id,
    contactId,
    via: 'phone',
    approvedMinutes: 180,
    approvedCents: 45_000,
    ...over,
  });

  const billable = (ticketId: string, over: Partial<MutationArgs['logTime']> = {}): MutationArgs['logTime'] => ({
    id: uuidv7(),
    ticketId,
    startedAt: tue('09:00'),
    endedAt: tue('11:00'),
    workType: 'billable',
    cause: 'none',
    note: 'Added the users.',
    ...over,
  });

  async function stored(tenantId: string) {
    const { db } = server().database;
    const row = await db
      .selectFrom('approval_requests')
      .select(['status', 'approved_by', 'approved_minutes', 'confirmed_by'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const changes = await db
      .selectFrom('changes')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('entity', '=', 'approval_request')
      .execute();
    return { rows: row, changes: changes.length };
  }

  it("holds a MAC-only requestor's bulk change for approval; the Billing Contact approves by phone, taken by the technician", async () => {
    const s = await setup();
    const args = request(s, { requesterContactId: s.macOnly, callerName: null, callerPhone: null, status: 'awaiting_approval' });
    expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    expect(await s.tech.apply('recordApproval', approval(args.id, s.billing, { approvedMinutes: 120 }))).toMatchObject({
      status: 'applied',
    });
    const { body } = await s.tech.pull(0, 1000);
    const pulled = body.changes.filter((c) => c.entity === 'approval_request');
    expect(pulled.at(-1)?.data).toMatchObject({
      id: args.id,
      requesterContactId: s.macOnly,
      triggers: ['bulk_mac'],
      status: 'approved',
      approvedBy: s.billing,
      approvedVia: 'phone',
      approvedMinutes: 120,
      approvedCents: 45_000,
      approvalTakenBy: s.ws.users.technician.id,
      createdBy: s.ws.users.technician.id,
    });
  });

  it('computes the triggers and the status itself, whatever the desk predicted', async () => {
    const s = await setup();
    // An unknown caller is held for confirmation, though the desk said otherwise; an onsite visit is a trigger too.
    const args = request(s, { onsite: true, triggers: [], status: 'awaiting_approval' });
    expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    const { body } = await s.tech.pull(0, 1000);
    expect(body.changes.find((c) => c.entity === 'approval_request')?.data).toMatchObject({
      status: 'awaiting_confirmation',
      triggers: ['bulk_mac', 'onsite'],
      callerName: 'Unknown caller',
    });
  });

  it('refuses a request with nothing billable in it, and writes nothing', async () => {
    const s = await setup();
    const result = await s.tech.apply('requestApproval', request(s, { work: 'change', estimateMinutes: 60 }));
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'invalid_approval',
      message: expect.stringMatching(/Nothing in this request needs approval/),
    });
    expect(await stored(s.ws.tenantId)).toEqual({ rows: [], changes: 0 });
  });

  it('refuses an approval by a MAC-only contact, and writes nothing', async () => {
    const s = await setup();
    const args = request(s, { requesterContactId: s.macOnly, callerName: null, callerPhone: null });
    expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    const before = await stored(s.ws.tenantId);
    expect(await s.tech.apply('recordApproval', approval(args.id, s.macOnly))).toMatchObject({
      status: 'rejected',
      code: 'invalid_approval',
      message: expect.stringMatching(/A MAC-only requestor may not approve charges: ask the client's Billing Contact or Backup Approver/),
    });
    expect(await stored(s.ws.tenantId)).toEqual(before);
  });

  it.each([
    ['hours', { approvedMinutes: 181 }, /3 h 1 min approved, 3 h requested/],
    ['money', { approvedCents: 45_001 }, /\$450\.01 approved, \$450\.00 requested/],
  ])('refuses an approval of more %s than requested, and writes nothing', async (_label, over, message) => {
    const s = await setup();
    const args = request(s, { requesterContactId: s.macOnly, callerName: null, callerPhone: null });
    expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    const before = await stored(s.ws.tenantId);
    expect(await s.tech.apply('recordApproval', approval(args.id, s.billing, over))).toMatchObject({
      status: 'rejected',
      code: 'invalid_approval',
      message: expect.stringMatching(message),
    });
    expect(await stored(s.ws.tenantId)).toEqual(before);
  });

  it('refuses intake recording an approval (an intake person cannot approve), but lets intake request one', async () => {
    const s = await setup();
    const intake = new Desk(server().app, s.ws.users.intake.token);
    const args = request(s, { requesterContactId: s.macOnly, callerName: null, callerPhone: null });
    expect(await intake.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    const before = await stored(s.ws.tenantId);
    expect(await intake.apply('recordApproval', approval(args.id, s.billing))).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: expect.stringMatching(/Your role \(intake\) may not record a client's confirmation, approval or decline/),
    });
    expect(await intake.apply('confirmRequest', { id: args.id, contactId: s.billing, via: 'phone' })).toMatchObject({ code: 'forbidden' });
    expect(await stored(s.ws.tenantId)).toEqual(before);
  });

  it("refuses another workspace's ticket, request and contact as ones that do not exist, and another client's contact", async () => {
    const mine = await setup();
    const theirs = await setup();
    const theirRequest = request(theirs, { requesterContactId: theirs.macOnly, callerName: null, callerPhone: null });
    expect(await theirs.tech.apply('requestApproval', theirRequest)).toMatchObject({ status: 'applied' });
    const before = await stored(theirs.ws.tenantId);

    expect(await mine.tech.apply('requestApproval', request({ ticket: theirs.ticket, client: mine.client }))).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/does not exist in this workspace/),
    });
    expect(await mine.tech.apply('recordApproval', approval(theirRequest.id, mine.billing))).toMatchObject({ code: 'not_found' });
    const onMine = request(mine, { requesterContactId: theirs.macOnly, callerName: null, callerPhone: null });
    expect(await mine.tech.apply('requestApproval', onMine)).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/Contact .* does not exist in this workspace/),
    });
    const held = request(mine, { requesterContactId: mine.macOnly, callerName: null, callerPhone: null });
    expect(await mine.tech.apply('requestApproval', held)).toMatchObject({ status: 'applied' });
    expect(await mine.tech.apply('recordApproval', approval(held.id, theirs.billing))).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/Contact .* does not exist in this workspace/),
    });
    // Same workspace, another client: its Billing Contact approves nothing here.
    const otherClient = await contact(mine.ws, mine.ws.clients['five-priority'], 'Lee Other', 'billing_contact', '+1 206 555 0100');
    expect(await mine.tech.apply('recordApproval', approval(held.id, otherClient))).toMatchObject({
      code: 'invalid_approval',
      message: expect.stringMatching(/not a contact of this ticket's client/),
    });
    expect(await stored(theirs.ws.tenantId)).toEqual(before);
    expect((await stored(mine.ws.tenantId)).rows.map((r) => r.status)).toEqual(['awaiting_approval']);
  });

  it('confirms an unknown caller’s request by an authorized contact, then it can be approved', async () => {
    const s = await setup();
    const args = request(s);
    expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    expect(await s.tech.apply('recordApproval', approval(args.id, s.billing))).toMatchObject({
      code: 'invalid_approval',
      message: expect.stringMatching(/awaiting confirmation.*Record the confirmation first/),
    });
    expect(await s.tech.apply('confirmRequest', { id: args.id, contactId: s.macOnly, via: 'email' })).toMatchObject({ status: 'applied' });
    expect(await s.tech.apply('recordApproval', approval(args.id, s.billing))).toMatchObject({ status: 'applied' });
    expect(await s.tech.apply('recordApproval', approval(args.id, s.billing))).toMatchObject({
      code: 'invalid_approval',
      message: expect.stringMatching(/one approval per request/),
    });
    expect((await stored(s.ws.tenantId)).rows).toEqual([
      { status: 'approved', approved_by: s.billing, approved_minutes: 180, confirmed_by: s.macOnly },
    ]);
  });

  it('refuses billable time against a held request naming the approvers and how to reach them; logs it once approved', async () => {
    const s = await setup();
    const args = request(s, { requesterContactId: s.macOnly, callerName: null, callerPhone: null });
    expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    const refused = await s.tech.apply('logTime', billable(s.ticket));
    expect(refused).toMatchObject({
      status: 'rejected',
      code: 'approval_required',
      message: expect.stringMatching(/awaiting approval\. Call Rachel Adams \(Billing Contact, \(913\) 555-0100\)\. Nothing was logged/),
    });
    expect(refused.status === 'rejected' ? refused.message : '').not.toContain('Tom Reyes');

    expect(await s.tech.apply('recordApproval', approval(args.id, s.billing, { approvedMinutes: 150 }))).toMatchObject({
      status: 'applied',
    });
    const first = billable(s.ticket);
    expect(await s.tech.apply('logTime', first)).toMatchObject({ status: 'applied' });
    // 2 h logged of 2 h 30 min approved: 45 more minutes are refused, saying what is left.
    expect(await s.tech.apply('logTime', billable(s.ticket, { startedAt: tue('13:00'), endedAt: tue('13:45') }))).toMatchObject({
      code: 'approval_required',
      message: expect.stringMatching(/30 min of its 2 h 30 min approved is left; this entry is 45 min/),
    });
    const { body } = await s.tech.pull(0, 1000);
    expect(body.changes.find((c) => c.entity === 'time_entry' && c.id === first.id)?.data).toMatchObject({ approvalRequestId: args.id });
  });

  it('takes a request, its approval and the time in one push, in order', async () => {
    const s = await setup();
    const args = request(s, { requesterContactId: s.macOnly, callerName: null, callerPhone: null });
    const entry = billable(s.ticket, { approvalRequestId: args.id });
    const { body } = await s.tech.push([
      s.tech.mutation('requestApproval', args),
      s.tech.mutation('recordApproval', approval(args.id, s.billing)),
      s.tech.mutation('logTime', entry),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it('declines a held request with a reason; it cannot be approved afterwards', async () => {
    const s = await setup();
    const args = request(s, { requesterContactId: s.macOnly, callerName: null, callerPhone: null });
    expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
    expect(await s.tech.apply('declineApproval', { id: args.id, reason: 'Rachel says it waits for next quarter.' })).toMatchObject({
      status: 'applied',
    });
    expect(await s.tech.apply('recordApproval', approval(args.id, s.billing))).toMatchObject({
      code: 'invalid_approval',
      message: expect.stringMatching(/is declined/),
    });
  });
  describe("an unknown caller's included work, held for confirmation only", () => {
    const included = (s: Pick<Setup, 'ticket' | 'client'>, over: Partial<MutationArgs['requestApproval']> = {}) =>
      request(s, { kind: 'issue', work: 'break_fix', estimateMinutes: null, estimateCents: null, triggers: [], ...over });

    it('is accepted held awaiting confirmation with nothing billable', async () => {
      const s = await setup();
      const intake = new Desk(server().app, s.ws.users.intake.token);
      const args = included(s);
      expect(await intake.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
      const { body } = await intake.pull(0, 1000);
      expect(body.changes.find((c) => c.entity === 'approval_request')?.data).toMatchObject({
        id: args.id,
        status: 'awaiting_confirmation',
        triggers: [],
        estimateMinutes: null,
        estimateCents: null,
        callerName: 'Unknown caller',
      });
    });

    it.each<[string, (s: Setup) => Partial<MutationArgs['requestApproval']>, RegExp]>([
      [
        'from a listed contact (their included work needs no request)',
        (s) => ({ requesterContactId: s.macOnly, callerName: null, callerPhone: null, estimateMinutes: 60 }),
        /Nothing in this request needs approval: .* Go ahead without one\. Nothing was recorded\./,
      ],
      ['with an estimate (there is nothing to approve)', () => ({ estimateMinutes: 60 }), /leave the hours and the amount empty/],
      ['with no estimate when the server finds it billable', () => ({ onsite: true }), /Billable work is approved against an estimate/],
    ])('is refused %s, and writes nothing', async (_label, over, message) => {
      const s = await setup();
      expect(await s.tech.apply('requestApproval', included(s, over(s)))).toMatchObject({
        status: 'rejected',
        code: 'invalid_approval',
        message: expect.stringMatching(message),
      });
      expect(await stored(s.ws.tenantId)).toEqual({ rows: [], changes: 0 });
    });

    it('an authorized contact’s confirmation settles it, with nothing approved; billable time is still refused against it', async () => {
      const s = await setup();
      const args = included(s);
      expect(await s.tech.apply('requestApproval', args)).toMatchObject({ status: 'applied' });
      expect(await s.tech.apply('logTime', billable(s.ticket))).toMatchObject({ code: 'approval_required' });
      expect(await s.tech.apply('confirmRequest', { id: args.id, contactId: s.billing, via: 'phone' })).toMatchObject({
        status: 'applied',
      });
      expect((await stored(s.ws.tenantId)).rows).toEqual([
        { status: 'approved', approved_by: null, approved_minutes: null, confirmed_by: s.billing },
      ]);
      // Nothing left to approve or decline.
      expect(await s.tech.apply('recordApproval', approval(args.id, s.billing))).toMatchObject({
        code: 'invalid_approval',
        message: expect.stringMatching(/one approval per request/),
      });
      expect(await s.tech.apply('logTime', billable(s.ticket))).toMatchObject({
        status: 'rejected',
        code: 'approval_required',
        message: expect.stringMatching(/Request approval on the ticket/),
      });
      expect(await s.tech.apply('logTime', billable(s.ticket, { approvalRequestId: args.id }))).toMatchObject({
        status: 'rejected',
        code: 'approval_required',
        message: expect.stringMatching(/confirmation only, with nothing billable approved/),
      });
    });
  });
});
