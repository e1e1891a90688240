// Quoting a visit and taking its payments (docs/domain/onsite-visits.md,
// "Quote" and "Payments"), checked again on the server's rows: the ticket,
// client, site and contact belong together and to this workspace, the quote is
// the client's contract and the site's zone as the server has them, the
// approval request holding it is real, the prepayment follows the approval and
// the $25 rule, and more time is paid exactly, after its approval.
import type { ApprovalStatus } from '../../domain/approval-requests';
import { baseFeeCents, extraTimeCents, prepaymentProblem, quote, quoteProblems } from '../../domain/onsite-pricing';
import { TRAVEL_ZONE_RULES } from '../../domain/travel';
import { authorizationState, prepaidCents, visitQuote, type VisitPayment } from '../../domain/visits';
import { visitRecord } from '../changes/records';
import type { VisitRow } from '../db/schema';
import { findClient, MutationRejected, requireRole, type MutationHandler } from './context';
import { contactClient } from './call-mutations';
import { canonicalId } from './unit-of-work';
import { approvalStatuses, lockVisit, onsiteApproval, refuse, requireStatus, saveVisit, visitFacts } from './visit-rows';

const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

export const requestVisit: MutationHandler<'requestVisit'> = async (ctx, args) => {
  requireRole(ctx, 'visit.request');
  const ticket = await ctx.rows.ticket(args.ticketId);
  if (!ticket)
    throw new MutationRejected(
      'not_found',
      `Ticket ${args.ticketId} does not exist in this workspace; it may have been opened on a desk that has not synced yet. Nothing was recorded.`,
    );
  const client = await findClient(ctx, args.clientId);
  if (ticket.client_id !== client.id) throw refuse(`The ticket belongs to another client: quote the visit for the ticket's own client.`);
  const site = client.sites.find((s) => s.id.toLowerCase() === canonicalId(args.siteId));
  if (!site) throw refuse(`That site is not one of ${client.name}'s: choose one of the client's sites.`);
  const contact = await contactClient(ctx, args.contactId);
  if (!contact)
    throw refuse(`Contact ${args.contactId} is not in this workspace: choose one of ${client.name}'s contacts to meet the technician.`);
  if (contact.clientId !== client.id)
    throw refuse(`${contact.name} is not a contact of ${client.name}: choose one of the client's contacts.`);
  // The desk quoted from its copy of the contract and the site; a change made elsewhere since then means a new quote.
  const zone = site.travelZone ?? 'local';
  const rule = TRAVEL_ZONE_RULES[zone];
  if (args.contractBaseFeeCents !== client.onsite_base_fee_cents || args.travelZone !== zone)
    throw refuse(
      `The contract changed, quote again: ${client.name}'s onsite base fee is ${money(client.onsite_base_fee_cents)} and ${site.name} is in the ${rule.label} zone.`,
    );
  if (rule.surchargeCents !== null && args.zoneSurchargeCents !== rule.surchargeCents)
    throw refuse(`${site.name} is in the ${rule.label} zone: its surcharge is ${money(rule.surchargeCents)}, fixed by the zone.`);
  const terms = {
    baseFeeCents: baseFeeCents({ ...args, contractBaseFeeCents: client.onsite_base_fee_cents }),
    hourlyRateCents: args.hourlyRateCents,
    estimateHours: args.estimateHours,
  };
  const problem = quoteProblems(terms, client.onsite_base_fee_cents)[0];
  if (problem) throw refuse(problem.message);
  await onsiteApproval(ctx, args.approvalRequestId, ticket.id);
  const approvalId = canonicalId(args.approvalRequestId);
  const holder = await ctx.trx
    .selectFrom('visits')
    .select('id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('approval_request_id', '=', approvalId)
    .executeTakeFirst();
  if (holder) throw refuse('That approval request already holds another visit: request approval for this one.');

  const q = quote(terms);
  const row: VisitRow = {
    id: canonicalId(args.id),
    tenant_id: ctx.tenantId,
    ticket_id: ticket.id,
    client_id: client.id,
    site_id: site.id,
    contact_id: canonicalId(args.contactId),
    scope: args.scope,
    needs_downtime: args.needsDowntime,
    travel_zone: zone,
    contract_base_fee_cents: client.onsite_base_fee_cents,
    zone_surcharge_cents: args.zoneSurchargeCents,
    scope_surcharge_cents: args.scopeSurchargeCents,
    surcharge_reason: args.surchargeReason,
    base_fee_cents: q.baseFeeCents,
    hourly_rate_cents: q.hourlyRateCents,
    estimate_hours: q.estimateHours,
    approval_request_id: approvalId,
    status: 'requested',
    technician_id: null,
    starts_at: null,
    ends_at: null,
    scheduled_by: null,
    scheduled_at: null,
    booking_refusal: null,
    checked_in_at: null,
    checked_in_by: null,
    checked_out_at: null,
    checked_out_by: null,
    onsite_minutes: null,
    billed_hours: null,
    payments: [],
    authorizations: [],
    work_notes: '',
    parts: [],
    cancel_reason: null,
    cancelled_at: null,
    cancelled_by: null,
    created_by: ctx.user.id,
    created_at: ctx.performedAt,
    recorded_at: ctx.now,
  };
  // An id held by any workspace gets the same answer: nothing is learnt about another's rows.
  const inserted = await ctx.trx
    .insertInto('visits')
    .values({ ...row, payments: '[]', authorizations: '[]', parts: '[]', booking_refusal: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted)
    throw new MutationRejected(
      'conflict',
      `Visit id ${args.id} cannot be used for a new visit. Nothing was recorded: if this desk sent it before, the server has it; otherwise quote the visit again, which gives it a new id.`,
    );
  return [{ entity: 'visit', id: inserted.id, op: 'upsert', data: visitRecord(inserted) }];
};

function paymentDeclined(state: ReturnType<typeof authorizationState>): string | null {
  switch (state) {
    case 'awaiting_approval':
      return 'The client has not approved the extra time yet: record their approval first, then the payment.';
    case 'authorized':
      return 'The extra time is already paid.';
    case 'declined':
      return 'The client declined the extra time: there is nothing to pay.';
    case 'awaiting_payment':
      return null;
  }
}

export const recordVisitPayment: MutationHandler<'recordVisitPayment'> = async (ctx, args) => {
  requireRole(ctx, 'visit.payment');
  const row = await lockVisit(ctx, args.id);
  const paymentId = canonicalId(args.paymentId);
  if (row.payments.some((p) => p.id === paymentId))
    throw new MutationRejected('conflict', `Payment ${args.paymentId} is already recorded on this visit. Nothing was recorded again.`);
  const facts = visitFacts(row);
  if (args.authorizationId === null) {
    requireStatus(row, ['requested'], 'take its prepayment');
    const statusOf = await approvalStatuses(ctx, [row.approval_request_id]);
    const approval: ApprovalStatus | null = statusOf(row.approval_request_id);
    if (approval !== 'approved')
      throw refuse(
        approval === 'declined'
          ? 'The client declined this visit: there is nothing to prepay.'
          : "The client has not approved this visit's quote yet: record their approval first (Held requests), then the prepayment.",
      );
    if (prepaidCents(facts) > 0) throw refuse('This visit is already prepaid.');
    const problem = prepaymentProblem(args.amountCents, visitQuote(facts));
    if (problem) throw refuse(problem);
  } else {
    requireStatus(row, ['onsite'], 'take a payment for more time');
    const authorization = row.authorizations.find((a) => a.id === canonicalId(args.authorizationId!));
    if (!authorization) throw refuse('That request for more time is not on this visit: sync and pick it from the visit.');
    const state = authorizationState(authorization, row.payments, await approvalStatuses(ctx, [authorization.approvalRequestId]));
    const problem = paymentDeclined(state);
    if (problem) throw refuse(problem);
    const due = extraTimeCents(authorization.hours, row.hourly_rate_cents);
    if (args.amountCents !== due)
      throw refuse(
        `The extra ${authorization.hours} h at the agreed ${money(row.hourly_rate_cents)} an hour is ${money(due)}: take exactly that amount.`,
      );
  }
  const payment: VisitPayment = {
    id: paymentId,
    authorizationId: args.authorizationId === null ? null : canonicalId(args.authorizationId),
    amountCents: args.amountCents,
    method: args.method,
    reference: args.reference,
    recordedBy: ctx.user.id,
    recordedAt: ctx.performedAt.toISOString(),
  };
  return saveVisit(ctx, row, { payments: JSON.stringify([...row.payments, payment]) });
};
