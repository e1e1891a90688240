// The demo workspace's onsite visits (docs/domain/onsite-visits.md, "Demo
// data"): one or more in every stage, some booked today and over the next days
// for the demo technicians, each held by a real approval request, with the
// money worked out by the same rules the desk and the handlers use.
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { v7 as uuidv7 } from 'uuid';
import type { ApprovalStatus } from '../../domain/approval-requests';
import type { Client } from '../../domain/client';
import { billedHours, extraTimeCents, quote } from '../../domain/onsite-pricing';
import { TRAVEL_ZONE_RULES } from '../../domain/travel';
import type { VisitAuthorization, VisitPayment, VisitStatus } from '../../domain/visits';
import type { ChangeWrite } from '../changes/changes';
import { approvalRequestRecord, visitRecord } from '../changes/records';
import type { ApprovalRequestRow, Database, VisitRow } from '../db/schema';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

interface DemoVisit {
  client: string;
  scope: string;
  estimateHours: number;
  approval: ApprovalStatus;
  prepaid?: boolean;
  /** Booked: the technician, and the start (a day offset and local hour in the site's zone, or hours before now for work under way). */
  technician?: string;
  day?: number;
  hour?: number;
  startedHoursAgo?: number;
  status?: VisitStatus;
  /** Onsite: checked in this long before now; completed: minutes between check-in and check-out. */
  onsiteMinutes?: number;
  /** More time asked for onsite: its hours and whether the client approved and paid it. */
  extra?: { hours: number; approved: boolean; paid: boolean };
  needsDowntime?: boolean;
  site?: number;
  cancelReason?: string;
  notes?: string;
}

/** What is seeded, by stage; docs/domain/onsite-visits.md "Demo data" lists the same. */
export const DEMO_VISITS: readonly DemoVisit[] = [
  {
    client: 'Prairie Grain Cooperative',
    scope: 'Replace the failing core switch in the grain office.',
    estimateHours: 2,
    approval: 'awaiting_approval',
  },
  { client: 'Hudson Valley Credit Union', scope: 'Re-cable the teller stations.', estimateHours: 1, approval: 'declined' },
  { client: 'Beacon Street Architects', scope: 'Install the new plotter and its print server.', estimateHours: 3, approval: 'approved' },
  {
    client: 'Lakeside Family Law',
    scope: 'Set up three new workstations for the new associates.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
  },
  {
    client: 'Northgate Veterinary Clinic',
    scope: 'Check the exam-room tablets’ Wi-Fi coverage.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
  },
  {
    client: 'Pacific Crest Logistics',
    scope: 'Firmware upgrade of the warehouse firewall (takes the network down).',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    needsDowntime: true,
  },
  {
    client: 'Harbor Dental Group',
    scope: 'Replace the front-desk printer and map it on every workstation.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 0,
    hour: 9,
  },
  {
    client: 'Lakeside Family Law',
    scope: 'Move the conference-room display to the new wall mount.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 0,
    hour: 13,
  },
  {
    client: 'Prairie Grain Cooperative',
    scope: 'Survey the scale house for a second access point.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 1,
    hour: 10,
  },
  {
    client: 'Harbor Dental Group',
    scope: 'Install the X-ray workstation at the branch office.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 2,
    hour: 14,
    site: 1,
  },
  {
    client: 'Hudson Valley Credit Union',
    scope: 'Swap the branch VPN appliance.',
    estimateHours: 3,
    approval: 'approved',
    prepaid: true,
    technician: 'Grace Liu',
    day: 0,
    hour: 10,
  },
  {
    client: 'Lakeside Family Law',
    scope: 'Replace the reception PC’s failed disk.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Tom Becker',
    startedHoursAgo: 1,
    status: 'onsite',
    onsiteMinutes: 55,
    notes: 'Disk swapped; restoring the image.',
  },
  {
    client: 'Beacon Street Architects',
    scope: 'Rack and cable the new file server.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Dan Kowalski',
    startedHoursAgo: 3,
    status: 'onsite',
    onsiteMinutes: 170,
    extra: { hours: 1, approved: false, paid: false },
  },
  {
    client: 'Harbor Dental Group',
    scope: 'Replace the failed UPS in the server closet.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: -1,
    hour: 9,
    status: 'completed',
    onsiteMinutes: 95,
    notes: 'UPS replaced and battery test passed.',
  },
  {
    client: 'Lakeside Family Law',
    scope: 'Rewire the copy room network drop.',
    estimateHours: 3,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: -2,
    hour: 9,
    status: 'completed',
    onsiteMinutes: 50,
    notes: 'Only the patch cable was bad; replaced it.',
  },
  {
    client: 'Hudson Valley Credit Union',
    scope: 'Install the new check scanners at two teller stations.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    technician: 'Tom Becker',
    day: -1,
    hour: 13,
    status: 'completed',
    onsiteMinutes: 130,
    extra: { hours: 1, approved: true, paid: true },
    notes: 'Second scanner needed a driver update from the vendor.',
  },
  {
    client: 'Northgate Veterinary Clinic',
    scope: 'Mount the lobby check-in kiosk.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    status: 'cancelled',
    cancelReason: 'The clinic mounted the kiosk themselves.',
  },
];

