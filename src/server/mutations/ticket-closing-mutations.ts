// Closing and reopening on the server: the status change, its event and the
// note that says why are written in the push's one transaction, or not at all.
import type { TicketStatus } from '../../domain/ticket';
import { closeError, reopenError } from '../../domain/ticket-workflow';
import type { ChangeWrite } from '../changes/changes';
import { ticketRecord } from '../changes/records';
import { lockTicket, MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';
import { insertNote } from './note-mutations';
import { changeStatus } from './ticket-mutations';
import type { TicketRow } from './unit-of-work';

/** The status change and its history, as the change log receives them. */
function statusWrites(ctx: MutationContext, current: TicketRow, status: TicketStatus): ChangeWrite[] {
  const changed = changeStatus(ctx, current, status);
  return [changed.change, { entity: 'ticket', id: changed.ticket.id, op: 'upsert', data: ticketRecord(changed.ticket) }];
}

export const closeTicket: MutationHandler<'closeTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.status');
  const current = await lockTicket(ctx, args.id);
  const note = insertNote(ctx, current, { id: args.noteId, kind: 'resolution', body: args.resolution }, 'change');
  // Two desks closing the same ticket offline agree: the second one's resolution is kept, the status is already closed.
  if (closeError(current.status as TicketStatus)) return [note];
  return [note, ...statusWrites(ctx, current, 'closed')];
};

export const reopenTicket: MutationHandler<'reopenTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.status');
  const current = await lockTicket(ctx, args.id);
  const refused = reopenError(current.status as TicketStatus);
  if (refused) throw new MutationRejected('invalid_transition', `${refused} Ticket "${current.title}" is ${current.status} on the server.`);
  return [
    insertNote(ctx, current, { id: args.noteId, kind: 'reopening', body: args.reason }, 'change'),
    ...statusWrites(ctx, current, 'open'),
  ];
};
