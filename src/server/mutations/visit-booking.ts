// Booking visits (docs/domain/onsite-visits.md, "Scheduling"), checked again
// on the server against every desk's bookings: the technician is bookable, the
// slot is a quarter hour within a year by the server's clock, downtime work
// falls in the client's maintenance window, and the technician is not booked
// elsewhere then. Two schedulers booking the same technician offline: the
// first to reach the server gets the slot; the second is refused with
// 'booking_conflict' naming the booking there first, and the refusal is kept on
// the refused visit (`bookingRefusal`) so every desk sees why.
import { sql } from 'kysely';
import { MAX_ESTIMATE_HOURS } from '../../domain/onsite-pricing';
import { bookingEnd, describeSlot, maintenanceWindowProblem, slotProblem } from '../../domain/visit-schedule';
import { conflictMessage, technicianProblem, visitStage, type BookingRefusal } from '../../domain/visits';
import type { ChangeWrite } from '../changes/changes';
import type { VisitRow } from '../db/schema';
import { findClient, MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';
import { canonicalId } from './unit-of-work';
import { approvalStatuses, lockVisit, refuse, requireStatus, saveVisit, visitFacts } from './visit-rows';

const HOUR_MS = 3_600_000;

/** The technician, locked until commit: two pushes booking the same person check their overlaps one after the other. */
async function lockTechnician(ctx: MutationContext, id: string) {
  return ctx.trx
    .selectFrom('users')
    .select(['id', 'name', 'role', 'active'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', canonicalId(id))
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The first live booking of `technicianId` overlapping [start, end), other than
 * the visit being moved. A booking lasts at most MAX_ESTIMATE_HOURS, so only
 * those starting within that much before `start` can reach into the slot: the
 * range is a scan of the visits_booking index (migration 0021).
 */
export async function firstOverlap(ctx: MutationContext, technicianId: string, start: Date, end: Date, exceptVisitId: string) {
  return ctx.trx
    .selectFrom('visits as v')
    .innerJoin('clients as c', 'c.id', 'v.client_id')
    .leftJoin('users as s', 's.id', 'v.scheduled_by')
    .select(['v.id', 'v.site_id', 'v.starts_at', 'v.ends_at', 'c.name as client_name', 'c.sites', 's.name as scheduler_name'])
    .where('v.tenant_id', '=', ctx.tenantId)
    .where('v.technician_id', '=', technicianId)
    .where(sql<boolean>`v.status in ('scheduled', 'onsite')`)
    .where('v.starts_at', '>', new Date(start.getTime() - MAX_ESTIMATE_HOURS * HOUR_MS))
    .where('v.starts_at', '<', end)
    .where('v.ends_at', '>', start)
    .where('v.id', '<>', exceptVisitId)
    .orderBy('v.starts_at')
    .limit(1)
    .executeTakeFirst();
}

function refusedBooking(row: VisitRow, message: string, refusal: BookingRefusal): MutationRejected {
  // The visit is locked by this transaction: the note is written under the same lock, in the refused mutation's place.
  return new MutationRejected('booking_conflict', message, (ctx) => saveVisit(ctx, row, { booking_refusal: JSON.stringify(refusal) }));
}

async function unbook(ctx: MutationContext, row: VisitRow): Promise<ChangeWrite[]> {
  requireStatus(row, ['scheduled'], 'take it off the board');
  return saveVisit(ctx, row, {
    status: 'requested',
    technician_id: null,
    starts_at: null,
    ends_at: null,
    scheduled_by: null,
    scheduled_at: null,
  });
}

export const scheduleVisit: MutationHandler<'scheduleVisit'> = async (ctx, args) => {
  requireRole(ctx, 'visit.schedule');
  const row = await lockVisit(ctx, args.id);
  if (!args.slot) return unbook(ctx, row);
  requireStatus(row, ['requested', 'scheduled'], 'book it');
  if (row.status === 'requested') {
    const stage = visitStage(visitFacts(row), await approvalStatuses(ctx, [row.approval_request_id]));
    if (stage !== 'to_schedule')
      throw refuse(
        stage === 'declined'
          ? 'The client declined this visit: it cannot be booked.'
          : 'Book a visit once the client has approved it and the prepayment is recorded.',
      );
  }
  const technician = await lockTechnician(ctx, args.slot.technicianId);
  const who = technicianProblem(technician);
  if (who) throw refuse(who);
  const slot = slotProblem(args.slot.startsAt, ctx.now.getTime());
  if (slot) throw refuse(slot);
  const startsAt = new Date(args.slot.startsAt).toISOString();
  const endsAt = bookingEnd(startsAt, row.estimate_hours);
  const client = await findClient(ctx, row.client_id);
  const site = client.sites.find((s) => s.id === row.site_id);
  const siteZone = site?.timeZone ?? client.time_zone;
  if (row.needs_downtime) {
    const problem = maintenanceWindowProblem(client.maintenance_window, client.time_zone, startsAt, endsAt);
    if (problem) throw refuse(problem);
  }
  const clash = await firstOverlap(ctx, technician!.id, new Date(startsAt), new Date(endsAt), row.id);
  if (clash) {
    const otherSite = clash.sites.find((s) => s.id === clash.site_id);
    const other = { startsAt: new Date(clash.starts_at!).toISOString(), endsAt: new Date(clash.ends_at!).toISOString() };
    const message =
      conflictMessage(technician!.name, { ...other, siteName: otherSite?.name ?? 'another site', clientName: clash.client_name }, (s, e) =>
        describeSlot(s, e, otherSite?.timeZone ?? siteZone),
      ) +
      ` That booking was made by ${clash.scheduler_name ?? 'another scheduler'}. Nothing was booked; the refusal is noted on this visit for every scheduler.`;
    throw refusedBooking(row, message, {
      technicianId: technician!.id,
      startsAt,
      reason: message,
      attemptedBy: ctx.user.id,
      refusedAt: ctx.now.toISOString(),
    });
  }
  return saveVisit(ctx, row, {
    status: 'scheduled',
    technician_id: technician!.id,
    starts_at: startsAt,
    ends_at: endsAt,
    scheduled_by: ctx.user.id,
    scheduled_at: ctx.performedAt,
    booking_refusal: null,
  });
};

export const cancelVisit: MutationHandler<'cancelVisit'> = async (ctx, args) => {
  requireRole(ctx, 'visit.schedule');
  const row = await lockVisit(ctx, args.id);
  requireStatus(row, ['requested', 'scheduled'], 'cancel it');
  return saveVisit(ctx, row, { status: 'cancelled', cancel_reason: args.reason, cancelled_at: ctx.performedAt, cancelled_by: ctx.user.id });
};
