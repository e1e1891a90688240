// Sessions are random bearer tokens; only their SHA-256 is stored, so a leaked
// database (or backup) holds no usable tokens. A fast hash is enough: the token
// has 256 random bits, there is nothing to brute-force.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StaffRole } from '../../domain/ticket';
import type { Database } from '../db/schema';

export interface SessionUser {
  userId: string;
  tenantId: string;
  role: StaffRole;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Long enough for any browser's or Electron's User-Agent; longer ones are cut, not refused. */
const USER_AGENT_MAX = 300;

export async function createSession(
  db: Kysely<Database>,
  user: { id: string; tenantId: string },
  now: Date,
  ttlMs: number,
  userAgent?: string,
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      tenant_id: user.tenantId,
      user_id: user.id,
      created_at: now,
      expires_at: expiresAt,
      user_agent: userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null,
    })
    .execute();
  return { token, expiresAt };
}

export type SessionLookup = { ok: true; session: SessionUser } | { ok: false; reason: 'unknown' | 'expired' };

export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionLookup> {
  // Tokens we issue are 43 base64url characters; anything else cannot match, skip the query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'unknown' };
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.tenant_id', 'sessions.expires_at', 'users.role', 'users.active'])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || !row.active) return { ok: false, reason: 'unknown' };
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, session: { userId: row.user_id, tenantId: row.tenant_id, role: row.role as StaffRole, expiresAt: row.expires_at } };
}

/**
 * Of the given session keys (token hashes), those whose session still exists,
 * has not expired and belongs to an active user: one query for every open
 * event stream of an instance, however many there are.
 */
export async function liveSessionKeys(db: Kysely<Database>, keys: readonly string[], now: Date): Promise<Set<string>> {
  const live = new Set<string>();
  // Chunks keep the statement well under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.token_hash')
      .where('sessions.token_hash', 'in', keys.slice(i, i + 1000))
      .where('sessions.expires_at', '>', now)
      .where('users.active', '=', true)
      .execute();
    for (const row of rows) live.add(row.token_hash);
  }
  return live;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/**
 * Deletes every session of a user and returns their keys (token hashes), so
 * the caller can end the event streams open under them once it commits.
 */
export async function deleteSessionsOf(db: Kysely<Database>, tenantId: string, userId: string): Promise<string[]> {
  const rows = await db
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .returning('token_hash')
    .execute();
  return rows.map((r) => r.token_hash);
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
