import { z } from 'zod';
import { WRITABLE_NOTE_KINDS, type NoteRecord } from '../protocol/records';
import { appendSlaEvent } from '../domain/sla-history';
import type { Ticket } from '../domain/ticket';
import { defineMutation, type ApplyContext } from './define';
import { noteBody } from './fields';

/** A note as the desk predicts it until the server's copy arrives: by whoever is signed in, recorded when made. */
export function predictedNote(
  note: Pick<NoteRecord, 'id' | 'ticketId' | 'kind' | 'body'>,
  performedAt: string,
  ctx: ApplyContext,
): NoteRecord {
  return { ...note, authorId: ctx.actorId ?? '', performedAt, recordedAt: performedAt };
}

export const addNote = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    ticketId: z.uuid(),
    kind: z.enum(
      WRITABLE_NOTE_KINDS,
      'Choose the kind of note: public_reply or internal_note (closing and reopening write their own notes).',
    ),
    body: noteBody('Write something: the note is empty.'),
  }),
  target: (a) => ({ entity: 'note', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.ticketId);
  },
  apply: (row, { args, performedAt }, ctx) => row ?? predictedNote(args, performedAt, ctx),
  also: [
    {
      // Activity on the ticket (the queue sorts by it); a public reply is a first response for the SLA engine.
      target: (a) => ({ entity: 'ticket', id: a.ticketId }),
      apply: (row, { args, performedAt }) => {
        if (!row) return null;
        const t = row as Ticket;
        const sla = args.kind === 'public_reply' ? appendSlaEvent(t.sla, { type: 'public_reply', at: performedAt }) : t.sla;
        return { ...t, updatedAt: performedAt, sla };
      },
    },
  ],
});
