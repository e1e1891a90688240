// Wires the HTTP server together; the rules live in the modules it registers.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PROTOCOL_VERSION } from '../protocol';
import { SignInThrottle, type ThrottlePolicy } from './auth/sign-in-throttle';
import type { OpenDatabase } from './db/open-database';
import { DESKTOP_APP_ORIGIN, originMatcher } from './http/allowed-origin';
import {
  answerClientError,
  DEFAULT_CONNECTION_LIMITS,
  limitConnectionsPerAddress,
  nodeServerOptions,
  type ConnectionLimits,
} from './http/connection-limits';
import { requirePlainUtf8Bodies } from './http/body-encoding';
import { corsHeadersFor, installCors } from './http/cors';
import { installErrorHandlers } from './http/errors';
import { KeyRateLimiter, type KeyRatePolicy } from './integrations/key-rate-limit';
import { requireProtocol } from './http/protocol-version';
import { auditRoutes } from './routes/audit-routes';
import { authRoutes } from './routes/auth-routes';
import type { RouteContext } from './routes/context';
import { eventsRoute } from './routes/events-route';
import { DEFAULT_STREAMS_PER_SESSION, OpenStreams } from './routes/open-streams';
import { integrationRoutes } from './routes/integration-routes';
import { pbxRoutes } from './routes/pbx-routes';
import { staffRoutes } from './routes/staff-routes';
import { syncRoutes } from './routes/sync-routes';

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const DEFAULT_HEARTBEAT_MS = 15_000;
/** A session that ends (sign-out elsewhere, deactivation) closes its event streams within this. */
export const DEFAULT_SESSION_CHECK_MS = 5_000;

/** Request logs without query strings: the event stream carries its session token there. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
    },
  };
}

export interface ServerOptions {
  database: Pick<OpenDatabase, 'db' | 'bus' | 'backend'>;
  /** The server's clock; tests pass a fake one. */
  now?: () => Date;
  /** Sessions last this long; offline desks need days, not hours. */
  sessionTtlMs?: number;
  heartbeatMs?: number;
  logger?: FastifyServerOptions['logger'];
  /** The protocol this server speaks; tests run servers of other versions. */
  protocolVersion?: number;
  /** Browser origins allowed by CORS; default: the desktop app's only. See config.ts. */
  allowedOrigins?: readonly string[];
  /** Request deadlines and sockets per address; tests shorten them. */
  connectionLimits?: Partial<ConnectionLimits>;
  sessionCheckMs?: number;
  streamsPerSession?: number;
  signInThrottle?: { account?: Partial<ThrottlePolicy>; address?: Partial<ThrottlePolicy> };
  /** Phone system lookups per integration key; tests lower it. */
  integrationKeyRate?: Partial<KeyRatePolicy>;
  /** The web console's origin (SWITCHBOARD_CONSOLE_URL), for the links a phone system opens. */
  consoleOrigin?: string | null;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: options.logger ?? false,
    http: nodeServerOptions(limits),
    // Fastify sets these on Node's server after creating it; they must agree with nodeServerOptions.
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    clientErrorHandler: (error, socket) => answerClientError(error, socket, limits),
  });
  limitConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress, (address) =>
    app.log.debug({ address }, 'too many connections from one address; refused'),
  );
  const isAllowedOrigin = originMatcher(options.allowedOrigins ?? [DESKTOP_APP_ORIGIN]);
  const ctx: RouteContext = {
    db: options.database.db,
    bus: options.database.bus,
    backend: options.database.backend,
    now: options.now ?? (() => new Date()),
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    sessionCheckMs: options.sessionCheckMs ?? DEFAULT_SESSION_CHECK_MS,
    streams: new OpenStreams(options.streamsPerSession ?? DEFAULT_STREAMS_PER_SESSION),
    signInThrottle: new SignInThrottle(options.signInThrottle),
    corsHeaders: corsHeadersFor(isAllowedOrigin),
    keyRateLimiter: new KeyRateLimiter(options.integrationKeyRate),
    consoleOrigin: options.consoleOrigin ?? null,
  };
  app.decorateRequest('auth', null);
  app.decorateRequest('token', null);
  installErrorHandlers(app);
  installCors(app, isAllowedOrigin, ctx.corsHeaders);
  requirePlainUtf8Bodies(app);

  const protocolVersion = options.protocolVersion ?? PROTOCOL_VERSION;
  app.get('/api/health', async () => ({ ok: true, backend: ctx.backend, protocolVersion }));
  await app.register(async (scope) => authRoutes(scope, ctx));
  await app.register(async (scope) => staffRoutes(scope, ctx));
  // Not behind the sync protocol check: the audit log is read online, never synced.
  await app.register(async (scope) => auditRoutes(scope, ctx));
  await app.register(async (scope) => integrationRoutes(scope, ctx));
  // A phone system's requests: authenticated by an integration key, not a session; not synced, so no protocol check.
  await app.register(async (scope) => pbxRoutes(scope, ctx));
  // Every /api/sync/* route sits in this scope, behind the protocol check.
  await app.register(async (sync) => {
    requireProtocol(sync, protocolVersion);
    await sync.register(async (scope) => syncRoutes(scope, ctx));
    await sync.register(async (scope) => eventsRoute(scope, ctx));
  });
  return app;
}
