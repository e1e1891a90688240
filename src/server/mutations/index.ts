import type { Mutation, MutationName } from '../../protocol';
import { deleteContact, upsertContact } from './contact-mutations';
import type { MutationHandler } from './context';
import { addNote } from './note-mutations';
import { createTicket, setStatus, updateTicket } from './ticket-mutations';

/** One handler per mutation name: adding a name to the protocol without a handler fails type-checking here. */
export const mutationHandlers: { [N in MutationName]: MutationHandler<N> } = {
  createTicket,
  updateTicket,
  setStatus,
  addNote,
  upsertContact,
  deleteContact,
};

export interface NamedIds {
  tickets: string[];
  clients: string[];
  staff: string[];
}

/** Adds the rows a mutation names: push reads them (and locks the tickets) in one statement before the first mutation runs. */
export function addNamedIds(m: Mutation, into: NamedIds): void {
  switch (m.name) {
    case 'createTicket':
      into.clients.push(m.args.clientId);
      if (m.args.assigneeId) into.staff.push(m.args.assigneeId);
      return;
    case 'updateTicket':
      into.tickets.push(m.args.id);
      if (m.args.assigneeId) into.staff.push(m.args.assigneeId);
      return;
    case 'setStatus':
      into.tickets.push(m.args.id);
      return;
    case 'addNote':
      into.tickets.push(m.args.ticketId);
      return;
    case 'upsertContact':
      into.clients.push(m.args.clientId);
      return;
    case 'deleteContact':
      return;
  }
}
