import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/schema';
import type { OpenDatabase } from '../../src/server/db/open-database';
import { startMaintenance } from '../../src/server/maintenance';
import { createTestWorkspace, openTestDatabase } from './harness';

// PGlite has no autovacuum: without the maintenance run's ANALYZE the planner
// never learns how big the change log is, and sorted all of it for every pull
// page; without its VACUUM no page is marked all-visible, and counting a
// download's rows reads the whole change log instead of its index.
async function analyzedTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{
    relname: string;
  }>`select relname from pg_class where relname in ('changes', 'tickets') and reltuples >= 0 order by relname`.execute(db);
  return rows.map((r) => r.relname);
}

async function allVisiblePages(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ pages: number }>`select relallvisible as pages from pg_class where relname = 'changes'`.execute(db);
  return Number(rows[0]!.pages);
}

describe('maintenance on the embedded database', () => {
  let database: OpenDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('gathers planner statistics and vacuums on PGlite, which has no autovacuum to do it', async () => {
    database = await openTestDatabase('pglite');
    await createTestWorkspace({ database });
    expect(await analyzedTables(database.db)).toEqual([]);
    expect(await allVisiblePages(database.db)).toBe(0);
    let stop = () => {};
    await new Promise<void>((resolve, reject) => {
      stop = startMaintenance(database!.db, 'pglite', 60_000, reject);
      const poll = setInterval(() => {
        void analyzedTables(database!.db).then((t) => {
          if (t.length === 2) {
            clearInterval(poll);
            resolve();
          }
        });
      }, 20);
    });
    stop();
    expect(await analyzedTables(database.db)).toEqual(['changes', 'tickets']);
    expect(await allVisiblePages(database.db)).toBeGreaterThan(0);
  });
});
