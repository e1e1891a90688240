// Housekeeping on a timer: forget old tombstones (past the horizon, desks must
// re-download) and expired sessions. Safe to run on every instance at once.
import { sql, type Kysely } from 'kysely';
import { deleteExpiredSessions } from './auth/sessions';
import type { Backend } from './db/open-database';
import type { Database } from './db/schema';
import { pruneTombstones } from './changes/tombstones';

const EVERY_MS = 60 * 60 * 1000;

export function startMaintenance(db: Kysely<Database>, backend: Backend, horizonMs: number, onError: (error: Error) => void): () => void {
  const run = async () => {
    const now = new Date();
    await pruneTombstones(db, now, horizonMs);
    await deleteExpiredSessions(db, now);
    // PGlite has no autovacuum daemon, so nothing else gathers statistics. Without
    // them the planner guessed 8 rows for a 457,751-change download and sorted
    // the whole remainder for every page (745 ms a page instead of 7).
    if (backend === 'pglite') await refreshStatistics(db);
  };
  const tick = () => void run().catch(onError);
  tick();
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** ANALYZE samples a fixed number of rows per table, so it stays cheap as tables grow. */
export async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
