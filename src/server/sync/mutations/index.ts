import type { MutationName } from '../../../sync/protocol';
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
