import type { Ticket } from '../domain/ticket';
import type { SwitchboardDb } from './db';
import { firstScreenGeneration, rebuildFirstScreen } from './first-screen';
import type { TicketBucket } from './ticket-buckets';

type Listener = () => void;

/** When the stored tickets have been read; the queue benchmark reports it. */
export const TICKETS_READ_MARK = 'store:tickets-read';

/**
 * All tickets in memory, loaded once from the buckets and kept current by the
 * repository's own writes and by other tabs' (a BroadcastChannel names the
 * buckets they rewrote). The queue reads from here, never re-reads IndexedDB.
 */
export class TicketCache {
  private tickets = new Map<string, Ticket>();
  private readonly buckets = new Map<number, readonly Ticket[]>();
  private loaded: Promise<void> | null = null;
  private complete = false;
  private snapshot: Ticket[] | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly channel: BroadcastChannel | null;

  constructor(private readonly db: SwitchboardDb) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`switchboard:${db.name}:buckets`);
    if (this.channel) this.channel.onmessage = (e: MessageEvent<number[]>) => void this.reloadBuckets(e.data);
  }

  ensureLoaded(): Promise<void> {
    this.loaded ??= this.db
      // One transaction, so the generation is the one these buckets were written at.
      .transaction('r', this.db.ticketBuckets, this.db.firstScreen, () =>
        Promise.all([this.db.ticketBuckets.toArray(), firstScreenGeneration(this.db)]),
      )
      .then(([buckets, generation]) => {
        performance.mark(TICKETS_READ_MARK);
        for (const b of buckets) this.absorb(b);
        this.complete = true;
        this.scheduleFirstScreenRebuild(generation);
      });
    return this.loaded;
  }

  /** Whether every stored ticket has been read: before that, all() holds only what this tab wrote. */
  get isLoaded(): boolean {
    return this.complete;
  }

  /** Records buckets the caller has just committed, and tells other tabs. */
  committed(buckets: readonly TicketBucket[]): void {
    for (const b of buckets) this.absorb(b);
    this.changed();
    this.channel?.postMessage(buckets.map((b) => b.id));
  }

  all(): Ticket[] {
    this.snapshot ??= Array.from(this.tickets.values());
    return this.snapshot;
  }

  get(id: string): Ticket | undefined {
    return this.tickets.get(id);
  }

  get size(): number {
    return this.tickets.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
  }

  private absorb(bucket: TicketBucket): void {
    // A bucket is whole: what it no longer holds was deleted (a tombstone from sync).
    const previous = this.buckets.get(bucket.id);
    if (previous) {
      const kept = new Set(bucket.tickets.map((t) => t.id));
      for (const t of previous) if (!kept.has(t.id)) this.tickets.delete(t.id);
    }
    for (const t of bucket.tickets) this.tickets.set(t.id, t);
    this.buckets.set(bucket.id, bucket.tickets);
  }

  /**
   * Writes the queue's first screen from what was just read, after the queue
   * has had its turn to render it. Refused if a write committed since the read.
   */
  private scheduleFirstScreenRebuild(generation: number): void {
    const rebuild = () =>
      void rebuildFirstScreen(this.db, generation, this.tickets.values()).catch(() => {
        // The store closed meanwhile (a test, a deleted workspace): the next load rebuilds it.
      });
    if (typeof requestIdleCallback === 'function') requestIdleCallback(rebuild, { timeout: 2000 });
    else setTimeout(rebuild, 0);
  }

  private async reloadBuckets(ids: number[]): Promise<void> {
    await this.ensureLoaded();
    const buckets = await this.db.ticketBuckets.bulkGet(ids);
    for (const b of buckets) if (b) this.absorb(b);
    this.changed();
  }

  private changed(): void {
    this.snapshot = null;
    for (const l of this.listeners) l();
  }
}