const quarterFloor = (ms: number) => Math.floor(ms / (15 * MINUTE_MS)) * 15 * MINUTE_MS;

export async function seedDemoVisits(
  trx: Kysely<Database>,
  tenantId: string,
  data: { clients: Client[]; staff: { id: string; name: string; role: string }[]; tickets: { id: string; clientId: string }[] },
  now: Date,
): Promise<ChangeWrite[]> {
  const scheduler = data.staff.find((s) => s.role === 'scheduler') ?? data.staff[0]!;
  const contacts = await trx
    .selectFrom('contacts')
    .select(['id', 'client_id'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'billing_contact')
    .execute();
  const used = new Map<string, number>();
  const approvals: ApprovalRequestRow[] = [];
  const visits: VisitRow[] = [];
  for (const spec of DEMO_VISITS) {
    const client = data.clients.find((c) => c.name === spec.client);
    const contact = contacts.find((k) => k.client_id === client?.id);
    const ofClient = data.tickets.filter((t) => t.clientId === client?.id);
    if (!client || !contact || ofClient.length === 0) continue;
    const n = used.get(client.id) ?? 0;
    used.set(client.id, n + 1);
    const ticket = ofClient[n % ofClient.length]!;
    const site = client.sites[spec.site ?? 0] ?? client.sites[0]!;
    const zone = site.travelZone ?? 'local';
    const zoneSurcharge = TRAVEL_ZONE_RULES[zone].surchargeCents ?? 25_000;
    const q = quote({
      baseFeeCents: client.contract.onsiteBaseFeeCents + zoneSurcharge,
      hourlyRateCents: client.contract.hourlyRateCents,
      estimateHours: spec.estimateHours,
    });
    const technician = spec.technician ? data.staff.find((s) => s.name === spec.technician) : undefined;
    let startMs: number | null = null;
    if (technician && spec.startedHoursAgo !== undefined) startMs = quarterFloor(now.getTime() - spec.startedHoursAgo * HOUR_MS);
    else if (technician && spec.day !== undefined)
      startMs = DateTime.fromJSDate(now, { zone: site.timeZone })
        .startOf('day')
        .plus({ days: spec.day })
        .set({ hour: spec.hour ?? 9 })
        .toMillis();
    const createdMs = Math.min(now.getTime(), startMs ?? now.getTime()) - 2 * 24 * HOUR_MS;
    const approvedMs = createdMs + HOUR_MS;
    const approval = demoApproval(tenantId, { ticket, clientId: client.id, contactId: contact.id, scheduler: scheduler.id }, spec, q, {
      created: createdMs,
      decided: approvedMs,
      description: `Onsite visit to ${site.name}: ${spec.scope}`,
    });
    approvals.push(approval);
    const payments: VisitPayment[] = spec.prepaid ? [payment(null, q.prepaymentCents, scheduler.id, approvedMs + HOUR_MS)] : [];
    const status: VisitStatus = spec.status ?? (startMs === null ? 'requested' : 'scheduled');
    const checkedIn =
      status === 'onsite'
        ? now.getTime() - (spec.onsiteMinutes ?? 30) * MINUTE_MS
        : status === 'completed' && startMs !== null
          ? startMs + 5 * MINUTE_MS
          : null;
    const checkedOut = status === 'completed' && checkedIn !== null ? checkedIn + (spec.onsiteMinutes ?? 60) * MINUTE_MS : null;
    const authorizations: VisitAuthorization[] = [];
    if (spec.extra && checkedIn !== null) {
      const extraApproval = demoApproval(
        tenantId,
        { ticket, clientId: client.id, contactId: contact.id, scheduler: scheduler.id },
        { ...spec, approval: spec.extra.approved ? 'approved' : 'awaiting_approval', estimateHours: spec.extra.hours },
        { ...q, totalCents: extraTimeCents(spec.extra.hours, q.hourlyRateCents) },
        {
          created: checkedIn + 60 * MINUTE_MS,
          decided: checkedIn + 70 * MINUTE_MS,
          description: `More time onsite: ${spec.extra.hours} h at the agreed rate. The work needs longer than estimated.`,
        },
      );
      approvals.push(extraApproval);
      const authorization: VisitAuthorization = {
        id: uuidv7(),
        approvalRequestId: extraApproval.id,
        hours: spec.extra.hours,
        amountCents: extraTimeCents(spec.extra.hours, q.hourlyRateCents),
        reason: 'The work needs longer than estimated.',
        requestedBy: technician!.id,
        requestedAt: new Date(checkedIn + 60 * MINUTE_MS).toISOString(),
      };
      authorizations.push(authorization);
      if (spec.extra.paid) payments.push(payment(authorization.id, authorization.amountCents, scheduler.id, checkedIn + 75 * MINUTE_MS));
    }
    const minutes = checkedIn !== null && checkedOut !== null ? Math.floor((checkedOut - checkedIn) / MINUTE_MS) : null;
    const at = (ms: number | null) => (ms === null ? null : new Date(ms));
    visits.push({
      id: uuidv7(),
      tenant_id: tenantId,
      ticket_id: ticket.id,
      client_id: client.id,
      site_id: site.id,
      contact_id: contact.id,
      scope: spec.scope,
      needs_downtime: spec.needsDowntime ?? false,
      travel_zone: zone,
      contract_base_fee_cents: client.contract.onsiteBaseFeeCents,
      zone_surcharge_cents: zoneSurcharge,
      scope_surcharge_cents: 0,
      surcharge_reason: zone === 'remote' ? 'Remote site: quoted at the standard remote trip.' : '',
      base_fee_cents: q.baseFeeCents,
      hourly_rate_cents: q.hourlyRateCents,
      estimate_hours: q.estimateHours,
      approval_request_id: approval.id,
      status,
      technician_id: startMs === null ? null : technician!.id,
      starts_at: at(startMs),
      ends_at: startMs === null ? null : at(startMs + spec.estimateHours * HOUR_MS),
      scheduled_by: startMs === null ? null : scheduler.id,
      scheduled_at: startMs === null ? null : at(approvedMs + 2 * HOUR_MS),
      booking_refusal: null,
      checked_in_at: at(checkedIn),
      checked_in_by: checkedIn === null ? null : technician!.id,
      checked_out_at: at(checkedOut),
      checked_out_by: checkedOut === null ? null : technician!.id,
      onsite_minutes: minutes,
      billed_hours: minutes === null ? null : billedHours(minutes),
      payments,
      authorizations,
      work_notes: spec.notes ?? '',
      parts: status === 'completed' ? [{ description: 'Cat6 patch cable, 2 m', quantity: 2 }] : [],
      cancel_reason: spec.cancelReason ?? null,
      cancelled_at: spec.cancelReason ? at(approvedMs + 3 * HOUR_MS) : null,
      cancelled_by: spec.cancelReason ? scheduler.id : null,
      created_by: scheduler.id,
      created_at: new Date(createdMs),
      recorded_at: new Date(createdMs),
    });
  }
  if (visits.length === 0) return [];
  const approvalRows = await trx
    .insertInto('approval_requests')
    .values(approvals.map((a) => ({ ...a, triggers: JSON.stringify(a.triggers) })))
    .returningAll()
    .execute();
  const visitRows = await trx
    .insertInto('visits')
    .values(
      visits.map((v) => ({
        ...v,
        payments: JSON.stringify(v.payments),
        authorizations: JSON.stringify(v.authorizations),
        parts: JSON.stringify(v.parts),
        booking_refusal: null,
      })),
    )
    .returningAll()
    .execute();
  return [
    ...approvalRows.map((r): ChangeWrite => ({ entity: 'approval_request', id: r.id, op: 'upsert', data: approvalRequestRecord(r) })),
    ...visitRows.map((r): ChangeWrite => ({ entity: 'visit', id: r.id, op: 'upsert', data: visitRecord(r) })),
  ];
}

function payment(authorizationId: string | null, amountCents: number, by: string, ms: number): VisitPayment {
  return {
    id: uuidv7(),
    authorizationId,
    amountCents,
    method: 'portal',
    reference: `DEMO-${String(ms % 100_000).padStart(5, '0')}`,
    recordedBy: by,
    recordedAt: new Date(ms).toISOString(),
  };
}

function demoApproval(
  tenantId: string,
  who: { ticket: { id: string }; clientId: string; contactId: string; scheduler: string },
  spec: Pick<DemoVisit, 'approval' | 'estimateHours'>,
  q: { totalCents: number },
  at: { created: number; decided: number; description: string },
): ApprovalRequestRow {
  const approved = spec.approval === 'approved';
  const declined = spec.approval === 'declined';
  return {
    id: uuidv7(),
    tenant_id: tenantId,
    ticket_id: who.ticket.id,
    client_id: who.clientId,
    requester_contact_id: who.contactId,
    caller_name: null,
    caller_phone: null,
    kind: 'billable_work',
    work: 'break_fix',
    cause: 'none',
    onsite: true,
    after_hours: false,
    triggers: spec.estimateHours > 2 ? ['over_two_hours', 'onsite'] : ['onsite'],
    description: at.description,
    estimate_minutes: spec.estimateHours * 60,
    estimate_cents: q.totalCents,
    status: spec.approval,
    confirmed_by: null,
    confirmed_via: null,
    confirmed_at: null,
    confirmation_taken_by: null,
    approved_by: approved ? who.contactId : null,
    approved_via: approved ? 'phone' : null,
    approved_at: approved ? new Date(at.decided) : null,
    approved_minutes: approved ? spec.estimateHours * 60 : null,
    approved_cents: approved ? q.totalCents : null,
    approval_taken_by: approved ? who.scheduler : null,
    decline_reason: declined ? 'Not this month: the budget is spent.' : null,
    declined_at: declined ? new Date(at.decided) : null,
    decline_taken_by: declined ? who.scheduler : null,
    created_by: who.scheduler,
    created_at: new Date(at.created),
    recorded_at: new Date(at.created),
  };
}
