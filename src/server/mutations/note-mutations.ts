import type { ChangeWrite } from '../changes/changes';
import { noteRecord, ticketRecord } from '../changes/records';
import type { NoteKind } from '../../protocol';
import { actedOn, addEvent, lockTicket, MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';
import { canonicalId, type NoteRow, type TicketRow } from './unit-of-work';

/**
 * Queues a note by the caller on `ticket` (a note or reply, a resolution, a
 * reopening's reason); `sent` names what the desk sent, for the refusal when
 * the id is taken.
 */
export function insertNote(
  ctx: MutationContext,
  ticket: TicketRow,
  note: { id: string; kind: NoteKind; body: string },
  sent: 'note' | 'change',
): ChangeWrite {
  const row: NoteRow = {
    id: canonicalId(note.id),
    tenant_id: ctx.tenantId,
    ticket_id: ticket.id,
    kind: note.kind,
    author_id: ctx.user.id,
    body: note.body,
    performed_at: actedOn(ctx, ticket),
    recorded_at: ctx.now,
  };
  // As for tickets (ticket-mutations.ts): one answer, whoever holds the id.
  const again = sent === 'note' ? 'write it again' : 'make it again';
  const conflict = `Note id ${note.id} cannot be used for a new note. Nothing was changed: if this desk sent the ${sent} before, the server has it; otherwise ${again}, which gives it a new id.`;
  if (!ctx.rows.insertNote(row, conflict)) throw new MutationRejected('conflict', conflict);
  return { entity: 'note', id: row.id, op: 'upsert', data: noteRecord(row) };
}

export const addNote: MutationHandler<'addNote'> = async (ctx, args) => {
  requireRole(ctx, 'note.add');
  const current = await lockTicket(ctx, args.ticketId);
  const note = insertNote(ctx, current, args, 'note');
  // Activity on the ticket: the queue sorts by it.
  let ticket = ctx.rows.updateTicket(current, { updated_at: ctx.now });
  const writes: ChangeWrite[] = [note];
  if (args.kind === 'public_reply') {
    // A public reply is a first response for the SLA engine.
    const replied = addEvent(ctx, ticket, { type: 'public_reply', priority: null, status: null });
    ticket = replied.ticket;
    writes.push(replied.change);
  }
  return [...writes, { entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) }];
};
