// Server settings from the environment, checked once at start-up.
import { DEFAULT_SESSION_TTL_MS } from './app';
import { DEFAULT_TOMBSTONE_HORIZON_MS } from './changes/tombstones';
import { parseAllowedOrigins } from './http/allowed-origin';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connection-limits';

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
  /**
   * Browser origins allowed to call the API (CORS): the desktop app's
   * app://switchboard always, plus SWITCHBOARD_ALLOWED_ORIGINS, comma-separated,
   * e.g. `http://127.0.0.1:5173,http://localhost:5173` for the web console.
   * `npm start` and `npm run start:web` set it for the console they serve.
   */
  allowedOrigins: string[];
  connectionLimits: ConnectionLimits;
  /**
   * The web console's address (SWITCHBOARD_CONSOLE_URL, e.g. https://desk.example.com):
   * the phone system lookup answers a link to it that starts a call (docs/integrations/pbx.md).
   */
  consoleOrigin: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw} is not a positive number; fix or unset it.`);
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positiveNumber(env, name, fallback);
  if (!Number.isInteger(value)) throw new Error(`${name}=${env[name]} is not a whole number; fix or unset it.`);
  return value;
}

function readConnectionLimits(env: NodeJS.ProcessEnv): ConnectionLimits {
  const d = DEFAULT_CONNECTION_LIMITS;
  return {
    requestTimeoutMs: integer(env, 'SWITCHBOARD_REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    headersTimeoutMs: integer(env, 'SWITCHBOARD_HEADERS_TIMEOUT_MS', d.headersTimeoutMs),
    idleTimeoutMs: integer(env, 'SWITCHBOARD_IDLE_TIMEOUT_MS', d.idleTimeoutMs),
    keepAliveTimeoutMs: integer(env, 'SWITCHBOARD_KEEP_ALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs),
    checkIntervalMs: d.checkIntervalMs,
    maxConnectionsPerAddress: integer(env, 'SWITCHBOARD_MAX_CONNECTIONS_PER_ADDRESS', d.maxConnectionsPerAddress),
  };
}

/** An http(s) origin, with no path, query or trailing slash; unset is null. */
export function parseConsoleOrigin(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`SWITCHBOARD_CONSOLE_URL=${raw} is not a URL; set it to the web console's address, e.g. https://desk.example.com.`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    throw new Error(`SWITCHBOARD_CONSOLE_URL=${raw} must be an http(s) address with no path or query, e.g. https://desk.example.com.`);
  return url.origin;
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
    allowedOrigins: parseAllowedOrigins(env.SWITCHBOARD_ALLOWED_ORIGINS),
    connectionLimits: readConnectionLimits(env),
    consoleOrigin: parseConsoleOrigin(env.SWITCHBOARD_CONSOLE_URL),
  };
}
