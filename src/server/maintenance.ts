// Housekeeping on a timer: forget old tombstones (past the horizon, desks must
// re-download) and expired sessions. Safe to run on every instance at once.
import type { Kysely } from 'kysely';
import { deleteExpiredSessions } from './auth/sessions';
import type { Database } from './db/schema';
import { pruneTombstones } from './sync/tombstones';

const EVERY_MS = 60 * 60 * 1000;

export function startMaintenance(db: Kysely<Database>, horizonMs: number, onError: (error: Error) => void): () => void {
  const run = async () => {
    const now = new Date();
    await pruneTombstones(db, now, horizonMs);
    await deleteExpiredSessions(db, now);
  };
  const tick = () => void run().catch(onError);
  tick();
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
