// The client half of sync: push the outbox in order, pull changes from the
// cursor, and say plainly how it is going. Every step's effect on the local
// store is one transaction in SyncStore, so the engine object itself holds
// nothing that matters: drop it at any moment and a new one carries on.
import type { SyncStore } from '../../data/sync-store';
import { decodePullPage, PULL_LIMIT_MAX, type MeResponse, type PullPage, type PullResponse } from '../protocol';
import { PUSH_BATCH_MAX, type PushResponse } from '../protocol-mutations';
import { Backoff, type BackoffOptions } from './backoff';
import { offsetFromDateHeader } from './clock';
import { browserEventSource, PokeStream, type EventSourceFactory } from './event-stream';
import { HttpTransport, type FetchLike, type TransportFailure, type TransportResult } from './http-transport';
import { StatusCell, type SyncStatus } from './sync-status';

export interface SyncEngineOptions {
  store: SyncStore;
  baseUrl: string;
  /** The session token (from the bridge's credential store); null when signed out. */
  getToken: () => string | null | Promise<string | null>;
  fetch?: FetchLike;
  /** null: no event stream (tests); default: the browser's EventSource. */
  eventSource?: EventSourceFactory | null;
  /** This desk's clock: stamps performedAt and measures the server's offset, never orders anything. */
  now?: () => Date;
  backoff?: BackoffOptions;
  pullLimit?: number;
  pushBatch?: number;
  timeoutMs?: number;
  /** Where `online`/`offline` events come from; default window. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** false: sync only when syncNow() is called (deterministic tests). Default true. */
  auto?: boolean;
  /** Without pokes, pull this often while online. */
  pollIntervalMs?: number;
}

export type InitialSyncProgress = (p: { received: number; total: number }) => void;

class SyncFailure extends Error {
  constructor(readonly failure: TransportFailure) {
    super(failure.message);
  }
}

const MAX_CLOCK_NOISE_MS = 2000;

