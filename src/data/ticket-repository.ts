import { validateNewTicket, type FieldErrors, type NewTicketDraft } from '../domain/new-ticket';
import type { Ticket, TicketStatus } from '../domain/ticket';
import { transitionError } from '../domain/ticket-workflow';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import type { Live } from './live';
import { bucketOf, groupByBucket, type TicketBucket } from './ticket-buckets';
import { TicketCache } from './ticket-cache';

export type CreateTicketResult = { ok: true; ticket: Ticket } | { ok: false; errors: FieldErrors };

export class TicketRepository {
  private readonly cache: TicketCache;

  constructor(private readonly db: SwitchboardDb) {
    this.cache = new TicketCache(db);
  }

  /** Validates against the local reference data; writes nothing when the draft is refused. */
  async create(draft: NewTicketDraft, now: Date = new Date()): Promise<CreateTicketResult> {
    const result = await this.db.transaction('rw', this.db.ticketBuckets, this.db.clients, this.db.staff, async () => {
      const [clients, staff] = await Promise.all([this.db.clients.toArray(), this.db.staff.toArray()]);
      const checked = validateNewTicket(draft, {
        clients: new Map(clients.map((c) => [c.id, c])),
        staffIds: new Set(staff.map((s) => s.id)),
        now: now.toISOString(),
      });
      if (!checked.ok) return { result: checked, buckets: [] };
      const ticket: Ticket = { id: newId(), ...checked.ticket };
      return { result: { ok: true as const, ticket }, buckets: await this.writeInTransaction([ticket]) };
    });
    this.cache.committed(result.buckets);
    return result.result;
  }

  async setStatus(id: string, status: TicketStatus, now: Date = new Date()): Promise<void> {
    const buckets = await this.db.transaction('rw', this.db.ticketBuckets, async () => {
      const bucket = await this.db.ticketBuckets.get(bucketOf(id));
      const ticket = bucket?.tickets.find((t) => t.id === id);
      if (!ticket) throw new Error(`Ticket ${id} is not in the local store; sync and try again.`);
      const refused = transitionError(ticket.status, status);
      if (refused) throw new Error(refused);
      return this.writeInTransaction([{ ...ticket, status, updatedAt: now.toISOString() }]);
    });
    this.cache.committed(buckets);
  }

  /** The bulk path for demo data, benchmarks and sync snapshots: one transaction, no per-row validation. */
  async bulkPut(tickets: readonly Ticket[]): Promise<void> {
    const buckets = await this.db.transaction('rw', this.db.ticketBuckets, () => this.writeInTransaction(tickets));
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

  liveOne(id: string): Live<Ticket | undefined> {
    return this.liveFrom(() => this.cache.get(id));
  }

  /** Starts reading the stored tickets now, so the queue's first render does not wait to ask. */
  preload(): void {
    void this.cache.ensureLoaded();
  }

  close(): void {
    this.cache.close();
  }

  /** Read-modify-write of the touched buckets; the caller's transaction makes it atomic. */
  private async writeInTransaction(tickets: readonly Ticket[]): Promise<TicketBucket[]> {
    const groups = groupByBucket(tickets);
    const ids = [...groups.keys()];
    const existing = await this.db.ticketBuckets.bulkGet(ids);
    const buckets = ids.map((id, i): TicketBucket => {
      const merged = new Map((existing[i]?.tickets ?? []).map((t) => [t.id, t]));
      for (const t of groups.get(id)!) merged.set(t.id, t);
      return { id, tickets: [...merged.values()] };
    });
    await this.db.ticketBuckets.bulkPut(buckets);
    return buckets;
  }

  private liveFrom<T>(read: () => T): Live<T> {
    return {
      subscribe: (observer) => {
        let active = true;
        const emit = () => {
          if (active) observer.next(read());
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
