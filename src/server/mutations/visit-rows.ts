// What the visit handlers share: the refusal wording, the visit row locked for
// the step, the approval statuses it depends on, who may work it, and writing
// it back as the record desks pull.
import type { Updateable } from 'kysely';
import type { ApprovalStatus } from '../../domain/approval-requests';
import { LEAD_ROLES } from '../../domain/staff-permissions';
import type { StatusOf, VisitFacts, VisitStatus } from '../../domain/visits';
import type { ChangeWrite } from '../changes/changes';
import { visitRecord } from '../changes/records';
import type { VisitRow, VisitsTable } from '../db/schema';
import { MutationRejected, type MutationContext } from './context';
import { lockOwnRow } from './own-rows';
import { canonicalId } from './unit-of-work';

/** A broken visit rule: the message names what was wrong and what to do. */
export const refuse = (message: string) => new MutationRejected('invalid_visit', `${message} Nothing was recorded.`);

/** The workspace's visit, locked until commit so two desks' steps on it apply one after the other. */
export async function lockVisit(ctx: MutationContext, id: string): Promise<VisitRow> {
  return lockOwnRow(
    ctx,
    'visits',
    id,
    `Visit ${id} does not exist in this workspace; it may have been quoted on a desk that has not synced yet. Try again once it has. Nothing was recorded.`,
  );
}

export function requireStatus(row: VisitRow, allowed: readonly VisitStatus[], doing: string): void {
  if (allowed.includes(row.status as VisitStatus)) return;
  throw refuse(`This visit is ${row.status}: you cannot ${doing} now (only a ${allowed.join(' or ')} visit).`);
}

/** The statuses of this workspace's approval requests among `ids`, for the stage rules (src/domain/visits.ts). */
export async function approvalStatuses(ctx: MutationContext, ids: readonly string[]): Promise<StatusOf> {
  const rows =
    ids.length === 0
      ? []
      : await ctx.trx
          .selectFrom('approval_requests')
          .select(['id', 'status'])
          .where('tenant_id', '=', ctx.tenantId)
          .where('id', 'in', ids.map(canonicalId))
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r.status as ApprovalStatus]));
  return (id) => byId.get(canonicalId(id)) ?? null;
}

export function visitFacts(row: VisitRow): VisitFacts {
  return {
    status: row.status as VisitStatus,
    approvalRequestId: row.approval_request_id,
    estimateHours: row.estimate_hours,
    baseFeeCents: row.base_fee_cents,
    hourlyRateCents: row.hourly_rate_cents,
    checkedInAt: row.checked_in_at === null ? null : new Date(row.checked_in_at).toISOString(),
    payments: row.payments,
    authorizations: row.authorizations,
  };
}

/**
 * An approval request a visit may be held by: this workspace's, on the visit's
 * ticket, and for onsite work (the desk queues it just before, in the same push).
 */
export async function onsiteApproval(ctx: MutationContext, id: string, ticketId: string): Promise<{ status: ApprovalStatus }> {
  const row = await ctx.trx
    .selectFrom('approval_requests')
    .select(['ticket_id', 'onsite', 'status'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', canonicalId(id))
    .executeTakeFirst();
  if (!row)
    throw new MutationRejected(
      'not_found',
      `Approval request ${id} does not exist in this workspace; request the client's approval (it is queued with the visit) and sync again. Nothing was recorded.`,
    );
  if (row.ticket_id !== canonicalId(ticketId))
    throw refuse("The approval request is for another ticket: request approval on this visit's ticket.");
  if (!row.onsite) throw refuse('The approval request is not for onsite work: request an approval for the onsite visit.');
  return { status: row.status as ApprovalStatus };
}

/** Only the technician booked on the visit works it, or a lead correcting it. */
export function requireBookedOrLead(ctx: MutationContext, row: VisitRow, doing: string): void {
  if (row.technician_id === ctx.user.id || LEAD_ROLES.includes(ctx.user.role)) return;
  throw new MutationRejected(
    'forbidden',
    `This visit is booked to another technician: only they, or a lead correcting it, can ${doing}. Nothing was recorded.`,
  );
}

/** Writes the visit's change and returns it as the record desks pull. */
export async function saveVisit(ctx: MutationContext, row: VisitRow, change: Updateable<VisitsTable>): Promise<ChangeWrite[]> {
  const updated = await ctx.trx
    .updateTable('visits')
    .set(change)
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return [{ entity: 'visit', id: updated.id, op: 'upsert', data: visitRecord(updated) }];
}
