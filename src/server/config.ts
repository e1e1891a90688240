// Server settings from the environment, checked once at start-up.
import { DEFAULT_SESSION_TTL_MS } from './app';
import { DEFAULT_TOMBSTONE_HORIZON_MS } from './changes/tombstones';

export interface ServerConfig {
  port: number;
  host: string;
  /** A real PostgreSQL; absent means embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Seed the demo workspace into an empty embedded database. */
  demo: boolean;
  tombstoneHorizonMs: number;
  sessionTtlMs: number;
  logLevel: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw} is not a positive number; fix or unset it.`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = positiveNumber(env, 'PORT', 8787);
  if (!Number.isInteger(port) || port > 65535) throw new Error(`PORT=${env.PORT} is not a TCP port (1-65535).`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.SWITCHBOARD_DATA_DIR || '.data/pglite',
    demo: env.SWITCHBOARD_NO_DEMO !== '1',
    tombstoneHorizonMs: positiveNumber(env, 'SWITCHBOARD_TOMBSTONE_DAYS', DEFAULT_TOMBSTONE_HORIZON_MS / DAY_MS) * DAY_MS,
    sessionTtlMs: positiveNumber(env, 'SWITCHBOARD_SESSION_DAYS', DEFAULT_SESSION_TTL_MS / DAY_MS) * DAY_MS,
    logLevel: env.LOG_LEVEL || 'info',
  };
}
