// Integration keys: created, listed and revoked by an admin, presented by a
// phone system (docs/integrations/pbx.md). Every function takes the caller's
// workspace and touches only its keys. The secret leaves the server once, in
// the answer to its creation; only its SHA-256 is stored, and the list never
// carries either. Creation and revocation are appended to the audit log.
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { IntegrationKeyEntry } from '../../protocol';
import { appendAuditEntry } from '../audit/append';
import { hashToken } from '../auth/sessions';
import type { Database, IntegrationKeysTable } from '../db/schema';
import { ApiError } from '../http/errors';

type KeyRow = Selectable<IntegrationKeysTable>;

/** A prefix people and secret scanners recognise; then 32 random bytes, base64url. */
export const KEY_PREFIX = 'sbk_';
const KEY_PATTERN = /^sbk_[A-Za-z0-9_-]{43}$/;

export function newIntegrationSecret(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

function entry(row: KeyRow, createdByName: string | null): IntegrationKeyEntry {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    createdByName,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** Newest first; the revoked ones too, so the screen can say a key was revoked and when. */
export async function listIntegrationKeys(db: Kysely<Database>, tenantId: string): Promise<IntegrationKeyEntry[]> {
  const rows = await db
    .selectFrom('integration_keys')
    .leftJoin('users', 'users.id', 'integration_keys.created_by')
    .selectAll('integration_keys')
    .select('users.name as created_by_name')
    .where('integration_keys.tenant_id', '=', tenantId)
    .orderBy('integration_keys.created_at', 'desc')
    .orderBy('integration_keys.id', 'desc')
    .execute();
  return rows.map((r) => entry(r, r.created_by_name));
}

export async function createIntegrationKey(
  db: Kysely<Database>,
  tenantId: string,
  label: string,
  now: Date,
  actorId: string,
): Promise<{ key: IntegrationKeyEntry; secret: string }> {
  const secret = newIntegrationSecret();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('integration_keys')
      .values({
        id: uuidv7(),
        tenant_id: tenantId,
        label,
        key_hash: hashToken(secret),
        created_by: actorId,
        created_at: now,
        revoked_at: null,
        last_used_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The entry names the key, never its secret or hash.
    await appendAuditEntry(trx, tenantId, now, {
      actorId,
      action: 'integration.create',
      performedAt: null,
      entity: 'integration_key',
      entityId: row.id,
      before: null,
      after: JSON.stringify({ label: row.label }),
    });
    const creator = await trx.selectFrom('users').select('name').where('id', '=', actorId).executeTakeFirst();
    return { key: entry(row, creator?.name ?? null), secret };
  });
}

/** Revoking twice is not an error: the key stays revoked from the first time. */
export async function revokeIntegrationKey(
  db: Kysely<Database>,
  tenantId: string,
  keyId: string,
  now: Date,
  actorId: string,
): Promise<IntegrationKeyEntry> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('integration_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', keyId)
      .forUpdate()
      .executeTakeFirst();
    if (!current)
      throw new ApiError(404, 'not_found', `No integration key with id ${keyId} in your workspace. Refresh the list. Nothing was changed.`);
    const creator = current.created_by
      ? ((await trx.selectFrom('users').select('name').where('id', '=', current.created_by).executeTakeFirst())?.name ?? null)
      : null;
    if (current.revoked_at) return entry(current, creator);
    const row = await trx
      .updateTable('integration_keys')
      .set({ revoked_at: now })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, tenantId, now, {
      actorId,
      action: 'integration.revoke',
      performedAt: null,
      entity: 'integration_key',
      entityId: row.id,
      before: JSON.stringify({ label: row.label, revokedAt: null }),
      after: JSON.stringify({ label: row.label, revokedAt: now.toISOString() }),
    });
    return entry(row, creator);
  });
}

export type KeyCheck = { ok: true; keyId: string; tenantId: string } | { ok: false; message: string };

const REFUSED =
  'This integration key is not known to this server. Check the key in the phone system; an admin can create a new one on the Staff screen.';

/** Who a presented secret belongs to. A malformed secret is refused without a query. */
export async function checkIntegrationKey(db: Kysely<Database>, secret: string): Promise<KeyCheck> {
  if (!KEY_PATTERN.test(secret)) return { ok: false, message: REFUSED };
  const row = await db
    .selectFrom('integration_keys')
    .select(['id', 'tenant_id', 'revoked_at'])
    .where('key_hash', '=', hashToken(secret))
    .executeTakeFirst();
  if (!row) return { ok: false, message: REFUSED };
  if (row.revoked_at)
    return {
      ok: false,
      message: `This integration key was revoked on ${row.revoked_at.toISOString()}. An admin creates a new key on the Staff screen; put it in the phone system.`,
    };
  return { ok: true, keyId: row.id, tenantId: row.tenant_id };
}

/** How stale "last used" may get: one write a minute per key at most, not one per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function markIntegrationKeyUsed(db: Kysely<Database>, keyId: string, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await db
    .updateTable('integration_keys')
    .set({ last_used_at: now })
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', stale)]))
    .execute();
}
