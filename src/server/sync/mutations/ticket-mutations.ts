import { v7 as uuidv7 } from 'uuid';
import { PRIORITY_SCHEMES, type PrioritySchemeId } from '../../../domain/priority-schemes';
import { transitionError } from '../../../domain/ticket-workflow';
import type { TicketStatus } from '../../../domain/ticket';
import type { Selectable } from 'kysely';
import type { ClientsTable, TicketEventsTable } from '../../db/schema';
import type { ChangeWrite } from '../changes';
import { ticketEventRecord, ticketRecord } from '../records';
import { findClient, lockTicket, MutationRejected, requireAssignee, requireRole, type MutationContext, type MutationHandler } from './context';

function requirePriority(client: Selectable<ClientsTable>, priority: string): void {
  const scheme = PRIORITY_SCHEMES[client.priority_scheme_id as PrioritySchemeId];
  if (scheme?.levels.some((l) => l.key === priority)) return;
  const allowed = scheme ? scheme.levels.map((l) => `${l.label} (${l.key})`).join(', ') : 'none';
  throw new MutationRejected('invalid_priority', `'${priority}' is not a priority of ${client.name}'s contract; choose one of ${allowed}.`);
}

async function insertEvent(ctx: MutationContext, ticketId: string, event: Pick<Selectable<TicketEventsTable>, 'type' | 'priority' | 'status'>): Promise<ChangeWrite> {
  const row = await ctx.trx
    .insertInto('ticket_events')
    .values({ id: uuidv7(), tenant_id: ctx.tenantId, ticket_id: ticketId, at: ctx.performedAt, actor_id: ctx.user.id, ...event })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { entity: 'ticket_event', id: row.id, op: 'upsert', data: ticketEventRecord(row) };
}

export const createTicket: MutationHandler<'createTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.create');
  if (args.assigneeId !== null) requireRole(ctx, 'ticket.assign');
  const client = await findClient(ctx, args.clientId);
  requirePriority(client, args.priority);
  await requireAssignee(ctx, args.assigneeId);
  const ticket = await ctx.trx
    .insertInto('tickets')
    .values({
      id: args.id,
      tenant_id: ctx.tenantId,
      client_id: client.id,
      title: args.title,
      description: args.description,
      status: 'new',
      priority: args.priority,
      channel: args.channel,
      assignee_id: args.assigneeId,
      opened_at: ctx.performedAt,
      updated_at: ctx.now,
      created_by: ctx.user.id,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  // Ids are client-generated UUIDv7s: a clash means the same ticket was sent twice under two sequence numbers.
  if (!ticket) throw new MutationRejected('conflict', `A ticket with id ${args.id} already exists; this desk sent it twice. Nothing was changed.`);
  const opened = await insertEvent(ctx, ticket.id, { type: 'opened', priority: ticket.priority, status: ticket.status });
  return [{ entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) }, opened];
};

export const updateTicket: MutationHandler<'updateTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.edit');
  if (args.assigneeId !== undefined) requireRole(ctx, 'ticket.assign');
  const current = await lockTicket(ctx, args.id);
  const writes: ChangeWrite[] = [];
  if (args.priority !== undefined && args.priority !== current.priority) {
    requirePriority(await findClient(ctx, current.client_id), args.priority);
    writes.push(await insertEvent(ctx, current.id, { type: 'priority_changed', priority: args.priority, status: null }));
  }
  if (args.assigneeId !== undefined) await requireAssignee(ctx, args.assigneeId);
  const ticket = await ctx.trx
    .updateTable('tickets')
    .set({
      title: args.title ?? current.title,
      description: args.description ?? current.description,
      priority: args.priority ?? current.priority,
      assignee_id: args.assigneeId === undefined ? current.assignee_id : args.assigneeId,
      updated_at: ctx.now,
    })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return [{ entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) }, ...writes];
};

export const setStatus: MutationHandler<'setStatus'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.status');
  const current = await lockTicket(ctx, args.id);
  const from = current.status as TicketStatus;
  // Two desks closing the same ticket offline agree; the second has nothing to apply and nothing to tell.
  if (from === args.status) return [];
  const refusal = transitionError(from, args.status);
  if (refusal) throw new MutationRejected('invalid_transition', `${refusal} Ticket "${current.title}" is ${from} on the server.`);
  const ticket = await ctx.trx
    .updateTable('tickets')
    .set({ status: args.status, updated_at: ctx.now })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const event = await insertEvent(ctx, ticket.id, { type: 'status_changed', status: args.status, priority: null });
  return [{ entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) }, event];
};
