// Approval requests for billable work (docs/domain/contacts-and-approvals.md,
// "Approval requests"). Every rule is the desk's own (src/domain), run again
// against the server's rows: the contact must be the ticket's client's, the
// role must allow it, the amount must be within what was requested, and the
// status is the server's to compute. Each step is a statement of its own, not
// deferred: a time entry later in the same push must see the approval.
import {
  approvalProblem,
  billableTriggers,
  confirmationProblem,
  declineProblem,
  holdProblem,
  initialStatus,
  statusAfterConfirmation,
  type ApprovalStatus,
  type ContactFacts,
  type RequestState,
} from '../../domain/approval-requests';
import type { ContactRole, RequestKind } from '../../domain/contact-authorization';
import type { PrioritySchemeId } from '../../domain/priority-schemes';
import { approvalSetting } from '../../mutations';
import { approvalRequestRecord, ticketRecord } from '../changes/records';
import type { ChangeWrite } from '../changes/changes';
import type { ApprovalRequestRow, ApprovalRequestsTable } from '../db/schema';
import { actedOn, findClient, lockTicket, MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';
import { lockOwnRow } from './own-rows';
import { canonicalId } from './unit-of-work';
import type { Updateable } from 'kysely';

/** One of this workspace's contacts, as the rules read it; a contact elsewhere is one that does not exist. */
async function findContact(ctx: MutationContext, id: string): Promise<ContactFacts> {
  const row = await ctx.trx
    .selectFrom('contacts')
    .select(['client_id', 'name', 'role'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', canonicalId(id))
    .executeTakeFirst();
  if (!row)
    throw new MutationRejected(
      'not_found',
      `Contact ${id} does not exist in this workspace; it may have been added on a desk that has not synced yet. Choose one of the client's contacts. Nothing was recorded.`,
    );
  return { clientId: row.client_id, name: row.name, role: row.role as ContactRole };
}

export const requestApproval: MutationHandler<'requestApproval'> = async (ctx, args) => {
  requireRole(ctx, 'approval.request');
  const current = await lockTicket(ctx, args.ticketId);
  if (canonicalId(args.clientId) !== current.client_id)
    throw new MutationRejected(
      'invalid_approval',
      `The request names client ${args.clientId}, but the ticket belongs to another client: request approval from the ticket's own client. Nothing was recorded.`,
    );
  const client = await findClient(ctx, current.client_id);
  const id = canonicalId(args.id);
  const conflict = `Approval request id ${args.id} cannot be used for a new request. Nothing was recorded: if this desk sent it before, the server has it; otherwise request approval again, which gives it a new id.`;
  // Any tenant's row: an id held elsewhere is refused with the same answer, before anything is written.
  if (await ctx.trx.selectFrom('approval_requests').select('id').where('id', '=', id).executeTakeFirst())
    throw new MutationRejected('conflict', conflict);

  const requester = args.requesterContactId === null ? null : await findContact(ctx, args.requesterContactId);
  if (requester && requester.clientId !== client.id)
    throw new MutationRejected(
      'invalid_approval',
      `${requester.name} is not a contact of this ticket's client: choose one of the client's contacts, or the caller not on the list. Nothing was recorded.`,
    );
  const { critical } = approvalSetting(
    { prioritySchemeId: client.priority_scheme_id as PrioritySchemeId, customPolicy: client.custom_policy },
    current.priority,
  );
  const triggers = billableTriggers(
    { work: args.work, expectedMinutes: args.estimateMinutes, cause: args.cause, onsite: args.onsite, afterHours: args.afterHours },
    { critical },
  );
  const problem = holdProblem(requester !== null, triggers.length, { minutes: args.estimateMinutes, cents: args.estimateCents });
  if (problem) throw new MutationRejected('invalid_approval', `${problem} Nothing was recorded.`);
  const row: ApprovalRequestRow = {
    id,
    tenant_id: ctx.tenantId,
    ticket_id: current.id,
    client_id: client.id,
    requester_contact_id: args.requesterContactId === null ? null : canonicalId(args.requesterContactId),
    caller_name: args.requesterContactId === null ? args.callerName : null,
    caller_phone: args.requesterContactId === null ? args.callerPhone || null : null,
    kind: args.kind,
    work: args.work,
    cause: args.cause,
    onsite: args.onsite,
    after_hours: args.afterHours,
    triggers: triggers.map((t) => t.trigger),
    description: args.description,
    estimate_minutes: args.estimateMinutes,
    estimate_cents: args.estimateCents,
    status: initialStatus(requester, args.kind).status,
    confirmed_by: null,
    confirmed_via: null,
    confirmed_at: null,
    confirmation_taken_by: null,
    approved_by: null,
    approved_via: null,
    approved_at: null,
    approved_minutes: null,
    approved_cents: null,
    approval_taken_by: null,
    decline_reason: null,
    declined_at: null,
    decline_taken_by: null,
    created_by: ctx.user.id,
    created_at: actedOn(ctx, current),
    recorded_at: ctx.now,
  };
  const inserted = await ctx.trx
    .insertInto('approval_requests')
    .values({ ...row, triggers: JSON.stringify(row.triggers) })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) throw new MutationRejected('conflict', conflict);
  // Activity on the ticket: the queue sorts by it.
  const ticket = ctx.rows.updateTicket(current, { updated_at: ctx.now });
  return [
    { entity: 'approval_request', id: inserted.id, op: 'upsert', data: approvalRequestRecord(inserted) },
    { entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) },
  ];
};

/** The workspace's request, locked until commit so two desks recording on it apply one after the other. */
async function lockRequest(ctx: MutationContext, id: string): Promise<ApprovalRequestRow> {
  return lockOwnRow(
    ctx,
    'approval_requests',
    id,
    `Approval request ${id} does not exist in this workspace; it may have been made on a desk that has not synced yet. Try again once it has.`,
  );
}

const stateOf = (row: ApprovalRequestRow): RequestState => ({
  clientId: row.client_id,
  kind: row.kind as RequestKind,
  status: row.status as ApprovalStatus,
  estimateMinutes: row.estimate_minutes,
  estimateCents: row.estimate_cents,
});

/** When the person acted, not before the request itself, whatever the desk's clock said. */
function actedOnRequest(ctx: MutationContext, row: ApprovalRequestRow): Date {
  const created = new Date(row.created_at);
  return ctx.performedAt < created ? created : ctx.performedAt;
}

async function update(ctx: MutationContext, row: ApprovalRequestRow, set: Updateable<ApprovalRequestsTable>): Promise<ChangeWrite[]> {
  const updated = await ctx.trx
    .updateTable('approval_requests')
    .set(set)
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return [{ entity: 'approval_request', id: updated.id, op: 'upsert', data: approvalRequestRecord(updated) }];
}

export const confirmRequest: MutationHandler<'confirmRequest'> = async (ctx, args) => {
  requireRole(ctx, 'approval.record');
  const row = await lockRequest(ctx, args.id);
  const problem = confirmationProblem(stateOf(row), await findContact(ctx, args.contactId));
  if (problem) throw new MutationRejected('invalid_approval', problem);
  const next = statusAfterConfirmation({ triggers: row.triggers });
  return update(ctx, row, {
    status: next,
    confirmed_by: canonicalId(args.contactId),
    confirmed_via: args.via,
    confirmed_at: actedOnRequest(ctx, row),
    confirmation_taken_by: ctx.user.id,
  });
};

export const recordApproval: MutationHandler<'recordApproval'> = async (ctx, args) => {
  requireRole(ctx, 'approval.record');
  const row = await lockRequest(ctx, args.id);
  const amount = { minutes: args.approvedMinutes, cents: args.approvedCents };
  const problem = approvalProblem(stateOf(row), await findContact(ctx, args.contactId), amount);
  if (problem) throw new MutationRejected('invalid_approval', problem);
  const next: ApprovalStatus = 'approved';
  return update(ctx, row, {
    status: next,
    approved_by: canonicalId(args.contactId),
    approved_via: args.via,
    approved_at: actedOnRequest(ctx, row),
    approved_minutes: args.approvedMinutes,
    approved_cents: args.approvedCents,
    approval_taken_by: ctx.user.id,
  });
};

export const declineApproval: MutationHandler<'declineApproval'> = async (ctx, args) => {
  requireRole(ctx, 'approval.record');
  const row = await lockRequest(ctx, args.id);
  const problem = declineProblem(stateOf(row));
  if (problem) throw new MutationRejected('invalid_approval', problem);
  const next: ApprovalStatus = 'declined';
  return update(ctx, row, {
    status: next,
    decline_reason: args.reason,
    declined_at: actedOnRequest(ctx, row),
    decline_taken_by: ctx.user.id,
  });
};