export class SyncEngine {
  readonly status = new StatusCell();
  private readonly transport: HttpTransport;
  private readonly backoff: Backoff;
  private readonly pokes: PokeStream;
  private readonly now: () => Date;
  private readonly auto: boolean;
  private running: Promise<void> | null = null;
  private requested = false;
  private checkedToken: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private readonly cleanups: (() => void)[] = [];
  private progress: InitialSyncProgress | null = null;
  private stopped = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.transport = new HttpTransport({ baseUrl: options.baseUrl, getToken: options.getToken, fetch: options.fetch, timeoutMs: options.timeoutMs });
    this.backoff = new Backoff(options.backoff);
    this.now = options.now ?? (() => new Date());
    this.auto = options.auto ?? true;
    this.pokes = new PokeStream(options.eventSource === undefined ? browserEventSource : options.eventSource, {
      onPoke: () => this.kick(),
      onSessionExpired: () => this.signedOut('Your session has expired. Sign in again; changes made meanwhile stay in the outbox.'),
    });
  }

  /** Watches the outbox and the network and syncs whenever there is something to do. */
  start(): void {
    this.stopped = false;
    const pending = this.options.store.livePending().subscribe({ next: (n) => this.status.set({ pending: n }) });
    // Push on a new local change. Not on "the count grew": a change made while an
    // older one is leaving the outbox keeps the count level and would wait for the poll.
    let newestSeq: number | null = null;
    const newest = this.options.store.liveNewestSeq().subscribe({
      next: (seq) => {
        // Any change of the newest entry (a new change, or a renumbered outbox) is worth a push.
        const changed = newestSeq !== null && seq !== newestSeq && seq > 0;
        newestSeq = seq;
        if (changed && this.auto) this.kick();
      },
    });
    const rejections = this.options.store.liveRejections().subscribe({
      next: (rows) => this.status.set({ rejected: rows.map((r) => ({ id: r.id, seq: r.seq, name: r.name, reason: r.reason, at: r.at })) }),
    });
    this.cleanups.push(() => pending.unsubscribe(), () => newest.unsubscribe(), () => rejections.unsubscribe());
    const events = this.options.events === undefined ? (typeof window === 'undefined' ? null : window) : this.options.events;
    if (events && this.auto) {
      const online = () => this.kick();
      const offline = () => this.status.set({ connection: 'offline' });
      events.addEventListener('online', online);
      events.addEventListener('offline', offline);
      this.cleanups.push(() => events.removeEventListener('online', online), () => events.removeEventListener('offline', offline));
    }
    if (this.auto) this.pollTimer = setInterval(() => this.kick(), this.options.pollIntervalMs ?? 60_000);
    if (this.auto) this.kick();
  }

  stop(): void {
    this.stopped = true;
    for (const c of this.cleanups.splice(0)) c();
    this.pokes.close();
    clearTimeout(this.retryTimer);
    clearInterval(this.pollTimer);
  }

  /** A sync nobody awaits (timers, pokes, events): an unexpected failure shows in the status instead of vanishing. */
  private kick(): void {
    this.syncNow().catch((error: unknown) => {
      if (!this.stopped) this.status.set({ error: `Sync stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}` });
    });
  }

  /** Push then pull until caught up. Calls during a run make it go round once more; all share one promise. */
  syncNow(): Promise<void> {
    this.requested = true;
    this.running ??= (async () => {
      try {
        while (this.requested && !this.stopped) {
          this.requested = false;
          await this.cycle();
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** The first download (or a re-download), reporting progress; the bootstrap benchmark times this. */
  async initialSync(onProgress?: InitialSyncProgress): Promise<SyncStatus> {
    this.progress = onProgress ?? null;
    try {
      await this.syncNow();
    } finally {
      this.progress = null;
    }
    return this.status.get();
  }

  private async cycle(): Promise<void> {
    clearTimeout(this.retryTimer);
    // A new attempt: the last failure's message no longer describes what is happening.
    if (this.status.get().connection !== 'online') this.status.set({ connection: 'connecting', error: null });
    try {
      if (!(await this.ensureSession())) return;
      // A reset re-downloads and leaves the outbox to push again; a few rounds settle any race with other tabs.
      for (let round = 0; round < 4; round++) {
        await this.pushAll();
        await this.pullAll();
        if ((await this.options.store.pendingBatch(1)).length === 0) break;
      }
      const token = await this.transport.token();
      if (token) this.pokes.ensureOpen(this.transport.baseUrl, token);
      const state = await this.options.store.state();
      this.status.set({ connection: 'online', error: null, lastSyncedAt: state.lastSyncedAt, pending: await this.options.store.pendingCount() });
      this.backoff.reset();
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      this.fail(error.failure);
    } finally {
      this.status.set({ initialSync: null, pending: await this.options.store.pendingCount() });
    }
  }

  private fail(f: TransportFailure): void {
    if (f.kind === 'unauthorized') return this.signedOut(f.message);
    this.status.set({ connection: f.kind === 'network' ? 'offline' : 'online', error: f.message });
    if (this.auto && !this.stopped) this.retryTimer = setTimeout(() => this.kick(), this.backoff.next());
  }

  private signedOut(message: string): void {
    // Nothing local is touched: the outbox waits for the next sign-in (call syncNow then).
    this.checkedToken = null;
    this.pokes.close();
    this.status.set({ connection: 'signed-out', error: message });
  }

  private async ok<T>(res: TransportResult<T>): Promise<T> {
    if (!res.ok) throw new SyncFailure(res);
    await this.noteClock(res.serverDate);
    return res.value;
  }

  private async noteClock(serverDate: string | null): Promise<void> {
    const offset = offsetFromDateHeader(serverDate, this.now());
    if (offset === null) return;
    const known = (await this.options.store.state()).clockOffsetMs;
    if (known === null || Math.abs(known - offset) > MAX_CLOCK_NOISE_MS) await this.options.store.setClockOffset(offset);
  }

  /** Which workspace and person the token belongs to; a store never mixes two workspaces. */
  private async ensureSession(): Promise<boolean> {
    const token = await this.transport.token();
    if (token && token === this.checkedToken) return true;
    const me = await this.ok(await this.transport.get<MeResponse>('/api/me'));
    if (!(await this.options.store.bindSession(me.workspace.id, me.user.id))) {
      this.status.set({
        connection: 'signed-out',
        error: `This console holds another workspace's data, not ${me.workspace.name}'s. Sign in to that workspace, or reset this console's local data to use ${me.workspace.name}.`,
      });
      return false;
    }
    this.checkedToken = token;
    return true;
  }

  private async pushAll(): Promise<void> {
    const store = this.options.store;
    let size = Math.min(this.options.pushBatch ?? PUSH_BATCH_MAX, PUSH_BATCH_MAX);
    for (let gaps = 0; ; ) {
      const batch = await store.pendingBatch(size);
      if (batch.length === 0) return;
      const res = await this.transport.post<PushResponse>('/api/sync/push', { mutations: batch });
      if (!res.ok && res.kind === 'invalid' && res.code === 'payload_too_large' && size > 1) {
        size = Math.ceil(size / 2);
        continue;
      }
      if (!res.ok && res.kind === 'invalid' && res.code === 'invalid_request') {
        // One malformed entry fails the whole batch: find it alone, then set it aside.
        if (batch.length > 1) size = 1;
        else await store.dropUnsendable(batch[0]!.seq, `The server cannot accept this change: ${res.message}`, this.now());
        continue;
      }
      const outcome = await store.applyPushResults((await this.ok(res)).results, this.now());
      if (outcome.retry && ++gaps > 3) throw new SyncFailure({ kind: 'server', status: 409, message: 'The server keeps asking for changes this desk no longer has; sync paused. Tell your administrator.' });
    }
  }

  private async pullAll(): Promise<void> {
    const store = this.options.store;
    const limit = Math.min(this.options.pullLimit ?? PULL_LIMIT_MAX, PULL_LIMIT_MAX);
    let progress: { received: number; total: number } | null = null;
    let appliedFrom = (await store.state()).cursor;
    let cursor = appliedFrom;
    // A download from cursor 0 stays one until it is complete, across its applies.
    let fullDownload = appliedFrom === 0;
    let buffer: PullResponse[] = [];
    let buffered = 0;
    const fetchPage = (from: number) => {
      const request = this.transport.get<PullPage>(`/api/sync/pull?cursor=${from}&limit=${limit}`);
      request.catch(() => undefined); // awaited below, or dropped when the loop ends early
      return request;
    };
    let prefetched: ReturnType<typeof fetchPage> | null = null;
    for (let resets = 0, pages = 0; pages < 100_000; pages++) {
      const res = await (prefetched ?? fetchPage(cursor));
      prefetched = null;
      if (!res.ok && res.kind === 'reset_required') {
        if (++resets > 2) throw new SyncFailure(res);
        await store.requireRedownload();
        appliedFrom = cursor = 0;
        fullDownload = true;
        buffer = [];
        buffered = 0;
        continue;
      }
      const page = decodePullPage(await this.ok(res));
      if (cursor === 0 && page.total !== undefined) progress = { received: 0, total: page.total };
      buffer.push(page);
      buffered += page.changes.length;
      cursor = page.nextCursor;
      // The server prepares the next page while this one is applied.
      if (page.hasMore) prefetched = fetchPage(cursor);
      if (progress) {
        progress = { received: progress.received + page.changes.length, total: progress.total };
        this.status.set({ initialSync: progress });
        this.progress?.(progress);
      }
      // A full download gathers pages into large transactions: each apply rewrites
      // every bucket it touches, so applying 1,000 changes at a time would rewrite
      // the whole growing store hundreds of times at 100,000 tickets (measured:
      // after the first large apply, per-page applies slowed it to ~1,000 changes/s).
      if (fullDownload && page.hasMore && buffered < BOOTSTRAP_APPLY_CHANGES) continue;
      const outcome = await store.applyPullPage(appliedFrom, mergePages(buffer), this.now());
      buffer = [];
      buffered = 0;
      if (!outcome.applied) {
        // Stale: another tab moved the cursor meanwhile; pull again from where it is now.
        appliedFrom = cursor = (await store.state()).cursor;
        fullDownload = appliedFrom === 0;
        prefetched = null;
        continue;
      }
      appliedFrom = cursor;
      if (!page.hasMore) return;
    }
  }
}

/**
 * Changes per transaction during a full download. Every apply rewrites each
 * bucket it touches, so fewer is faster: a 457,751-change workspace in one
 * transaction applied in ~3.5 s, in 100,000-change chunks ~6 s. The cap keeps
 * a far larger workspace from being held in memory whole.
 */
export const BOOTSTRAP_APPLY_CHANGES = 1_000_000;

/** Consecutive pages as one: later pages carry the newer version of a row, and writes apply in order. */
export function mergePages(pages: readonly PullResponse[]): PullResponse {
  const last = pages[pages.length - 1]!;
  if (pages.length === 1) return last;
  return { ...last, changes: pages.flatMap((p) => p.changes), total: pages[0]!.total };
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  return new SyncEngine(options);
}
