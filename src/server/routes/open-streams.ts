// The event streams open on this server instance, by session, so that a
// session's streams end when the session does: at once on sign-out here, and
// within one check interval for anything the database says (sign-out on
// another instance, expiry, a deactivated user, a deleted session). Without
// this a stream outlived its session by up to the session's 14 days.

/** Why a stream ended early; sent to the desk as the `session_expired` event's data. */
export type StreamEndReason = 'expired' | 'signed_out' | 'ended';

export interface OpenStream {
  /** SHA-256 of the session token, as stored in the sessions table. */
  readonly sessionKey: string;
  readonly expiresAt: Date;
  /** Tells the desk the session is over and closes the stream. */
  endSession(reason: StreamEndReason): void;
  /** Closes the stream without ending the session (it was one too many). */
  displace(): void;
}

/**
 * A desk opens one stream; a few more are a console's other windows, or the
 * streams of a desk that reconnected before the server noticed the old ones
 * were gone. Past the cap the oldest goes, which is the dead one in that case.
 */
export const DEFAULT_STREAMS_PER_SESSION = 4;

export class OpenStreams {
  readonly #bySession = new Map<string, OpenStream[]>();

  constructor(readonly perSession: number = DEFAULT_STREAMS_PER_SESSION) {}

  get size(): number {
    let n = 0;
    for (const streams of this.#bySession.values()) n += streams.length;
    return n;
  }

  sessionKeys(): string[] {
    return [...this.#bySession.keys()];
  }

  all(): OpenStream[] {
    return [...this.#bySession.values()].flat();
  }

  /** Registers a stream; closes the session's oldest if that makes one too many. */
  add(stream: OpenStream): void {
    const streams = this.#bySession.get(stream.sessionKey) ?? [];
    streams.push(stream);
    this.#bySession.set(stream.sessionKey, streams);
    const excess = streams.splice(0, Math.max(0, streams.length - this.perSession));
    for (const old of excess) old.displace();
  }

  /** Called when a stream closes for any reason; idempotent. */
  remove(stream: OpenStream): void {
    const streams = this.#bySession.get(stream.sessionKey);
    if (!streams) return;
    const at = streams.indexOf(stream);
    if (at >= 0) streams.splice(at, 1);
    if (streams.length === 0) this.#bySession.delete(stream.sessionKey);
  }

  endSession(sessionKey: string, reason: StreamEndReason): void {
    for (const stream of [...(this.#bySession.get(sessionKey) ?? [])]) stream.endSession(reason);
  }
}
