// The client half of sync: push the outbox in order, pull changes from the
// cursor, and say plainly how it is going. Every step's effect on the local
// store is one transaction in SyncStore, so the engine object itself holds
// nothing that matters: drop it at any moment and a new one carries on.
import type { SyncStore } from '../data/sync-store';
import { decodePullPage, decodeSnapshotPage, PULL_LIMIT_MAX, snapshotEntityOf, type Change, type MeResponse, type PullPage, type SnapshotWirePage } from '../protocol';
import { PUSH_BATCH_MAX, type PushResponse } from '../protocol/mutations';
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
  /** Another window took over this desk's download: the next attempt leaves that one alone while it is alive. */
  private lostDownload = false;
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
      // A sync still running when stop() came must not reopen the stream it closed.
      if (token && !this.stopped) this.pokes.ensureOpen(this.transport.baseUrl, token);
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

  private get pageLimit(): number {
    return Math.min(this.options.pullLimit ?? PULL_LIMIT_MAX, PULL_LIMIT_MAX);
  }

  /** Pull until caught up; a store without a cursor downloads the workspace first. */
  private async pullAll(): Promise<void> {
    const store = this.options.store;
    for (let resets = 0; ; ) {
      if ((await store.state()).cursor === 0) await this.download();
      const from = (await store.state()).cursor;
      if (from === 0) {
        throw new SyncFailure({ kind: 'server', status: 409, message: 'Another window of this console is downloading the workspace; this one follows when it has finished.' });
      }
      if (await this.pullFrom(from)) return;
      // The server no longer remembers deletes back to our cursor: download again, keeping the outbox.
      if (++resets > 2) throw new SyncFailure({ kind: 'server', status: 409, message: 'The server keeps asking this desk to download the workspace again; sync paused. Tell your administrator.' });
      await store.requireRedownload();
    }
  }

  /**
   * The first download, from the snapshot: each kind of row is stored once the
   * snapshot has moved past it, so every bucket is written once, and the queue
   * fills with tickets while their history is still arriving.
   */
  private async download(): Promise<void> {
    const store = this.options.store;
    const downloadId = crypto.randomUUID();
    const fetchPage = (after: string | null) => {
      const request = this.transport.get<SnapshotWirePage>(`/api/sync/snapshot?limit=${this.pageLimit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      request.catch(() => undefined); // awaited below, or dropped when the loop ends early
      return request;
    };
    let next = fetchPage(null);
    let cursor: number | null = null;
    let progress = { received: 0, total: 0 };
    let held: Change[][] = [];
    let first = true;
    // Parts are stored one after another while the pages keep coming: storing
    // 250,000 history events takes seconds, and the download need not wait.
    let storing: Promise<boolean> = Promise.resolve(true);
    let lost = false;
    for (;;) {
      const page = decodeSnapshotPage(await this.ok(await next));
      if (lost) break;
      // The server reads the next page while this one is handled.
      if (page.next) next = fetchPage(page.next);
      cursor ??= page.cursor;
      progress = { received: progress.received + page.changes.length, total: page.total ?? progress.total };
      this.status.set({ initialSync: progress });
      this.progress?.(progress);
      held.push(page.changes);
      // Rows of the kind still arriving wait for the rest of their kind. Kinds
      // arrive in order, so if the oldest held row is of that kind, all are.
      const arriving = page.next ? snapshotEntityOf(page.next) : null;
      if (arriving && held.find((p) => p.length > 0)?.[0]?.entity === arriving) continue;
      const all = held.flat();
      const ready = arriving ? all.filter((c) => c.entity !== arriving) : all;
      held = arriving ? [all.filter((c) => c.entity === arriving)] : [];
      if (ready.length === 0 && page.next) continue;
      const part = { downloadId, first, finalCursor: page.next ? null : cursor, yieldToOthers: this.lostDownload };
      first = false;
      storing = storing.then(async (ours) => {
        // Stale: another window finished the download, or took it over; leave it to that one.
        const applied = ours && (await store.applySnapshotPart(part, ready, this.now())).applied;
        lost ||= !applied;
        return applied;
      });
      storing.catch(() => undefined); // a failed part is rethrown below
      if (!page.next) break;
    }
    this.lostDownload = !(await storing);
  }

  /** Pages from the cursor until caught up; false if the server wants a fresh download instead. */
  private async pullFrom(from: number): Promise<boolean> {
    const store = this.options.store;
    for (let cursor = from, pages = 0; pages < 100_000; pages++) {
      const res = await this.transport.get<PullPage>(`/api/sync/pull?cursor=${cursor}&limit=${this.pageLimit}`);
      if (!res.ok && res.kind === 'reset_required') return false;
      const page = decodePullPage(await this.ok(res));
      const outcome = await store.applyPullPage(cursor, page, this.now());
      // Stale: another tab moved the cursor meanwhile; pull again from where it is now.
      cursor = outcome.applied ? page.nextCursor : (await store.state()).cursor;
      if (cursor === 0) return true;
      if (outcome.applied && !page.hasMore) return true;
    }
    return true;
  }
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  return new SyncEngine(options);
}
