import type { Kysely } from 'kysely';
import type { SignInThrottle } from '../auth/sign-in-throttle';
import type { Backend } from '../db/open-database';
import type { ChangeBus } from '../db/change-bus';
import type { Database } from '../db/schema';
import type { CorsHeaders } from '../http/cors';
import type { KeyRateLimiter } from '../integrations/key-rate-limit';
import type { OpenStreams } from './open-streams';

/** What every route module needs; built once in app.ts. */
export interface RouteContext {
  db: Kysely<Database>;
  bus: ChangeBus;
  backend: Backend;
  now: () => Date;
  sessionTtlMs: number;
  heartbeatMs: number;
  /** How often open event streams check that their sessions are still live. */
  sessionCheckMs: number;
  streams: OpenStreams;
  signInThrottle: SignInThrottle;
  corsHeaders: CorsHeaders;
  /** Requests per integration key (docs/integrations/pbx.md). */
  keyRateLimiter: KeyRateLimiter;
  /** The web console's origin, for the links a phone system opens; null when not configured. */
  consoleOrigin: string | null;
}
