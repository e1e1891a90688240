// A workspace ready for onsite visits: a client with a local and a regional
// site, a contract, a maintenance window, a Billing Contact and a ticket, and
// desks for the scheduler, a lead and two technicians. Helpers take a visit
// through its steps the way the desk's repository queues them.
import { expect } from 'vitest';
import type { MutationArgs, PushResult } from '../../src/protocol';
import { createTestWorkspace, type TestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

export const BASE_FEE_CENTS = 15_000;
export const RATE_CENTS = 12_500;
export const REGIONAL_SURCHARGE_CENTS = 7_500;
const QUARTER_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;

export type VisitWorld = Awaited<ReturnType<typeof visitWorld>>;

export async function visitWorld(server: TestServer, given?: TestWorkspace) {
  const ws = given ?? (await createTestWorkspace(server));
  const now = () => server.clock.now().toISOString();
  const desk = (role: keyof TestWorkspace['users']) => new Desk(server.app, ws.users[role].token);
  const lead = desk('supervisor');
  const scheduler = desk('scheduler');
  const tech = desk('technician');
  const engineer = desk('engineer');
  const clientId = ws.clients['four-tier'];
  const siteId = uuidv7();
  const farSiteId = uuidv7();
  const client: MutationArgs['upsertClient'] = {
    id: clientId,
    name: 'Harbor Dental Group',
    timeZone: 'America/Chicago',
    prioritySchemeId: 'four-tier',
    sites: [
      {
        id: siteId,
        name: 'Main office',
        address: '100 Harbor Way',
        timeZone: 'America/Chicago',
        travelZone: 'local',
        location: { latitude: 41.88, longitude: -87.63 },
      },
      {
        id: farSiteId,
        name: 'Warehouse',
        address: '9 Depot Lane',
        timeZone: 'America/Chicago',
        travelZone: 'regional',
        location: { latitude: 42.3, longitude: -87.9 },
      },
    ],
    customPolicy: null,
    contract: {
      hourlyRateCents: RATE_CENTS,
      onsiteBaseFeeCents: BASE_FEE_CENTS,
      afterHoursBillable: 'unless_critical',
      afterHoursRateCents: null,
    },
    maintenanceWindow: { weekdays: ['sat'], from: '22:00', to: '24:00' },
    onboarding: { afterHoursContactIds: [], authorizationPreferences: '', notes: '' },
  };
  expect(await lead.apply('upsertClient', client, now())).toMatchObject({ status: 'applied' });
  const contactId = uuidv7();
  expect(
    await lead.apply(
      'upsertContact',
      {
        id: contactId,
        clientId,
        name: 'Rachel Adams',
        phones: [{ raw: '913-555-0142', label: 'work' }],
        emails: [],
        role: 'billing_contact',
        approvalLimitCents: null,
      },
      now(),
    ),
  ).toMatchObject({ status: 'applied' });
  const ticket = newTicketArgs(clientId);
  expect(await tech.apply('createTicket', ticket, now())).toMatchObject({ status: 'applied' });

  function approvalArgs(approvalId: string, estimateHours: number, ticketId = ticket.id): MutationArgs['requestApproval'] {
    return {
      id: approvalId,
      ticketId,
      clientId,
      requesterContactId: contactId,
      callerName: null,
      callerPhone: null,
      kind: 'billable_work',
      work: 'break_fix',
      cause: 'none',
      onsite: true,
      afterHours: false,
      description: 'Onsite visit to Main office: replace the printer.',
      estimateMinutes: estimateHours * 60,
      estimateCents: BASE_FEE_CENTS + (estimateHours - 1) * RATE_CENTS,
      triggers: ['onsite'],
      status: 'awaiting_approval',
    };
  }

  function visitArgs(over: Partial<MutationArgs['requestVisit']> = {}): MutationArgs['requestVisit'] {
    return {
      id: uuidv7(),
      ticketId: ticket.id,
      clientId,
      siteId,
      contactId,
      scope: 'Replace the front-desk printer.',
      needsDowntime: false,
      contractBaseFeeCents: BASE_FEE_CENTS,
      travelZone: 'local',
      zoneSurchargeCents: 0,
      scopeSurchargeCents: 0,
      surchargeReason: '',
      hourlyRateCents: RATE_CENTS,
      estimateHours: 2,
      approvalRequestId: uuidv7(),
      ...over,
    };
  }

  /** Queues the approval request and the visit in one push, as the desk's repository does; returns both results. */
  async function request(
    over: Partial<MutationArgs['requestVisit']> = {},
    by = scheduler,
  ): Promise<{ args: MutationArgs['requestVisit']; results: PushResult[] }> {
    const args = visitArgs(over);
    const { body } = await by.push([
      by.mutation('requestApproval', approvalArgs(args.approvalRequestId, args.estimateHours, args.ticketId), now()),
      by.mutation('requestVisit', args, now()),
    ]);
    return { args, results: body.results };
  }

  async function approve(approvalRequestId: string, minutes = 120) {
    return lead.apply(
      'recordApproval',
      { id: approvalRequestId, contactId, via: 'phone', approvedMinutes: minutes, approvedCents: null },
      now(),
    );
  }

  const payment = (amountCents: number, authorizationId: string | null = null): MutationArgs['recordVisitPayment'] => ({
    id: '',
    paymentId: uuidv7(),
    authorizationId,
    amountCents,
    method: 'portal',
    reference: 'PORTAL-1001',
  });

  /** A visit quoted, approved and prepaid (2 hours: base + 5 × $25), ready to book. */
  async function prepaid(over: Partial<MutationArgs['requestVisit']> = {}) {
    const { args, results } = await request(over);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await approve(args.approvalRequestId)).toMatchObject({ status: 'applied' });
    const q = quoteOf(args);
    expect(await scheduler.apply('recordVisitPayment', { ...payment(q), id: args.id }, now())).toMatchObject({ status: 'applied' });
    return args;
  }

  /** A quarter-hour start `hours` from the server's now (rounded up), so it is bookable. */
  const slotIn = (hours: number) =>
    new Date(Math.ceil((server.clock.now().getTime() + hours * HOUR_MS) / QUARTER_MS) * QUARTER_MS).toISOString();

  async function booked(technicianId = ws.users.technician.id, startsAt = slotIn(2)) {
    const args = await prepaid();
    expect(await scheduler.apply('scheduleVisit', { id: args.id, slot: { technicianId, startsAt } }, now())).toMatchObject({
      status: 'applied',
    });
    return { args, startsAt };
  }

  async function visitRow(id: string) {
    return server.database.db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function counts() {
    const { db } = server.database;
    const visits = await db.selectFrom('visits').select('id').where('tenant_id', '=', ws.tenantId).execute();
    const tenant = await db.selectFrom('tenants').select('change_seq').where('id', '=', ws.tenantId).executeTakeFirstOrThrow();
    return { visits: visits.length, changeSeq: tenant.change_seq };
  }

  return {
    ws,
    now,
    lead,
    scheduler,
    tech,
    engineer,
    clientId,
    siteId,
    farSiteId,
    contactId,
    ticketId: ticket.id,
    approvalArgs,
    visitArgs,
    request,
    approve,
    payment,
    prepaid,
    slotIn,
    booked,
    visitRow,
    counts,
  };
}

/** The prepayment the rules ask of a quote at the fixture's contract: base + whole $25 increments reaching the estimate. */
export function quoteOf(
  args: Pick<
    MutationArgs['requestVisit'],
    'contractBaseFeeCents' | 'zoneSurchargeCents' | 'scopeSurchargeCents' | 'estimateHours' | 'hourlyRateCents'
  >,
): number {
  const base = args.contractBaseFeeCents + args.zoneSurchargeCents + args.scopeSurchargeCents;
  const additional = (args.estimateHours - 1) * args.hourlyRateCents;
  return base + Math.ceil(additional / 2_500) * 2_500;
}
