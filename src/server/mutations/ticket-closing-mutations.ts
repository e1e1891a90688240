// Closing and reopening on the server: the status change, its event and the
// note that says why are written in the push's one transaction, or not at all.
import type { TicketStatus } from '../../domain/ticket';
import { closeError, reopenError } from '../../domain/ticket-workflow';
import type { NoteKind } from '../../protocol';
import type { ChangeWrite } from '../changes/changes';
import { noteRecord, ticketRecord } from '../changes/records';
import { actedOn, addEvent, lockTicket, MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';
import { canonicalId, type NoteRow, type TicketRow } from './unit-of-work';

function insertNote(ctx: MutationContext, ticket: TicketRow, id: string, kind: NoteKind, body: string): ChangeWrite {
  const note: NoteRow = {
    id: canonicalId(id),
    tenant_id: ctx.tenantId,
    ticket_id: ticket.id,
    kind,
    author_id: ctx.user.id,
    body,
    performed_at: actedOn(ctx, ticket),
    recorded_at: ctx.now,
  };
  // As for notes (note-mutations.ts): one answer, whoever holds the id.
  const conflict = `Note id ${id} cannot be used for a new note. Nothing was changed: if this desk sent the change before, the server has it; otherwise make it again, which gives it a new id.`;
  if (!ctx.rows.insertNote(note, conflict)) throw new MutationRejected('conflict', conflict);
  return { entity: 'note', id: note.id, op: 'upsert', data: noteRecord(note) };
}

function changeStatus(ctx: MutationContext, current: TicketRow, status: TicketStatus): ChangeWrite[] {
  const changed = addEvent(ctx, ctx.rows.updateTicket(current, { status, updated_at: ctx.now }), {
    type: 'status_changed',
    status,
    priority: null,
  });
  return [changed.change, { entity: 'ticket', id: changed.ticket.id, op: 'upsert', data: ticketRecord(changed.ticket) }];
}

export const closeTicket: MutationHandler<'closeTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.status');
  const current = await lockTicket(ctx, args.id);
  const note = insertNote(ctx, current, args.noteId, 'resolution', args.resolution);
  // Two desks closing the same ticket offline agree: the second one's resolution is kept, the status is already closed.
  if (closeError(current.status as TicketStatus)) return [note];
  return [note, ...changeStatus(ctx, current, 'closed')];
};

export const reopenTicket: MutationHandler<'reopenTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.status');
  const current = await lockTicket(ctx, args.id);
  const refused = reopenError(current.status as TicketStatus);
  if (refused) throw new MutationRejected('invalid_transition', `${refused} Ticket "${current.title}" is ${current.status} on the server.`);
  return [insertNote(ctx, current, args.noteId, 'reopening', args.reason), ...changeStatus(ctx, current, 'open')];
};
