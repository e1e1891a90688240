// What an admin does to staff accounts (docs/staff-and-sessions.md). Every
// function takes the caller's tenant and touches only rows of it: an id from
// another workspace is "not found", never changed. Each runs in one
// transaction that first locks the tenant row, so two admins acting at once
// (say, demoting each other) are put in order and the last-admin guard sees
// the other's change. Staff changes reach desks as `user` records, written by
// writeStaffChange and nothing else.
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { StaffRole } from '../../domain/ticket';
import { SETUP_CODE_ALPHABET, SETUP_CODE_LENGTH, type InviteStaffRequest } from '../../protocol';
import { hashPassword } from '../auth/password';
import { deleteSessionsOf } from '../auth/sessions';
import { appendChanges, type AuditStamp } from '../changes/changes';
import { userRecord } from '../changes/records';
import type { Database, UsersTable } from '../db/schema';
import { ApiError } from '../http/errors';

type UserRow = Selectable<UsersTable>;

/** A setup code works for this long; after that the admin gives a new one. */
export const SETUP_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// Crockford's base32, defined with the request schema so the console checks typed codes against the same alphabet.
const CODE_ALPHABET = SETUP_CODE_ALPHABET;
const CODE_LENGTH = SETUP_CODE_LENGTH;

/** 12 characters of 5 random bits each (60 bits): with the sign-in throttle, not guessable in its 7 days. */
export function newSetupCode(): string {
  // 256 is a multiple of 32, so masking a byte keeps every character equally likely.
  return [...randomBytes(CODE_LENGTH)].map((b) => CODE_ALPHABET[b & 31]).join('');
}

/** As shown to the admin: XXXX-XXXX-XXXX. */
export function formatSetupCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** A password hash nobody knows the password of: the account cannot sign in with a password until its owner chooses one. */
async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

/**
 * The one place staff changes enter the change log, so every desk sees new
 * staff, roles and who is active, and so the audit log can hook them here.
 */
export async function writeStaffChange(
  trx: Kysely<Database>,
  tenantId: string,
  row: UserRow,
  now: Date,
  stamp: AuditStamp,
): Promise<number> {
  return appendChanges(trx, tenantId, [{ entity: 'user', id: row.id, op: 'upsert', data: userRecord(row) }], now, undefined, stamp);
}

async function lockTenant(trx: Transaction<Database>, tenantId: string): Promise<void> {
  await trx.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().executeTakeFirstOrThrow();
}

async function findStaff(trx: Kysely<Database>, tenantId: string, userId: string): Promise<UserRow> {
  const row = await trx.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
  if (!row)
    throw new ApiError(
      404,
      'not_found',
      `No member of staff with id ${userId} in your workspace. Refresh the Staff screen. Nothing was changed.`,
    );
  return row;
}

/** Refuses to leave the workspace without an active admin: nobody could then manage staff. */
async function keepAnAdmin(trx: Kysely<Database>, tenantId: string, target: UserRow, doing: string): Promise<void> {
  if (target.role !== 'admin' || !target.active) return;
  const other = await trx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('id', '!=', target.id)
    .executeTakeFirst();
  if (!other)
    throw new ApiError(
      409,
      'conflict',
      `${target.name} is the last active admin of this workspace, so you cannot ${doing}: nobody could manage staff afterwards. Make someone else an admin first. Nothing was changed.`,
    );
}

export interface IssuedCode {
  row: UserRow;
  code: string;
  expiresAt: Date;
}

async function issueCode(now: Date): Promise<{ code: string; hash: string; passwordHash: string; expiresAt: Date }> {
  const code = newSetupCode();
  const [hash, passwordHash] = await Promise.all([hashPassword(code), unusablePasswordHash()]);
  return { code, hash, passwordHash, expiresAt: new Date(now.getTime() + SETUP_CODE_TTL_MS) };
}

