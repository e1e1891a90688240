import { z } from 'zod';
import { NOTE_KINDS, type NoteRecord } from '../protocol/records';
import { defineMutation } from './define';
import { BODY_MAX, text } from './fields';

export const addNote = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    ticketId: z.uuid(),
    kind: z.enum(NOTE_KINDS),
    body: text().trim().min(1, 'Write something: the note is empty.').max(BODY_MAX, `Shorten the note to ${BODY_MAX} characters.`),
  }),
  target: (a) => ({ entity: 'note', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.ticketId);
  },
  apply: (row, { args, performedAt }, ctx) => {
    if (row) return row;
    const note: NoteRecord = { ...args, authorId: ctx.actorId ?? '', performedAt, recordedAt: performedAt };
    return note;
  },
});
