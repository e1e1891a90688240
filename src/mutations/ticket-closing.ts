// Closing and reopening: each changes the ticket's status and records why as a
// note of its own kind, in one mutation, so the two never travel apart
// (docs/domain/ticket-workflow.md, "Closing" and "Reopening").
import { z } from 'zod';
import type { Ticket } from '../domain/ticket';
import { closeError, reopenError } from '../domain/ticket-workflow';
import type { NoteKind } from '../protocol/records';
import { defineMutation, type Applied, type ApplyContext, type SideEffect, type SyncedRow } from './define';
import { noteBody } from './fields';
import { predictedNote } from './note';
import { withStatus } from './ticket';

/** The note a closing or reopening writes, as the desk predicts it. */
function noteEffect<A extends { id: string; noteId: string }>(kind: NoteKind, body: (a: A) => string): SideEffect<A> {
  return {
    target: (a) => ({ entity: 'note', id: a.noteId }),
    apply: (row: SyncedRow | null, { args, performedAt }: Applied<A>, ctx: ApplyContext) =>
      row ?? predictedNote({ id: args.noteId, ticketId: args.id, kind, body: body(args) }, performedAt, ctx),
  };
}

export const closeTicket = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    noteId: z.uuid(),
    resolution: noteBody('Write the resolution: say what fixed the problem before closing the ticket.'),
  }),
  target: (a) => ({ entity: 'ticket', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.id);
  },
  apply: (row, { performedAt }) => {
    if (!row) return null;
    const t = row as Ticket;
    // Closed already (two desks closed it offline): the resolution is still recorded, the status stays.
    return closeError(t.status) ? t : withStatus(t, 'closed', performedAt);
  },
  also: [noteEffect<{ id: string; noteId: string; resolution: string }>('resolution', (a) => a.resolution)],
});

export const reopenTicket = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    noteId: z.uuid(),
    reason: noteBody('Say why the ticket is reopened: the reason is recorded on the ticket.'),
  }),
  target: (a) => ({ entity: 'ticket', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.id);
  },
  apply: (row, { performedAt }) => {
    if (!row) return null;
    const t = row as Ticket;
    // Not closed: the server refuses, and the rejection's rebase removes the predicted note.
    return reopenError(t.status) ? t : withStatus(t, 'open', performedAt);
  },
  also: [noteEffect<{ id: string; noteId: string; reason: string }>('reopening', (a) => a.reason)],
});
