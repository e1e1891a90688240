// An audit entry that is not a change to a synced row (a purge, say): chained
// like the entries changes.ts appends, with the same functions, under the
// tenant row's lock, in one statement.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface AuditOnlyEntry {
  actorId: string | null;
  action: string;
  performedAt: Date | null;
  entity: string;
  entityId?: string | null;
  clientId?: string | null;
  before: string | null;
  after: string | null;
}

/** Appends one entry; returns the new head. */
export async function appendAuditEntry(
  trx: Kysely<Database>,
  tenantId: string,
  now: Date,
  entry: AuditOnlyEntry,
): Promise<{ seq: number; hash: string }> {
  const at = now.toISOString();
  const { rows } = await sql<{ seq: number; hash: string }>`
    with e as (
      select ${entry.actorId}::uuid as actor_id, ${entry.action}::text as action, ${entry.performedAt?.toISOString() ?? null}::timestamptz as performed_at,
        ${entry.entity}::text as entity, ${entry.entityId ?? null}::uuid as entity_id, ${entry.clientId ?? null}::uuid as client_id,
        ${entry.before}::text as before, ${entry.after}::text as after
    ), t as (
      update tenants set audit_seq = audit_seq + 1, audit_prev_head = audit_head,
        audit_head = (select audit_hash(tenants.audit_head, audit_canonical(tenants.id, tenants.audit_seq + 1, ${at}::timestamptz, e.performed_at,
          e.actor_id, e.action, e.entity, e.entity_id, e.client_id, e.before, e.after)) from e)
      where id = ${tenantId}::uuid returning audit_seq, audit_prev_head, audit_head
    )
    insert into audit_log (tenant_id, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after, prev_hash, hash)
    select ${tenantId}::uuid, t.audit_seq, ${at}::timestamptz, e.performed_at, e.actor_id, e.action, e.entity, e.entity_id, e.client_id,
      e.before, e.after, t.audit_prev_head, t.audit_head
    from e cross join t
    returning seq, hash`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`Workspace ${tenantId} does not exist.`);
  return { seq: Number(row.seq), hash: row.hash };
}
