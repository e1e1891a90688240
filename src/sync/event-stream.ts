// The server's "pull now" pokes over SSE. A poke carries only the tenant's
// latest change sequence, so a missed one loses nothing: the next pull catches up.
import { PROTOCOL_QUERY, SYNC_EVENT_POKE, SYNC_EVENT_SESSION_EXPIRED } from '../protocol';

/** The part of the browser's EventSource the engine uses; tests pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export const browserEventSource: EventSourceFactory | null = typeof EventSource === 'undefined' ? null : (url) => new EventSource(url);

const CLOSED = 2;

export interface PokeHandlers {
  onPoke: (latestSeq: number) => void;
  onSessionExpired: () => void;
  /**
   * An open stream broke (the server went away, the network dropped). Said
   * once per drop: EventSource's own retries while it stays down say nothing.
   */
  onDrop?: () => void;
}

export class PokeStream {
  private source: EventSourceLike | null = null;

  constructor(
    private readonly factory: EventSourceFactory | null,
    private readonly handlers: PokeHandlers,
  ) {}

  /** Opens the stream unless one is open; EventSource reconnects by itself after drops. */
  ensureOpen(baseUrl: string, token: string, protocolVersion: number): void {
    if (!this.factory || (this.source && this.source.readyState !== CLOSED)) return;
    // EventSource cannot send headers: the server accepts the token and the version as query parameters here only.
    const source = this.factory(`${baseUrl}/api/sync/events?token=${encodeURIComponent(token)}&${PROTOCOL_QUERY}=${protocolVersion}`);
    source.addEventListener(SYNC_EVENT_POKE, (e) => {
      const seq = Number(e.data);
      if (Number.isFinite(seq)) this.handlers.onPoke(seq);
    });
    source.addEventListener(SYNC_EVENT_SESSION_EXPIRED, () => {
      this.close();
      this.handlers.onSessionExpired();
    });
    // 'error' also fires on every failed reconnect attempt; only the first after
    // an open stream is news, so a dead server is not asked again every 3 s.
    // The stream counts as open from the start: it is opened right after a
    // sync reached the server, so failing to connect is a drop too.
    let open = true;
    source.addEventListener('open', () => {
      open = true;
    });
    source.addEventListener('error', () => {
      if (!open || this.source !== source) return;
      open = false;
      this.handlers.onDrop?.();
    });
    this.source = source;
  }

  close(): void {
    this.source?.close();
    this.source = null;
  }
}
