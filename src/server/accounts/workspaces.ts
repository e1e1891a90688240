// Creating tenants and staff. Users are synced rows too (desks show who is who),
// so they go through the change log like everything else.
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { StaffRole } from '../../domain/ticket';
import type { Database } from '../db/schema';
import { hashPassword } from '../auth/password';
import { appendChanges, type Audit } from '../changes/changes';
import { userRecord } from '../changes/records';
import { seedDefaultRequestTypes } from '../lead-times/default-request-types';

export interface NewStaff {
  /** Given by the demo seed so its tickets can name their assignees; otherwise a fresh UUIDv7. */
  id?: string;
  name: string;
  email: string;
  role: StaffRole;
  password: string;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function validSlug(slug: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug);
}

/** Inserts staff and logs them as changes (audited as `audit`: by default the system's); call inside a transaction. */
export async function addStaff(
  trx: Transaction<Database>,
  tenantId: string,
  staff: readonly NewStaff[],
  now: Date,
  audit: Audit = { actorId: null, action: 'staff.add', performedAt: null },
) {
  const hashes = await Promise.all(staff.map((s) => hashPassword(s.password)));
  const rows = await trx
    .insertInto('users')
    .values(
      staff.map((s, i) => ({
        id: s.id ?? uuidv7(),
        tenant_id: tenantId,
        email: normalizeEmail(s.email),
        name: s.name.trim(),
        role: s.role,
        password_hash: hashes[i]!,
      })),
    )
    .returningAll()
    .execute();
  await appendChanges(
    trx,
    tenantId,
    rows.map((r) => ({ entity: 'user' as const, id: r.id, op: 'upsert' as const, data: userRecord(r) })),
    now,
    undefined,
    audit,
  );
  return rows;
}

export async function createWorkspace(
  db: Kysely<Database>,
  input: { slug: string; name: string; admin: Omit<NewStaff, 'role'> },
  now = new Date(),
): Promise<{ workspace: Workspace; adminId: string }> {
  if (!validSlug(input.slug))
    throw new Error(`Workspace name "${input.slug}" must be lowercase letters, digits and dashes (e.g. acme-it).`);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('tenants').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (taken) throw new Error(`A workspace named "${input.slug}" already exists; choose another name.`);
    const workspace = { id: uuidv7(), slug: input.slug, name: input.name.trim() };
    await trx
      .insertInto('tenants')
      .values({ ...workspace, change_seq: 0, purged_seq: 0 })
      .execute();
    const [admin] = await addStaff(trx, workspace.id, [{ ...input.admin, role: 'admin' }], now);
    await seedDefaultRequestTypes(trx, workspace.id, now);
    return { workspace, adminId: admin!.id };
  });
}
