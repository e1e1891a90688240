// Escalations (docs/domain/escalations-and-notifications.md). They are rare
// next to tickets and notes, so each is a statement of its own rather than a
// deferred write of the unit of work; the ticket lock orders two escalations
// of one ticket, so the step read here is the step written.
import { acknowledgeError, ESCALATION_ROLE_LABELS, escalationRole, nextEscalation, type EscalationRole } from '../../domain/escalation';
import type { TicketStatus } from '../../domain/ticket';
import { escalationRecord, ticketRecord } from '../changes/records';
import type { EscalationRow } from '../db/schema';
import { actedOn, lockTicket, MutationRejected, requireRole, type MutationHandler } from './context';
import { canonicalId } from './unit-of-work';

export const escalateTicket: MutationHandler<'escalateTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.escalate');
  const current = await lockTicket(ctx, args.ticketId);
  const id = canonicalId(args.id);
  const conflict = `Escalation id ${args.id} cannot be used for a new escalation. Nothing was changed: if this desk sent it before, the server has it; otherwise escalate again, which gives it a new id.`;
  // Any tenant's row: an id held elsewhere is refused with the same answer, before anything is written.
  if (await ctx.trx.selectFrom('escalations').select('id').where('id', '=', id).executeTakeFirst()) {
    throw new MutationRejected('conflict', conflict);
  }
  const taken = await ctx.trx
    .selectFrom('escalations')
    .select('level')
    .where('tenant_id', '=', ctx.tenantId)
    .where('ticket_id', '=', current.id)
    .execute();
  const next = nextEscalation({ status: current.status as TicketStatus }, taken);
  if (!next.ok) throw new MutationRejected('invalid_escalation', next.message);
  if (next.level !== args.level) {
    const asked = escalationRole(args.level)!;
    throw new MutationRejected(
      'invalid_escalation',
      `The ticket was escalated meanwhile: its next step is the ${ESCALATION_ROLE_LABELS[next.toRole]}, not the ${ESCALATION_ROLE_LABELS[asked]}. ` +
        'Nothing was changed: look at its escalations and escalate again if it still needs it.',
    );
  }
  const row: EscalationRow = {
    id,
    tenant_id: ctx.tenantId,
    ticket_id: current.id,
    level: next.level,
    to_role: next.toRole,
    reason: args.reason,
    escalated_by: ctx.user.id,
    escalated_at: actedOn(ctx, current),
    acknowledged_by: null,
    acknowledged_at: null,
    recorded_at: ctx.now,
  };
  const inserted = await ctx.trx
    .insertInto('escalations')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new MutationRejected('conflict', conflict);
  // Activity on the ticket: the queue sorts by it.
  const ticket = ctx.rows.updateTicket(current, { updated_at: ctx.now });
  return [
    { entity: 'escalation', id: row.id, op: 'upsert', data: escalationRecord(row) },
    { entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) },
  ];
};

export const acknowledgeEscalation: MutationHandler<'acknowledgeEscalation'> = async (ctx, args) => {
  const current = await ctx.trx
    .selectFrom('escalations')
    .selectAll()
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', canonicalId(args.id))
    .forUpdate()
    .executeTakeFirst();
  if (!current) {
    throw new MutationRejected(
      'not_found',
      `Escalation ${args.id} does not exist in this workspace; it may have been made on a desk that has not synced yet. Try again once it has.`,
    );
  }
  const error = acknowledgeError(ctx.user.role, {
    toRole: current.to_role as EscalationRole,
    acknowledgedAt: current.acknowledged_at === null ? null : new Date(current.acknowledged_at).toISOString(),
  });
  if (error) throw new MutationRejected(current.acknowledged_at === null ? 'forbidden' : 'conflict', error);
  // Not before the escalation itself, whatever the desk's clock said.
  const escalatedAt = new Date(current.escalated_at);
  const at = ctx.performedAt < escalatedAt ? escalatedAt : ctx.performedAt;
  const row = await ctx.trx
    .updateTable('escalations')
    .set({ acknowledged_by: ctx.user.id, acknowledged_at: at })
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return [{ entity: 'escalation', id: row.id, op: 'upsert', data: escalationRecord(row) }];
};
