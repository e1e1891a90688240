import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/errors';
import { findSession, type SessionUser } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionUser | null;
    token: string | null;
  }
}

/** The bearer token, or for the event stream (EventSource cannot set headers) the `token` query parameter. */
function tokenOf(request: FastifyRequest, allowQuery: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>". Sign in to get a token.');
    return match[1]!;
  }
  if (allowQuery) {
    const token = (request.query as Record<string, unknown> | undefined)?.token;
    if (typeof token === 'string' && token.length > 0) return token;
  }
  return null;
}

export function authenticator(db: Kysely<Database>, now: () => Date, options: { allowQueryToken?: boolean } = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = tokenOf(request, options.allowQueryToken ?? false);
    if (!token) throw new ApiError(401, 'unauthorized', 'Sign in first: this request carries no session token.');
    const found = await findSession(db, token, now());
    if (!found.ok) {
      throw found.reason === 'expired'
        ? new ApiError(
            401,
            'session_expired',
            'Your session has expired. Sign in again; changes made offline stay in the outbox and sync after sign-in.',
          )
        : new ApiError(401, 'unauthorized', 'This session token is not valid (signed out, or never issued by this server). Sign in again.');
    }
    request.auth = found.session;
    request.token = token;
  };
}

/** For handlers behind the authenticator: the session, which it guarantees. */
export function sessionOf(request: FastifyRequest): SessionUser {
  if (!request.auth) throw new ApiError(401, 'unauthorized', 'Sign in first.');
  return request.auth;
}
