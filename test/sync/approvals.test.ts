// Approvals on the desk against the real server (PGlite, in-process): a
// request, its approval and the billable time logged against it, all made
// offline, reach the server in order once the network is back; billable time
// against a held request is refused on the desk before anything is queued.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalRequestDraft } from '../../src/data/approval-repository';
import { approvalRequestRecord, timeEntryRecord } from '../../src/server/changes/records';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { Desk, uuidv7 } from '../server/desk';
import { SimDesk, ticketDraft } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

// Tuesday 4 March 2025, CST: inside the four-tier client's business hours.
const tue = (hhmm: string) => new Date(`2025-03-04T${hhmm}:00-06:00`).toISOString();

async function contact(ws: TestWorkspace, name: string, role: 'billing_contact' | 'mac_only_requestor', phone: string) {
  const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
  const id = uuidv7();
  const args = {
    id,
    clientId: ws.clients['four-tier'],
    name,
    phones: [{ raw: phone, label: 'work' as const }],
    emails: [],
    role,
    approvalLimitCents: null,
  };
  expect(await coordinator.apply('upsertContact', args)).toMatchObject({ status: 'applied' });
  return id;
}

async function setup() {
  const ws = await createTestWorkspace(server());
  const billing = await contact(ws, 'Rachel Adams', 'billing_contact', '+1 913 555 0100');
  const macOnly = await contact(ws, 'Tom Reyes', 'mac_only_requestor', '+1 913 555 0199');
  const d = new SimDesk(server().app, ws.users.technician.token, () => 0.5);
  desks.push(d);
  await d.tab.engine.syncNow();
  const created = await d.tab.repos.tickets.create(ticketDraft(ws), d.now());
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  await d.tab.engine.syncNow();
  const request: ApprovalRequestDraft = {
    ticketId: created.ticket.id,
    requesterContactId: macOnly,
    callerName: null,
    callerPhone: null,
    kind: 'billable_work',
    work: 'bulk_mac',
    expectedMinutes: 180,
    cause: 'none',
    onsite: false,
    afterHours: false,
    description: 'Add 20 users.',
    estimateMinutes: 180,
    estimateCents: null,
  };
  const billable = {
    ticketId: created.ticket.id,
    startedAt: tue('09:00'),
    endedAt: tue('11:00'),
    workType: 'billable' as const,
    cause: 'none' as const,
    note: 'Added the users.',
  };
  return { ws, d, billing, macOnly, ticketId: created.ticket.id, request, billable };
}

