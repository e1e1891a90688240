// Failed sign-ins make the next attempt wait: per account (workspace and
// email) so one password cannot be guessed quickly from many addresses, and
// per client address so one address cannot try many accounts. The first few
// failures are free (people mistype), then each failure locks the key for
// twice as long as the last, up to a cap. A throttled attempt is answered
// before its password is hashed, so a burst costs the server nothing.
//
// An unknown account is counted exactly like a known one: the answers must not
// tell which emails exist. A success clears its account's count, not its
// address's (an attacker would sign in to their own account to reset it); an
// address's count is forgotten an hour after its last failure.
//
// The counts live in this process: several server instances behind one
// address each throttle on their own, which multiplies the attempts an
// attacker gets by the number of instances but keeps the check free of I/O.
// Each table holds a bounded number of keys; when full, the key whose last
// failure is oldest goes first.

export interface ThrottlePolicy {
  /** Failures before any wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts from zero again; at least maxDelayMs. */
  forgetAfterMs: number;
  /** Keys kept at most; bounds memory under a spray of made-up emails or addresses. */
  maxKeys: number;
}

const MINUTE = 60_000;

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
  maxKeys: 20_000,
};
/** An office signs in from one NAT address, so an address gets more free failures than an account. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
  maxKeys: 20_000,
};

interface Entry {
  failures: number;
  lastFailureMs: number;
  lockedUntilMs: number;
}

/** Failure counts per key, oldest last failure first (a Map keeps insertion order; a failure re-inserts its key). */
export class FailureCounter {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly policy: ThrottlePolicy) {
    if (policy.forgetAfterMs < policy.maxDelayMs)
      throw new Error('forgetAfterMs must be at least maxDelayMs, or a locked key could be forgotten');
  }

  get size(): number {
    return this.#entries.size;
  }

  /** How long `key` must still wait, 0 if it may try now. */
  waitMs(key: string, nowMs: number): number {
    const entry = this.#entries.get(key);
    return entry ? Math.max(0, entry.lockedUntilMs - nowMs) : 0;
  }

  fail(key: string, nowMs: number): void {
    const { policy } = this;
    const previous = this.#entries.get(key);
    const failures = previous && nowMs - previous.lastFailureMs < policy.forgetAfterMs ? previous.failures + 1 : 1;
    const past = failures - policy.freeFailures;
    // 2 ** past overflows to Infinity long after the cap; Math.min keeps the cap.
    const delay = past > 0 ? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (past - 1)) : 0;
    this.#entries.delete(key);
    this.#evict(nowMs);
    this.#entries.set(key, { failures, lastFailureMs: nowMs, lockedUntilMs: delay > 0 ? nowMs + delay : 0 });
  }

  reset(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops forgotten keys from the old end, then the oldest while still full: amortised O(1) per failure. */
  #evict(nowMs: number): void {
    for (const [key, entry] of this.#entries) {
      if (nowMs - entry.lastFailureMs < this.policy.forgetAfterMs && this.#entries.size < this.policy.maxKeys) break;
      this.#entries.delete(key);
    }
  }
}

export interface SignInKeys {
  /** Workspace and email as the sign-in schema normalised them. */
  account: string;
  address: string;
}

export type ThrottleVerdict = { ok: true } | { ok: false; scope: 'account' | 'address'; waitMs: number };

export function accountKey(workspace: string, email: string): string {
  return `${workspace}\u0000${email}`;
}

export class SignInThrottle {
  readonly accounts: FailureCounter;
  readonly addresses: FailureCounter;

  constructor(policies: { account?: Partial<ThrottlePolicy>; address?: Partial<ThrottlePolicy> } = {}) {
    this.accounts = new FailureCounter({ ...ACCOUNT_POLICY, ...policies.account });
    this.addresses = new FailureCounter({ ...ADDRESS_POLICY, ...policies.address });
  }

  check(keys: SignInKeys, nowMs: number): ThrottleVerdict {
    const account = this.accounts.waitMs(keys.account, nowMs);
    const address = this.addresses.waitMs(keys.address, nowMs);
    if (account === 0 && address === 0) return { ok: true };
    return account >= address ? { ok: false, scope: 'account', waitMs: account } : { ok: false, scope: 'address', waitMs: address };
  }

  failed(keys: SignInKeys, nowMs: number): void {
    this.accounts.fail(keys.account, nowMs);
    this.addresses.fail(keys.address, nowMs);
  }

  succeeded(keys: SignInKeys): void {
    this.accounts.reset(keys.account);
  }
}

/** "45 seconds", "3 minutes": how long to wait, rounded up so trying then works. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
