// Working a visit onsite (docs/domain/onsite-visits.md, "Onsite"): only the
// technician booked on it, or a lead correcting it. Check-in and check-out
// keep the desk's time for a forgotten press, bounded by when the desk
// recorded it (ctx.performedAt, never later than the server's clock); the
// server computes the onsite minutes and billed hours at check-out. More time
// is asked for through an approval request queued just before.
import { billedHours, extraHoursProblem, extraTimeCents, onsiteMinutes } from '../../domain/onsite-pricing';
import { authorizationState, checkInDayProblem, checkInProblem, checkOutProblem, type VisitAuthorization } from '../../domain/visits';
import { MutationRejected, requireRole, type MutationHandler } from './context';
import { canonicalId } from './unit-of-work';
import { approvalStatuses, lockVisit, onsiteApproval, refuse, requireBookedOrLead, requireStatus, saveVisit } from './visit-rows';

export const checkInVisit: MutationHandler<'checkInVisit'> = async (ctx, args) => {
  requireRole(ctx, 'visit.work');
  const row = await lockVisit(ctx, args.id);
  requireBookedOrLead(ctx, row, 'check in');
  if (row.status === 'onsite') throw refuse('This visit is already checked in: check out when you leave.');
  requireStatus(row, ['scheduled'], 'check in');
  const problem =
    checkInProblem(args.at, ctx.performedAt.getTime()) ??
    checkInDayProblem(args.at, new Date(row.starts_at!).toISOString(), new Date(row.ends_at!).toISOString());
  if (problem) throw refuse(problem);
  return saveVisit(ctx, row, { status: 'onsite', checked_in_at: new Date(args.at), checked_in_by: ctx.user.id });
};

export const checkOutVisit: MutationHandler<'checkOutVisit'> = async (ctx, args) => {
  requireRole(ctx, 'visit.work');
  const row = await lockVisit(ctx, args.id);
  requireBookedOrLead(ctx, row, 'check out');
  if (row.status === 'scheduled') throw refuse('Check in first: this visit has not started, so there is nothing to check out of.');
  requireStatus(row, ['onsite'], 'check out');
  const checkedInAt = new Date(row.checked_in_at!).toISOString();
  const problem = checkOutProblem(checkedInAt, args.at, ctx.performedAt.getTime());
  if (problem) throw refuse(problem);
  const minutes = onsiteMinutes(checkedInAt, args.at)!;
  return saveVisit(ctx, row, {
    status: 'completed',
    checked_out_at: new Date(args.at),
    checked_out_by: ctx.user.id,
    onsite_minutes: minutes,
    billed_hours: billedHours(minutes),
  });
};

export const requestVisitTime: MutationHandler<'requestVisitTime'> = async (ctx, args) => {
  requireRole(ctx, 'visit.work');
  const row = await lockVisit(ctx, args.id);
  requireBookedOrLead(ctx, row, 'ask for more time');
  requireStatus(row, ['onsite'], 'ask for more time (check in first)');
  const id = canonicalId(args.authorizationId);
  if (row.authorizations.some((a) => a.id === id))
    throw new MutationRejected(
      'conflict',
      `The request for more time ${args.authorizationId} is already on this visit. Nothing was recorded again.`,
    );
  const hours = extraHoursProblem(args.hours);
  if (hours) throw refuse(hours);
  const statusOf = await approvalStatuses(
    ctx,
    row.authorizations.map((a) => a.approvalRequestId),
  );
  const waiting = row.authorizations.some((a) =>
    ['awaiting_approval', 'awaiting_payment'].includes(authorizationState(a, row.payments, statusOf)),
  );
  if (waiting)
    throw refuse('A request for more time is already waiting for the client: wait for it to be approved and paid before asking again.');
  const approvalRequestId = canonicalId(args.approvalRequestId);
  await onsiteApproval(ctx, approvalRequestId, row.ticket_id);
  if (approvalRequestId === row.approval_request_id || row.authorizations.some((a) => a.approvalRequestId === approvalRequestId))
    throw refuse('That approval request already holds this visit or another request for time: request a new approval.');
  const authorization: VisitAuthorization = {
    id,
    approvalRequestId,
    hours: args.hours,
    amountCents: extraTimeCents(args.hours, row.hourly_rate_cents),
    reason: args.reason,
    requestedBy: ctx.user.id,
    requestedAt: ctx.performedAt.toISOString(),
  };
  return saveVisit(ctx, row, { authorizations: JSON.stringify([...row.authorizations, authorization]) });
};

export const recordVisitWork: MutationHandler<'recordVisitWork'> = async (ctx, args) => {
  requireRole(ctx, 'visit.work');
  const row = await lockVisit(ctx, args.id);
  requireBookedOrLead(ctx, row, 'record its notes and parts');
  requireStatus(row, ['scheduled', 'onsite', 'completed'], 'record notes and parts (book it first)');
  return saveVisit(ctx, row, { work_notes: args.workNotes, parts: JSON.stringify(args.parts) });
};
