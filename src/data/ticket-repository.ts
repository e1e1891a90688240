import { validateNewTicket, type FieldErrors, type NewTicketDraft } from '../domain/new-ticket';
import type { Ticket, TicketStatus } from '../domain/ticket';
import { closeError, reopenError, statusChangeError } from '../domain/ticket-workflow';
import type { NoteRecord } from '../protocol/records';
import type { MutationArgs } from '../protocol/mutations';
import type { SwitchboardDb } from './db';
import { readFirstScreen } from './first-screen';
import { newId } from './ids';
import type { Live } from './live';
import { readRow, syncTables, writeTickets } from './local-rows';
import { LocalMutationRefused, recordMutation, type MutationInput } from './outbox';
import type { TicketBucket } from './ticket-buckets';
import { TicketCache } from './ticket-cache';

/** What a request with a lead time adds to a new ticket (docs/domain/lead-times.md). */
export interface TicketRequestDetails {
  requestTypeId: string;
  requestParam: number | null;
  customerWantedDate: string | null;
}
export type RequestField = 'requestTypeId' | 'requestParam' | 'customerWantedDate';
export type CreateTicketErrors = FieldErrors & Partial<Record<RequestField, string>>;
export type CreateTicketResult = { ok: true; ticket: Ticket } | { ok: false; errors: CreateTicketErrors };
export type TicketPatch = Omit<MutationArgs['updateTicket'], 'id'>;

const DRAFT_FIELDS = new Set<string>([
  'clientId',
  'title',
  'description',
  'priority',
  'channel',
  'assigneeId',
  'requestTypeId',
  'requestParam',
  'customerWantedDate',
]);
/** A refusal names a draft field when it can, so the form shows it beside that field (a clock refusal goes under the title). */
const fieldOf = (e: LocalMutationRefused): keyof CreateTicketErrors =>
  e.field && DRAFT_FIELDS.has(e.field) ? (e.field as keyof CreateTicketErrors) : 'title';

function requestArgs(request: TicketRequestDetails | null): Partial<MutationArgs['createTicket']> {
  if (request === null) return {};
  return {
    requestTypeId: request.requestTypeId,
    ...(request.requestParam === null ? {} : { requestParam: request.requestParam }),
    ...(request.customerWantedDate === null ? {} : { customerWantedDate: request.customerWantedDate }),
  };
}

export class TicketRepository {
  private readonly cache: TicketCache;

  constructor(private readonly db: SwitchboardDb) {
    this.cache = new TicketCache(db);
  }

  /**
   * Validates against the local reference data; writes nothing when the draft
   * is refused. The ticket and its createTicket outbox entry commit together.
   */
  async create(draft: NewTicketDraft, now: Date = new Date(), request: TicketRequestDetails | null = null): Promise<CreateTicketResult> {
    const result = await this.db.transaction('rw', syncTables(this.db), async () => {
      const [clients, staff] = await Promise.all([this.db.clients.toArray(), this.db.staff.toArray()]);
      const checked = validateNewTicket(draft, {
        clients: new Map(clients.map((c) => [c.id, c])),
        staffIds: new Set(staff.map((s) => s.id)),
        now: now.toISOString(),
      });
      if (!checked.ok) return { result: checked, buckets: [] };
      const { clientId, title, description, priority, channel, assigneeId } = checked.ticket;
      try {
        const recorded = await recordMutation(
          this.db,
          {
            name: 'createTicket',
            args: { id: newId(), clientId, title, description, priority, channel, assigneeId, ...requestArgs(request) },
          },
          now,
        );
        return { result: { ok: true as const, ticket: recorded.row as Ticket }, buckets: recorded.buckets };
      } catch (error) {
        if (!(error instanceof LocalMutationRefused)) throw error;
        return { result: { ok: false as const, errors: { [fieldOf(error)]: error.message } }, buckets: [] };
      }
    });
    this.cache.committed(result.buckets);
    return result.result;
  }

  async setStatus(id: string, status: TicketStatus, now: Date = new Date()): Promise<void> {
    await this.change(id, now, (ticket) => {
      const refused = statusChangeError(ticket.status, status);
      if (refused) throw new LocalMutationRefused(refused);
      return { name: 'setStatus', args: { id, status } };
    });
  }

  /** Closes with a resolution note (docs/domain/ticket-workflow.md); refused, writing nothing, when empty or already closed. */
  async closeTicket(id: string, resolution: string, now: Date = new Date()): Promise<void> {
    await this.change(id, now, (ticket) => {
      const refused = closeError(ticket.status);
      if (refused) throw new LocalMutationRefused(refused);
      return { name: 'closeTicket', args: { id, noteId: newId(), resolution } };
    });
  }

