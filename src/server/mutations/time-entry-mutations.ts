// Logging time (docs/domain/time-and-approvals.md). The checks are the desk's
// own (src/domain/time-entries.ts), run again against the server's rows: the
// ticket's other entries are read under its lock, so two desks logging time
// on one ticket at once are judged one after the other.
import type { ContactRole } from '../../domain/contact-authorization';
import type { PrioritySchemeId } from '../../domain/priority-schemes';
import { approvalDecision, timeSpanProblem, type TimeEntryFacts, type WorkApproval } from '../../domain/time-entries';
import { isConfirmationOnly } from '../../domain/approval-requests';
import { approvalSetting } from '../../mutations';
import { MAX_CLOCK_AHEAD_MS } from '../../protocol/clock';
import { timeEntryRecord } from '../changes/records';
import type { TimeEntryRow } from '../db/schema';
import { actedOn, findClient, lockTicket, MutationRejected, requireRole, type MutationHandler } from './context';
import { canonicalId } from './unit-of-work';

export const logTime: MutationHandler<'logTime'> = async (ctx, args) => {
  requireRole(ctx, 'time.log');
  const ticket = await lockTicket(ctx, args.ticketId);
  // The schema has refused zero, negative and over-long spans; the future depends on this clock.
  const span = timeSpanProblem(args.startedAt, args.endedAt, ctx.now.getTime() + MAX_CLOCK_AHEAD_MS);
  if (span) throw new MutationRejected('invalid_time_entry', `${span} Nothing was logged.`);

  const client = await findClient(ctx, ticket.client_id);
  const earlier = await ctx.trx
    .selectFrom('time_entries')
    .select(['started_at', 'ended_at', 'work_type', 'cause', 'approval_request_id'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('ticket_id', '=', ticket.id)
    .execute();
  const facts = earlier.map((e): TimeEntryFacts => ({
    startedAt: new Date(e.started_at).toISOString(),
    endedAt: new Date(e.ended_at).toISOString(),
    workType: e.work_type as TimeEntryFacts['workType'],
    cause: e.cause as TimeEntryFacts['cause'],
    approvalRequestId: e.approval_request_id ?? undefined,
  }));
  // Written by statements of their own (approval-mutations.ts), so an approval earlier in this push is seen here.
  const requests = await ctx.trx
    .selectFrom('approval_requests')
    .select(['id', 'status', 'approved_minutes', 'triggers'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('ticket_id', '=', ticket.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const approvals = requests.map((r): WorkApproval => ({
    id: r.id,
    status: r.status as WorkApproval['status'],
    approvedMinutes: r.approved_minutes,
    confirmationOnly: isConfirmationOnly({ triggers: r.triggers }),
  }));
  const contacts = await ctx.trx
    .selectFrom('contacts')
    .select(['name', 'role', 'phones', 'emails'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('client_id', '=', client.id)
    .execute();
  const proposed = { ...args, approvalRequestId: args.approvalRequestId === undefined ? undefined : canonicalId(args.approvalRequestId) };
  const decision = approvalDecision(
    facts,
    proposed,
    approvalSetting(
      { prioritySchemeId: client.priority_scheme_id as PrioritySchemeId, customPolicy: client.custom_policy },
      ticket.priority,
    ),
    approvals,
    contacts.map((c) => ({ ...c, role: c.role as ContactRole })),
  );
  if (!decision.ok) throw new MutationRejected('approval_required', decision.message);

  const row: TimeEntryRow = {
    id: canonicalId(args.id),
    tenant_id: ctx.tenantId,
    ticket_id: ticket.id,
    author_id: ctx.user.id,
    started_at: new Date(args.startedAt),
    ended_at: new Date(args.endedAt),
    work_type: args.workType,
    cause: args.cause,
    note: args.note,
    performed_at: actedOn(ctx, ticket),
    recorded_at: ctx.now,
    approval_request_id: decision.approvalRequestId,
  };
  // Written at once, not deferred like notes: the next entry on this ticket in the same push must see it.
  const inserted = await ctx.trx
    .insertInto('time_entries')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  if (inserted.length === 0) {
    // As for notes and tickets: one answer, whoever holds the id.
    throw new MutationRejected(
      'conflict',
      `Time entry id ${args.id} cannot be used for a new entry. Nothing was changed: if this desk sent the entry before, the server has it; otherwise log it again, which gives it a new id.`,
    );
  }
  return [{ entity: 'time_entry', id: row.id, op: 'upsert', data: timeEntryRecord(row) }];
};
