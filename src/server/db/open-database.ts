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

// Change sequences and counts are int8; pg would hand them over as strings, PGlite as numbers.
// Both become numbers (a tenant would need 2^53 changes to lose precision).
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const onError = options.onBackgroundError ?? ((error: Error) => console.error('database:', error.message));
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, types: pgTypes });
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
