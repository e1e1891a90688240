import type { ChangeWrite } from '../changes/changes';
import { noteRecord, ticketRecord } from '../changes/records';
import { actedOn, addEvent, lockTicket, MutationRejected, requireRole, type MutationHandler } from './context';
import { canonicalId, type NoteRow } from './unit-of-work';

export const addNote: MutationHandler<'addNote'> = async (ctx, args) => {
  requireRole(ctx, 'note.add');
  const current = await lockTicket(ctx, args.ticketId);
  const note: NoteRow = {
    id: canonicalId(args.id),
    tenant_id: ctx.tenantId,
    ticket_id: current.id,
    kind: args.kind,
    author_id: ctx.user.id,
    body: args.body,
    performed_at: actedOn(ctx, current),
    recorded_at: ctx.now,
  };
  // As for tickets (ticket-mutations.ts): one answer, whoever holds the id.
  const conflict = `Note id ${args.id} cannot be used for a new note. Nothing was changed: if this desk sent the note before, the server has it; otherwise write it again, which gives it a new id.`;
  if (!ctx.rows.insertNote(note, conflict)) throw new MutationRejected('conflict', conflict);
  // Activity on the ticket: the queue sorts by it.
  let ticket = ctx.rows.updateTicket(current, { updated_at: ctx.now });
  const writes: ChangeWrite[] = [{ entity: 'note', id: note.id, op: 'upsert', data: noteRecord(note) }];
  if (args.kind === 'public_reply') {
    // A public reply is a first response for the SLA engine.
    const replied = addEvent(ctx, ticket, { type: 'public_reply', priority: null, status: null });
    ticket = replied.ticket;
    writes.push(replied.change);
  }
  return [...writes, { entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) }];
};