  /** Reopens a closed ticket, recording why; refused, writing nothing, when the reason is empty or the ticket is not closed. */
  async reopenTicket(id: string, reason: string, now: Date = new Date()): Promise<void> {
    await this.change(id, now, (ticket) => {
      const refused = reopenError(ticket.status);
      if (refused) throw new LocalMutationRefused(refused);
      return { name: 'reopenTicket', args: { id, noteId: newId(), reason } };
    });
  }

  /** An internal note or a public reply (which meets the first-response clock); an empty one is refused before queuing. */
  async addNote(
    ticketId: string,
    kind: Extract<NoteRecord['kind'], 'public_reply' | 'internal_note'>,
    body: string,
    now: Date = new Date(),
  ): Promise<void> {
    await this.change(ticketId, now, () => ({ name: 'addNote', args: { id: newId(), ticketId, kind, body } }));
  }

  /** Priority, assignee, title or description; only the fields given change. */
  async updateTicket(id: string, patch: TicketPatch, now: Date = new Date()): Promise<void> {
    await this.change(id, now, () => ({ name: 'updateTicket', args: { id, ...patch } }));
  }

  /** The bulk path for demo data, benchmarks and sync snapshots: one transaction, no per-row validation. */
  async bulkPut(tickets: readonly Ticket[]): Promise<void> {
    const buckets = await this.db.transaction('rw', this.db.ticketBuckets, this.db.firstScreen, () => this.writeInTransaction(tickets));
    this.cache.committed(buckets);
  }

  async get(id: string): Promise<Ticket | undefined> {
    await this.cache.ensureLoaded();
    return this.cache.get(id);
  }

  async count(): Promise<number> {
    await this.cache.ensureLoaded();
    return this.cache.size;
  }

  liveAll(): Live<Ticket[]> {
    return this.liveFrom(() => this.cache.all());
  }

  /**
   * The first rows of the queue's default view (first-screen.ts), from one small
   * record: what the queue shows until liveAll's first value. Null when the
   * store has no trustworthy record yet, or it cannot be read; never an error.
   */
  liveFirstScreen(): Live<Ticket[] | null> {
    return {
      subscribe: (observer) => {
        let active = true;
        // A record that cannot be read is no record: the queue must still go on to the full load.
        readFirstScreen(this.db)
          .catch((err: unknown) => {
            console.error('first screen unreadable', err);
            return null;
          })
          .then((rows) => {
            if (active) observer.next(rows);
          });
        return {
          unsubscribe: () => {
            active = false;
          },
        };
      },
    };
  }

  liveOne(id: string): Live<Ticket | undefined> {
    return this.liveFrom(() => this.cache.get(id));
  }

  close(): void {
    this.cache.close();
  }

  /** Buckets another writer on this store (the sync engine) has just committed. */
  absorbCommitted(buckets: readonly TicketBucket[]): void {
    if (buckets.length > 0) this.cache.committed(buckets);
  }

  private async change(id: string, now: Date, decide: (ticket: Ticket) => MutationInput): Promise<void> {
    const buckets = await this.db.transaction('rw', syncTables(this.db), async () => {
      const ticket = (await readRow(this.db, { entity: 'ticket', id })) as Ticket | null;
      if (!ticket) throw new Error(`Ticket ${id} is not in the local store; sync and try again.`);
      return (await recordMutation(this.db, decide(ticket), now)).buckets;
    });
    this.cache.committed(buckets);
  }

  /** Read-modify-write of the touched buckets; the caller's transaction makes it atomic. */
  private writeInTransaction(tickets: readonly Ticket[]): Promise<TicketBucket[]> {
    return writeTickets(this.db, new Map(tickets.map((t) => [t.id, t])));
  }

  private liveFrom<T>(read: () => T): Live<T> {
    return {
      subscribe: (observer) => {
        let active = true;
        // Nothing before the full load: a ticket written meanwhile is not the whole set.
        const emit = () => {
          if (active && this.cache.isLoaded) observer.next(read());
        };
        const unsubscribe = this.cache.subscribe(emit);
        this.cache.ensureLoaded().then(emit, (err: unknown) => observer.error?.(err));
        return {
          unsubscribe: () => {
            active = false;
            unsubscribe();
          },
        };
      },
    };
  }
}
