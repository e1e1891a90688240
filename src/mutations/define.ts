// What a mutation is: one definition per name (docs/sync-protocol.md, "Mutations: one definition per name").
// The same definition checks the arguments (desk before queuing, server before
// applying), names the row the desk changes, lists the rows the server reads
// before applying, and predicts the desk's copy of the row. The server's
// authoritative handler for each name is in src/server/mutations, checked
// against the same names by the compiler.
import type { z } from 'zod';
import type { Client, Ticket } from '../domain/ticket';
import type {
  ApprovalRequestRecord,
  CallbackRecord,
  CallRecord,
  ContactRecord,
  EscalationRecord,
  NoteRecord,
  RequestTypeRecord,
  TimeEntryRecord,
  VisitRecord,
} from '../protocol/records';

export type SyncedEntity =
  | 'ticket'
  | 'contact'
  | 'note'
  | 'time_entry'
  | 'escalation'
  | 'request_type'
  | 'client'
  | 'approval_request'
  | 'call'
  | 'callback'
  | 'visit';
export type SyncedRow =
  | Ticket
  | ContactRecord
  | NoteRecord
  | TimeEntryRecord
  | EscalationRecord
  | RequestTypeRecord
  | Client
  | ApprovalRequestRecord
  | CallRecord
  | CallbackRecord
  | VisitRecord;

export interface RowRef {
  entity: SyncedEntity;
  id: string;
}

/** Rows the server reads (and, for tickets, locks) in one statement before the first mutation of a push runs. */
export interface NamedIds {
  tickets: string[];
  clients: string[];
  staff: string[];
}

export interface ApplyContext {
  /** Who is signed in on this desk; the author of notes made here. */
  actorId: string | null;
}

/** A mutation as the desk applies it: its arguments and when the person acted (the desk's clock). */
export interface Applied<A> {
  args: A;
  performedAt: string;
}

export interface MutationDefinition<S extends z.ZodType = z.ZodType> {
  /** The arguments' schema: the desk checks it before queuing, the server before applying. */
  args: S;
  /** The one row the mutation changes on the desk (the server may also touch others, e.g. a note bumps its ticket). */
  target(args: z.output<S>): RowRef;
  /** Adds the rows the server's handler will read, so push reads them all at once. */
  names(args: z.output<S>, into: NamedIds): void;
  /**
   * The desk's prediction, pure: the row (or null) before, the row (or null)
   * after. Used when the person acts and again when pulled server state is
   * rebased under mutations not yet confirmed, so the two never disagree.
   * The server decides; where it would refuse, predict "no change" and let
   * the rejection's rebase undo the rest.
   */
  apply(row: SyncedRow | null, m: Applied<z.output<S>>, ctx: ApplyContext): SyncedRow | null;
  /**
   * Other rows the mutation changes on the desk, each with its own pure
   * prediction (a public reply meets its ticket's first-response clock). A
   * target of null: this mutation leaves that row alone.
   */
  also?: ReadonlyArray<SideEffect<z.output<S>>>;
}

export interface SideEffect<A> {
  target(args: A): RowRef | null;
  apply(row: SyncedRow | null, m: Applied<A>, ctx: ApplyContext): SyncedRow | null;
}

/** Types a definition from its schema, so target, names and apply see the parsed arguments. */
export function defineMutation<S extends z.ZodType>(definition: MutationDefinition<S>): MutationDefinition<S> {
  return definition;
}
