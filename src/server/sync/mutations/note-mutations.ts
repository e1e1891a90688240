import { v7 as uuidv7 } from 'uuid';
import type { ChangeWrite } from '../changes';
import { noteRecord, ticketEventRecord, ticketRecord } from '../records';
import { lockTicket, MutationRejected, requireRole, type MutationHandler } from './context';

export const addNote: MutationHandler<'addNote'> = async (ctx, args) => {
  requireRole(ctx, 'note.add');
  await lockTicket(ctx, args.ticketId);
  const note = await ctx.trx
    .insertInto('notes')
    .values({
      id: args.id,
      tenant_id: ctx.tenantId,
      ticket_id: args.ticketId,
      kind: args.kind,
      author_id: ctx.user.id,
      body: args.body,
      performed_at: ctx.performedAt,
      recorded_at: ctx.now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!note) throw new MutationRejected('conflict', `A note with id ${args.id} already exists; this desk sent it twice. Nothing was changed.`);
  // Activity on the ticket: the queue sorts by it.
  const ticket = await ctx.trx.updateTable('tickets').set({ updated_at: ctx.now }).where('id', '=', args.ticketId).returningAll().executeTakeFirstOrThrow();
  const writes: ChangeWrite[] = [
    { entity: 'note', id: note.id, op: 'upsert', data: noteRecord(note) },
    { entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) },
  ];
  if (args.kind === 'public_reply') {
    // A public reply is a first response for the SLA engine.
    const event = await ctx.trx
      .insertInto('ticket_events')
      .values({ id: uuidv7(), tenant_id: ctx.tenantId, ticket_id: ticket.id, type: 'public_reply', at: ctx.performedAt, priority: null, status: null, actor_id: ctx.user.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    writes.push({ entity: 'ticket_event', id: event.id, op: 'upsert', data: ticketEventRecord(event) });
  }
  return writes;
};
