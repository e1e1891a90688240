// What each intent mutation does to the desk's copy of a row. One definition,
// used both when the person acts (the optimistic write) and when pulled server
// state is rebased under the still-unconfirmed mutations, so the two can never
// disagree. Pure: a row (or null) in, a row (or null) out.
//
// The server decides; these only predict. Where the server would refuse (an
// illegal transition, a ticket it does not have), the prediction is "no change",
// and the refusal arrives as a rejection that the rebase then undoes.
import type { Ticket } from '../domain/ticket';
import { transitionError } from '../domain/ticket-workflow';
import type { MutationArgs, MutationName } from '../protocol/mutations';
import type { ContactRecord, NoteRecord } from '../protocol/records';

export type SyncedEntity = 'ticket' | 'contact' | 'note';
export type SyncedRow = Ticket | ContactRecord | NoteRecord;

export interface RowRef {
  entity: SyncedEntity;
  id: string;
}

export type LocalMutation = { [N in MutationName]: { name: N; args: MutationArgs[N]; performedAt: string } }[MutationName];

export interface ApplyContext {
  /** Who is signed in on this desk; the author of notes made here. */
  actorId: string | null;
}

/** The one row a mutation changes (the server may also touch others, e.g. a note bumps its ticket's updatedAt). */
export function mutationTarget(m: Pick<LocalMutation, 'name' | 'args'>): RowRef {
  switch (m.name) {
    case 'createTicket':
    case 'updateTicket':
    case 'setStatus':
      return { entity: 'ticket', id: m.args.id };
    case 'addNote':
      return { entity: 'note', id: m.args.id };
    case 'upsertContact':
    case 'deleteContact':
      return { entity: 'contact', id: m.args.id };
  }
}

export function applyMutation(row: SyncedRow | null, m: LocalMutation, ctx: ApplyContext): SyncedRow | null {
  switch (m.name) {
    case 'createTicket': {
      // Already there: the server has it (a response lost after commit), keep its copy.
      if (row) return row;
      const a = m.args;
      const ticket: Ticket = {
        id: a.id,
        clientId: a.clientId,
        title: a.title,
        description: a.description,
        status: 'new',
        priority: a.priority,
        channel: a.channel,
        assigneeId: a.assigneeId,
        openedAt: m.performedAt,
        updatedAt: m.performedAt,
      };
      return ticket;
    }
    case 'updateTicket': {
      if (!row) return null;
      const t = row as Ticket;
      const a = m.args;
      return {
        ...t,
        title: a.title ?? t.title,
        description: a.description ?? t.description,
        priority: a.priority ?? t.priority,
        assigneeId: a.assigneeId === undefined ? t.assigneeId : a.assigneeId,
        updatedAt: m.performedAt,
      };
    }
    case 'setStatus': {
      if (!row) return null;
      const t = row as Ticket;
      if (transitionError(t.status, m.args.status)) return t;
      return { ...t, status: m.args.status, updatedAt: m.performedAt };
    }
    case 'addNote': {
      if (row) return row;
      const note: NoteRecord = { ...m.args, authorId: ctx.actorId ?? '', performedAt: m.performedAt, recordedAt: m.performedAt };
      return note;
    }
    case 'upsertContact': {
      const a = m.args;
      // The server stores an empty email or phone as none.
      const contact: ContactRecord = { id: a.id, clientId: a.clientId, name: a.name, email: a.email || null, phone: a.phone || null, role: a.role };
      return contact;
    }
    case 'deleteContact':
      return null;
  }
}
