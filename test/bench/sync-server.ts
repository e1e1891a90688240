import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../../src/server/db/open-database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { vacuumAndAnalyze } from '../../src/server/maintenance';
import { seedDemoWorkspace } from '../../src/server/seed/demo-workspace';
import { spawnService } from './chromium';

/**
 * A PGlite data directory holding the demo workspace with N tickets; built
 * once, then reused. A reused one is migrated here, and both are vacuumed as
 * the server's maintenance would have done by then, so that one-time work
 * (a new migration, the first VACUUM) is not timed as part of a run.
 */
export async function seededDataDir(tickets: number, log: (m: string) => void): Promise<string> {
  const dir = `.data/bench-${tickets}`;
  const marker = `${dir}/.seeded`;
  const seeded = existsSync(marker);
  if (!seeded) log(`seeding the server with ${tickets} tickets (once; cached in ${dir})`);
  // PGlite creates only the last directory of its path, and a fresh clone has no .data/.
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  if (!seeded) await seedDemoWorkspace(database.db, { tickets });
  await vacuumAndAnalyze(database.db);
  await database.close();
  if (!seeded) writeFileSync(marker, new Date().toISOString());
  return dir;
}

/** `webOrigins`: where a benchmark's browser console calls from; the server grants CORS to these only. */
export async function startServer(
  dataDir: string,
  port: number,
  webOrigins: string[] = [],
): Promise<{ url: string; stop(): Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_NO_DEMO: '1',
    SWITCHBOARD_ALLOWED_ORIGINS: webOrigins.join(','),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const service = await spawnService('npx', ['tsx', 'src/server/main.ts'], `${url}/api/health`, env, process.env.SERVER_LOG);
  return { url, stop: service.stop };
}
