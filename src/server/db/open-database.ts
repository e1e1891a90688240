import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { inProcessChangeBus, postgresChangeBus, type ChangeBus } from './change-bus';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Backend = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  backend: Backend;
  bus: ChangeBus;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A real PostgreSQL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  onBackgroundError?: (error: Error) => void;
}

const INT8_OID = 20;

// Measured on a 2-core machine with 20 desks pushing at once (test/bench/sync-push.bench.ts): 8 connections
// cost PostgreSQL about a quarter less CPU per mutation than 20, for the same or better
// throughput; more connections than the database has cores to run them only queue there.
const DEFAULT_POOL_SIZE = 8;

// Change sequences and counts are int8; pg would hand them over as strings, PGlite as numbers.
// Both become numbers (a tenant would need 2^53 changes to lose precision).
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const onError = options.onBackgroundError ?? ((error: Error) => console.error('database:', error.message));
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? DEFAULT_POOL_SIZE, types: pgTypes });
    // An idle pooled connection dropped by the server must not crash the process.
    pool.on('error', onError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const bus = await postgresChangeBus(options.databaseUrl, onError);
    return {
      db,
      backend: 'postgres',
      bus,
      async close() {
        await bus.close();
        await db.destroy();
      },
    };
  }
  const pglite = await PGlite.create(options.dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  const bus = inProcessChangeBus();
  return {
    db,
    backend: 'pglite',
    bus,
    async close() {
      await bus.close();
      await db.destroy();
      await pglite.close();
    },
  };
}
