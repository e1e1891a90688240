// The client half of sync: when to sync (local changes, pokes, the network
// coming back, a poll, retries with backoff), what a failure means for the
// status, and the order of one sync: session, push (push.ts), pull (pull.ts,
// which downloads first when the store is empty: download.ts). Every step's
// effect on the local store is one transaction in SyncStore, so the engine
// object itself holds nothing that matters: drop it at any moment and a new
// one carries on.
import type { SyncStore } from '../data/sync-store';
import type { MeResponse } from '../protocol';
import { Backoff, type BackoffOptions } from './backoff';
import { download, type InitialSyncProgress } from './download';
import { browserEventSource, PokeStream, type EventSourceFactory } from './event-stream';
import { HttpTransport, type FetchLike, type TransportFailure } from './http-transport';
import { pullAll } from './pull';
import { pushAll } from './push';
import { SyncFailure, syncStep, type SyncStep } from './sync-step';
import { StatusCell, type SyncStatus } from './sync-status';

export type { InitialSyncProgress } from './download';

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
  /** The protocol this desk speaks; tests make desks older or newer than the server. */
  protocolVersion?: number;
}

export class SyncEngine {
  readonly status = new StatusCell();
  private readonly transport: HttpTransport;
  private readonly step: SyncStep;
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
  /** The browser's last word on the network (its online/offline events): offline until it says online again. */
  private networkDown = false;
  private stopped = false;
  /**
   * The server speaks another protocol version. Lasting: nothing this desk does
   * changes it, so only the poll (or an explicit syncNow) asks again, never a
   * local change, a poke, the network coming back or a backoff retry.
   */
  private upgradeRequired = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.transport = new HttpTransport({
      baseUrl: options.baseUrl,
      getToken: options.getToken,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      protocolVersion: options.protocolVersion,
    });
    this.backoff = new Backoff(options.backoff);
    this.now = options.now ?? (() => new Date());
    this.step = syncStep(options.store, this.transport, this.now, options.pullLimit);
    this.auto = options.auto ?? true;
    this.pokes = new PokeStream(options.eventSource === undefined ? browserEventSource : options.eventSource, {
      onPoke: () => this.nudge(),
      onSessionExpired: () => this.signedOut('Your session has expired. Sign in again; changes made meanwhile stay in the outbox.'),
      onDrop: () => this.streamDropped(),
    });
  }

  /** Watches the outbox and the network and syncs whenever there is something to do. */
  start(): void {
    this.stopped = false;
    // The last real sync is in the store: until this run syncs, that is what the status bar shows, not "never".
    void this.options.store.lastSyncedAt().then((at) => {
      if (!this.stopped && this.status.get().lastSyncedAt === null) this.status.set({ lastSyncedAt: at });
    });
    const pending = this.options.store.livePending().subscribe({ next: (n) => this.status.set({ pending: n }) });
    // Push on a new local change. Not on "the count grew": a change made while an
    // older one is leaving the outbox keeps the count level and would wait for the poll.
    let newestSeq: number | null = null;
    const newest = this.options.store.liveNewestSeq().subscribe({
      next: (seq) => {
        // Any change of the newest entry (a new change, or a renumbered outbox) is worth a push.
        const changed = newestSeq !== null && seq !== newestSeq && seq > 0;
        newestSeq = seq;
        if (changed && this.auto) this.nudge();
      },
    });
    const rejections = this.options.store.liveRejections().subscribe({
      next: (rows) => this.status.set({ rejected: rows.map((r) => ({ id: r.id, seq: r.seq, name: r.name, reason: r.reason, at: r.at })) }),
    });
    this.cleanups.push(
      () => pending.unsubscribe(),
      () => newest.unsubscribe(),
      () => rejections.unsubscribe(),
    );
    const events = this.options.events === undefined ? (typeof window === 'undefined' ? null : window) : this.options.events;
    if (events && this.auto) {
      const online = () => {
        this.networkDown = false;
        this.nudge();
      };
      // Offline says less than "update needed", which still holds when the network is back.
      const offline = () => {
        this.networkDown = true;
        if (!this.upgradeRequired) this.status.set({ connection: 'offline' });
      };
      events.addEventListener('online', online);
      events.addEventListener('offline', offline);
      this.cleanups.push(
        () => events.removeEventListener('online', online),
        () => events.removeEventListener('offline', offline),
      );
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

  /**
   * The event stream broke: the server or the network may be gone, and nothing
   * else would notice until the next change or poll. Say so and check now; the
   * check ends online or offline.
   */
  private streamDropped(): void {
    if (this.stopped || this.upgradeRequired || this.status.get().connection === 'signed-out') return;
    this.status.set({ connection: 'connecting' });
    this.kick();
  }

  /** Something happened that a sync might carry (a local change, a poke, the network): not worth asking a server of another version again. */
  private nudge(): void {
    if (!this.upgradeRequired) this.kick();
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
    // A new attempt: the last failure's message no longer describes what is happening,
    // unless it is a lasting one, which would only flicker away and back.
    if (this.status.get().connection !== 'online' && !this.upgradeRequired) this.status.set({ connection: 'connecting', error: null });
    try {
      if (!(await this.ensureSession())) return;
      // A reset re-downloads and leaves the outbox to push again; a few rounds settle any race with other tabs.
      for (let round = 0; round < 4; round++) {
        await pushAll(this.step, this.options.pushBatch);
        await pullAll(this.step, () => this.download());
        if ((await this.options.store.pendingBatch(1)).length === 0) break;
      }
      const token = await this.transport.token();
      // A sync still running when stop() came must not reopen the stream it closed.
      if (token && !this.stopped) this.pokes.ensureOpen(this.transport.baseUrl, token, this.transport.protocolVersion);
      const state = await this.options.store.state();
      this.upgradeRequired = false;
      // A sync can finish after the browser said the network went away: what it fetched stands, but the desk is offline now.
      this.status.set({
        connection: this.networkDown ? 'offline' : 'online',
        error: null,
        lastSyncedAt: state.lastSyncedAt,
        pending: await this.options.store.pendingCount(),
      });
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
    if (f.kind === 'upgrade_required') return this.mustUpgrade(f.message);
    // Whatever else stopped a poll's check, the versions still differ: say that, and wait for the next poll.
    if (this.upgradeRequired) return;
    this.status.set({ connection: f.kind === 'network' ? 'offline' : 'online', error: f.message });
    if (this.auto && !this.stopped) this.retryTimer = setTimeout(() => this.kick(), this.backoff.next());
  }

  private mustUpgrade(message: string): void {
    // The outbox stays as it is: the server refused before reading anything, and a console of the right version sends it all.
    this.upgradeRequired = true;
    this.pokes.close();
    this.status.set({ connection: 'upgrade-required', error: message });
  }

  private signedOut(message: string): void {
    // Nothing local is touched: the outbox waits for the next sign-in (call syncNow then).
    this.checkedToken = null;
    this.pokes.close();
    this.status.set({ connection: 'signed-out', error: message });
  }

  /** Which workspace and person the token belongs to; a store never mixes two workspaces. */
  private async ensureSession(): Promise<boolean> {
    const token = await this.transport.token();
    if (token && token === this.checkedToken) return true;
    const me = await this.step.ok(await this.transport.get<MeResponse>('/api/me'));
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

  private async download(): Promise<void> {
    this.lostDownload = await download(this.step, {
      yieldToOthers: this.lostDownload,
      onProgress: (progress) => {
        this.status.set({ initialSync: progress });
        this.progress?.(progress);
      },
    });
  }
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  return new SyncEngine(options);
}
