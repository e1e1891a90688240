import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index';
import type { Database } from './schema';

/** Brings the schema to the newest version; several instances may race here, Kysely's lock serializes them. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(
      `Database migration ${failed?.migrationName ?? ''} failed: ${cause}. The schema was left at the last successful migration; fix the cause and restart.`,
    );
  }
}
