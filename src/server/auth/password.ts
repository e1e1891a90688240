// Passwords: scrypt (memory-hard, in Node's crypto, no native addon), a random
// salt per hash, and the cost parameters stored with the hash so they can be
// raised later without breaking existing accounts.
//
// scrypt runs on libuv's thread pool (the callback API, never scryptSync), so
// the event loop keeps serving while a hash is computed. The pool has four
// threads by default, shared with file and DNS work; a burst of sign-ins
// would take all four, so at most HASH_CONCURRENCY hashes run at once and the
// rest queue behind them.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Semaphore } from './semaphore';

const DEFAULTS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

export const HASH_CONCURRENCY = 2;
const hashing = new Semaphore(HASH_CONCURRENCY);

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, beforeHash?: () => void): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return hashing.run(() => {
    beforeHash?.();
    return new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
    );
  });
}

/** Format: scrypt$N$r$p$salt$hash (salt and hash base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULTS);
  return ['scrypt', DEFAULTS.N, DEFAULTS.r, DEFAULTS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * `beforeHash` runs once this call's turn to hash has come, and may throw to
 * give the turn up without hashing: a sign-in that waited in the queue while
 * its account got locked is refused then, not hashed.
 */
export async function verifyPassword(password: string, stored: string, beforeHash?: () => void): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params, beforeHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Unknown emails are checked against this too, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