describe('approvals on the desk', () => {
  it('queues a request, its approval and the billable time offline; they sync in order and the server agrees', async () => {
    const { ws, d, billing, ticketId, request, billable } = await setup();
    d.link.fault = 'offline';
    const made = await d.tab.repos.approvals.request(request, d.now());
    expect(made.status).toBe('awaiting_approval');
    const refused = await d.tab.repos.time.log(billable, d.now());
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/awaiting approval\. Call Rachel Adams \(Billing Contact, \(913\) 555-0100\)/),
    });
    await d.tab.repos.approvals.approve(made.id, billing, 'phone', { minutes: 180, cents: null }, d.now());
    const logged = await d.tab.repos.time.log(billable, d.now());
    if (!logged.ok) throw new Error(logged.message);
    expect(logged.entry.approvalRequestId).toBe(made.id);
    await d.tab.engine.syncNow();
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'offline', pending: 3 });

    d.link.heal();
    await d.tab.engine.syncNow();
    await d.tab.engine.syncNow();
    expect(await d.tab.repos.sync.pendingCount()).toBe(0);
    const { db } = server().database;
    const requests = (await db.selectFrom('approval_requests').selectAll().where('tenant_id', '=', ws.tenantId).execute()).map(
      approvalRequestRecord,
    );
    expect(requests).toMatchObject([{ id: made.id, status: 'approved', approvedBy: billing, approvedMinutes: 180, approvedVia: 'phone' }]);
    const entries = (await db.selectFrom('time_entries').selectAll().where('tenant_id', '=', ws.tenantId).execute()).map(timeEntryRecord);
    expect(entries).toMatchObject([{ id: logged.entry.id, approvalRequestId: made.id }]);
    expect(await d.tab.repos.time.forTicket(ticketId)).toEqual(entries);
  });

  it('refuses an approval by the MAC-only requestor on the desk, queuing nothing', async () => {
    const { d, macOnly, request } = await setup();
    const made = await d.tab.repos.approvals.request(request, d.now());
    const pending = await d.tab.repos.sync.pendingCount();
    await expect(d.tab.repos.approvals.approve(made.id, macOnly, 'phone', { minutes: 60, cents: null }, d.now())).rejects.toThrow(
      /A MAC-only requestor may not approve charges/,
    );
    expect(await d.tab.repos.sync.pendingCount()).toBe(pending);
  });

  it("refuses intake recording the client's answer on the desk, as the server would, queuing nothing", async () => {
    const { ws, d, billing, request } = await setup();
    const made = await d.tab.repos.approvals.request(request, d.now());
    await d.tab.engine.syncNow();
    const intake = new SimDesk(server().app, ws.users.intake.token, () => 0.5);
    desks.push(intake);
    await intake.tab.engine.syncNow();
    const pending = await intake.tab.repos.sync.pendingCount();
    await expect(intake.tab.repos.approvals.approve(made.id, billing, 'phone', { minutes: 60, cents: null }, intake.now())).rejects.toThrow(
      /Your role \(intake\) may not record a client's confirmation, approval or decline/,
    );
    await expect(intake.tab.repos.approvals.decline(made.id, 'Too dear.', intake.now())).rejects.toThrow(/Your role \(intake\)/);
    expect(await intake.tab.repos.sync.pendingCount()).toBe(pending);
  });
  it("holds an unknown caller's included work for confirmation on the desk; the confirmation settles it and billable time is still refused", async () => {
    const { ws, d, billing, macOnly, request, billable } = await setup();
    const included: ApprovalRequestDraft = {
      ...request,
      requesterContactId: null,
      callerName: 'Jordan Lee',
      callerPhone: '913-555-0142',
      kind: 'issue',
      work: 'break_fix',
      expectedMinutes: null,
      estimateMinutes: null,
    };
    const pending = await d.tab.repos.sync.pendingCount();
    await expect(d.tab.repos.approvals.request({ ...included, requesterContactId: macOnly }, d.now())).rejects.toThrow(
      /Nothing in this request needs approval/,
    );
    expect(await d.tab.repos.sync.pendingCount()).toBe(pending);
    d.link.fault = 'offline';
    const made = await d.tab.repos.approvals.request(included, d.now());
    expect(made).toMatchObject({ status: 'awaiting_confirmation', triggers: [] });
    await d.tab.repos.approvals.confirm(made.id, billing, 'phone', d.now());
    const onDesk = await new Promise((resolve) => {
      const sub = d.tab.repos.approvals.liveForTicket(request.ticketId).subscribe({ next: (rows) => (resolve(rows), sub?.unsubscribe()) });
    });
    expect(onDesk).toMatchObject([{ id: made.id, status: 'approved', approvedMinutes: null, confirmedBy: billing }]);
    expect(await d.tab.repos.time.log(billable, d.now())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Request approval on the ticket/),
    });
    d.link.heal();
    await d.tab.engine.syncNow();
    await d.tab.engine.syncNow();
    expect(await d.tab.repos.sync.pendingCount()).toBe(0);
    const { db } = server().database;
    const stored = await db.selectFrom('approval_requests').selectAll().where('tenant_id', '=', ws.tenantId).execute();
    expect(stored.map(approvalRequestRecord)).toMatchObject([{ id: made.id, status: 'approved', approvedBy: null, confirmedBy: billing }]);
  });
});
