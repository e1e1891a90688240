// The demo workspace's onsite visits (docs/domain/onsite-visits.md, "Demo
// data"): one or more in every stage, some booked today and over the next days
// for the demo technicians, each held by a real approval request, with the
// money worked out by the same rules the desk and the handlers use.
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { v7 as uuidv7 } from 'uuid';
import type { Client } from '../../domain/client';
import { baseFeeCents, billedHours, extraTimeCents, quote } from '../../domain/onsite-pricing';
import { TRAVEL_ZONE_RULES } from '../../domain/travel';
import type { VisitAuthorization, VisitPayment, VisitStatus } from '../../domain/visits';
import { DEMO_VISITS, type DemoVisit } from './demo-visit-catalog';
import type { ChangeWrite } from '../changes/changes';
import { approvalRequestRecord, visitRecord } from '../changes/records';
import type { ApprovalRequestRow, Database, VisitRow } from '../db/schema';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

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
      baseFeeCents: baseFeeCents({
        contractBaseFeeCents: client.contract.onsiteBaseFeeCents,
        zoneSurchargeCents: zoneSurcharge,
        scopeSurchargeCents: 0,
      }),
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
