// Housekeeping on a timer: forget old tombstones (past the horizon, desks must
// re-download), expired sessions and old refusals (mutations/retention.ts).
// Safe to run on every instance at once.
import { sql, type Kysely } from 'kysely';
import { deleteExpiredSessions } from './auth/sessions';
import type { Backend } from './db/open-database';
import type { Database } from './db/schema';
import { pruneTombstones } from './changes/tombstones';
import { pruneRefusals } from './mutations/retention';

const EVERY_MS = 60 * 60 * 1000;

/** One round of housekeeping as of `now`. */
export async function runMaintenance(db: Kysely<Database>, backend: Backend, horizonMs: number, now: Date): Promise<void> {
  await pruneTombstones(db, now, horizonMs);
  await deleteExpiredSessions(db, now);
  await pruneRefusals(db, now);
  // PGlite has no autovacuum daemon, so nothing else does its two jobs: gather
  // statistics (without them the planner guessed 8 rows for a 457,751-change
  // download and sorted the whole remainder for every page: 745 ms a page
  // instead of 7) and vacuum (see vacuumAndAnalyze).
  if (backend === 'pglite') await vacuumAndAnalyze(db);
}

export function startMaintenance(db: Kysely<Database>, backend: Backend, horizonMs: number, onError: (error: Error) => void): () => void {
  const tick = () => void runMaintenance(db, backend, horizonMs, new Date()).catch(onError);
  tick();
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * VACUUM removes the dead versions every edit leaves (a change row is
 * rewritten on each write of its record) and marks pages all-visible, which
 * lets the snapshot count its rows from the changes_live index without
 * reading the table. It reads only pages changed since the last run: the
 * first one read a 457,751-change table in 0.6 s, the next in 11 ms. ANALYZE
 * samples a fixed number of rows per table, so it stays cheap as tables grow.
 */
export async function vacuumAndAnalyze(db: Kysely<Database>): Promise<void> {
  await sql`vacuum (analyze)`.execute(db);
}
