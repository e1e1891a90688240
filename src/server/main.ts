// Starts the sync server: `npx tsx src/server/main.ts` (settings: see config.ts).
import { mkdirSync } from 'node:fs';
import { buildServer, loggerOptions } from './app';
import { readConfig } from './config';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { startMaintenance } from './maintenance';
import { DEMO_PASSWORD, DEMO_WORKSPACE, demoWorkspaceExists, seedDemoIfEmpty } from './seed/demo-workspace';

const config = readConfig();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(database.db);

// Only the embedded default gets demo data: a real PostgreSQL is someone's production.
const seeded = !config.databaseUrl && config.demo ? await seedDemoIfEmpty(database.db) : null;

const app = await buildServer({
  database,
  sessionTtlMs: config.sessionTtlMs,
  logger: loggerOptions(config.logLevel),
  allowedOrigins: config.allowedOrigins,
  connectionLimits: config.connectionLimits,
  consoleOrigin: config.consoleOrigin,
});
const stopMaintenance = startMaintenance(database.db, database.backend, config.tombstoneHorizonMs, (error) =>
  app.log.error({ err: error }, 'maintenance failed'),
);
await app.listen({ port: config.port, host: config.host });

const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
console.log(`Switchboard sync server on http://${config.host}:${config.port} (${storage})`);
console.log(`Browsers may call it from: ${config.allowedOrigins.join(', ')} (SWITCHBOARD_ALLOWED_ORIGINS adds more).`);
if (seeded) console.log(`Seeded the demo workspace: ${seeded.tickets} tickets, ${seeded.staff.length} staff.`);
if (await demoWorkspaceExists(database.db)) {
  console.log(`Sign in to workspace "${DEMO_WORKSPACE}" with password "${DEMO_PASSWORD}" as any of:`);
  for (const s of seeded?.staff ??
    (await database.db
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select(['users.email', 'users.role'])
      .where('tenants.slug', '=', DEMO_WORKSPACE)
      .orderBy('users.role')
      .execute())) {
    console.log(`  ${s.email.padEnd(34)} ${s.role}`);
  }
} else if (!(await database.db.selectFrom('tenants').select('id').limit(1).executeTakeFirst())) {
  console.log('Create a workspace with: npx tsx src/server/cli/create-workspace.ts --workspace <name> --admin-email <email>');
}

const shutdown = async (signal: string) => {
  app.log.info(`${signal}: shutting down`);
  stopMaintenance();
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