export async function inviteStaff(
  db: Kysely<Database>,
  tenantId: string,
  input: InviteStaffRequest,
  now: Date,
  actorId: string,
): Promise<IssuedCode> {
  // Hashed before the transaction: scrypt takes a while, the tenant lock should not.
  const issued = await issueCode(now);
  return db.transaction().execute(async (trx) => {
    await lockTenant(trx, tenantId);
    // Emails are stored lower-cased (normalizeEmail), so equality is case-insensitive.
    const taken = await trx
      .selectFrom('users')
      .select(['name', 'active'])
      .where('tenant_id', '=', tenantId)
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (taken)
      throw new ApiError(
        409,
        'conflict',
        `${input.email} already belongs to ${taken.name}${taken.active ? '' : ' (deactivated; reactivate them instead)'}. Each email may sign in to a workspace once. Nothing was changed.`,
      );
    const row = await trx
      .insertInto('users')
      .values({
        id: uuidv7(),
        tenant_id: tenantId,
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: issued.passwordHash,
        setup_code_hash: issued.hash,
        setup_code_expires_at: issued.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeStaffChange(trx, tenantId, row, now, { actorId, action: 'staff.invite', performedAt: null });
    return { row, code: formatSetupCode(issued.code), expiresAt: issued.expiresAt };
  });
}

export async function setStaffRole(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
  role: StaffRole,
  now: Date,
  actorId: string,
): Promise<UserRow> {
  return db.transaction().execute(async (trx) => {
    await lockTenant(trx, tenantId);
    const target = await findStaff(trx, tenantId, userId);
    if (target.role === role) return target;
    if (role !== 'admin') await keepAnAdmin(trx, tenantId, target, `make them ${role.replaceAll('_', ' ')}`);
    const row = await trx.updateTable('users').set({ role }).where('id', '=', target.id).returningAll().executeTakeFirstOrThrow();
    await writeStaffChange(trx, tenantId, row, now, { actorId, action: 'staff.set_role', performedAt: null });
    return row;
  });
}

/**
 * Deactivating deletes every session of the person; the returned keys are for
 * the caller to end their event streams once this has committed.
 */
export async function setStaffActive(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
  active: boolean,
  now: Date,
  actorId: string,
): Promise<{ row: UserRow; endedSessionKeys: string[] }> {
  return db.transaction().execute(async (trx) => {
    await lockTenant(trx, tenantId);
    const target = await findStaff(trx, tenantId, userId);
    if (target.active === active) return { row: target, endedSessionKeys: [] };
    if (!active) await keepAnAdmin(trx, tenantId, target, 'deactivate them');
    const row = await trx
      .updateTable('users')
      // A code handed out before deactivation must not open the account after it.
      .set(active ? { active } : { active, setup_code_hash: null, setup_code_expires_at: null })
      .where('id', '=', target.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const endedSessionKeys = active ? [] : await deleteSessionsOf(trx, tenantId, target.id);
    await writeStaffChange(trx, tenantId, row, now, {
      actorId,
      action: active ? 'staff.reactivate' : 'staff.deactivate',
      performedAt: null,
    });
    return { row, endedSessionKeys };
  });
}

/**
 * The old password stops working at once (it may be what leaked), every
 * session ends, and the person signs in next with the new code.
 */
export async function resetStaffPassword(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
  now: Date,
  actorId: string,
): Promise<IssuedCode & { endedSessionKeys: string[] }> {
  const issued = await issueCode(now);
  return db.transaction().execute(async (trx) => {
    await lockTenant(trx, tenantId);
    const target = await findStaff(trx, tenantId, userId);
    if (!target.active)
      throw new ApiError(
        409,
        'conflict',
        `${target.name} is deactivated; reactivate them first, then reset the password. Nothing was changed.`,
      );
    const row = await trx
      .updateTable('users')
      .set({ password_hash: issued.passwordHash, setup_code_hash: issued.hash, setup_code_expires_at: issued.expiresAt })
      .where('id', '=', target.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const endedSessionKeys = await deleteSessionsOf(trx, tenantId, target.id);
    // The record desks see is unchanged; written all the same so the reset is on record with the other staff changes.
    await writeStaffChange(trx, tenantId, row, now, { actorId, action: 'staff.reset_password', performedAt: null });
    return { row, code: formatSetupCode(issued.code), expiresAt: issued.expiresAt, endedSessionKeys };
  });
}
