// Requests per integration key: a token bucket per key, so a PBX may burst
// (a dozen lines ringing at once) but not go on faster than the average rate.
// A PBX that loops, or a leaked key used to walk the contact list, is held to
// `perMinute` lookups. The buckets live in this process: several server
// instances each allow the rate (as the sign-in throttle does), and memory is
// bounded by `maxKeys`, the oldest-used bucket going first.

export interface KeyRatePolicy {
  /** Sustained requests per minute per key; also the burst a full bucket allows. */
  perMinute: number;
  maxKeys: number;
}

export const DEFAULT_KEY_RATE: KeyRatePolicy = { perMinute: 120, maxKeys: 10_000 };

interface Bucket {
  tokens: number;
  atMs: number;
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export class KeyRateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly policy: KeyRatePolicy;

  constructor(policy: Partial<KeyRatePolicy> = {}) {
    this.policy = { ...DEFAULT_KEY_RATE, ...policy };
    if (!(this.policy.perMinute > 0)) throw new Error('perMinute must be positive');
  }

  /** Takes one request's token, or says how long until one is there. */
  take(key: string, nowMs: number): RateVerdict {
    const { perMinute, maxKeys } = this.policy;
    const perMs = perMinute / 60_000;
    const previous = this.#buckets.get(key);
    const tokens = previous ? Math.min(perMinute, previous.tokens + (nowMs - previous.atMs) * perMs) : perMinute;
    this.#buckets.delete(key);
    if (this.#buckets.size >= maxKeys) this.#buckets.delete(this.#buckets.keys().next().value!);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, atMs: nowMs });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
    }
    this.#buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
    return { ok: true };
  }
}
