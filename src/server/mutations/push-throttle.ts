// Pushes are rate-limited per session with a token bucket counted in
// mutations: PUSH_BURST at once, refilled at PUSH_PER_SECOND. An honest desk
// never meets it: a person makes a change every few seconds at most, and a
// week of offline work (a few thousand changes) fits in the burst. A session
// pushing in a loop is answered 429 with Retry-After. Buckets live in the
// instance's memory, so several instances behind one address allow that many
// times the rate; a full bucket is the same as none and is forgotten.
export const PUSH_BURST = 5_000;
export const PUSH_PER_SECOND = 50;

const SWEEP_EVERY_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class PushThrottle {
  readonly #buckets = new Map<string, Bucket>();
  #sweptAt = 0;

  constructor(
    private readonly now: () => Date,
    private readonly burst = PUSH_BURST,
    private readonly perSecond = PUSH_PER_SECOND,
  ) {}

  /** Whole seconds until `session` may push again; 0: now. */
  wait(session: string): number {
    const level = this.#level(this.#buckets.get(session), this.now().getTime());
    return level >= 1 ? 0 : Math.ceil((1 - level) / this.perSecond);
  }

  /**
   * Takes `mutations` from the session's bucket. It may go below zero: a push
   * that was let in is applied whole, and the session waits longer for the next.
   */
  spend(session: string, mutations: number): void {
    const ms = this.now().getTime();
    this.#buckets.set(session, { tokens: this.#level(this.#buckets.get(session), ms) - mutations, at: ms });
    if (ms - this.#sweptAt >= SWEEP_EVERY_MS) this.#sweep(ms);
  }

  #level(bucket: Bucket | undefined, ms: number): number {
    if (!bucket) return this.burst;
    return Math.min(this.burst, bucket.tokens + (Math.max(0, ms - bucket.at) / 1000) * this.perSecond);
  }

  #sweep(ms: number): void {
    this.#sweptAt = ms;
    for (const [session, bucket] of this.#buckets) if (this.#level(bucket, ms) >= this.burst) this.#buckets.delete(session);
  }
}
