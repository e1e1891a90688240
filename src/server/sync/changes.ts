// The change log: every write to a synced row also upserts its newest state
// here under a fresh per-tenant sequence number. The number comes from the
// tenant row, bumped inside the writing transaction: that row lock is held to
// commit, so a tenant's sequence numbers commit in order and a puller reading
// "seq > cursor" can never see seq N+1 before N is visible. (A serial column
// could commit out of order and make pullers skip rows.)
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Entity, EntityRecords } from '../../sync/protocol';
import { CHANGES_CHANNEL } from '../db/change-bus';
import type { Database } from '../db/schema';

export type ChangeWrite = {
  [E in Entity]: { entity: E; id: string; op: 'upsert'; data: EntityRecords[E] } | { entity: E; id: string; op: 'delete'; data: null };
}[Entity];

/**
 * Gives each write its own sequence number (so a page boundary never splits
 * one number), stores the newest state per row, and NOTIFYs other server
 * instances (delivered at commit). It is one statement, and meant to be the
 * transaction's last before COMMIT: from the tenant row's lock to commit, the
 * tenant's other writers wait, so that window is kept to two round trips.
 * `alsoWith` adds more CTEs that may read the new sequence as `t.change_seq`.
 * Returns the tenant's change sequence after these writes.
 */
export async function appendChanges(trx: Transaction<Database>, tenantId: string, writes: ChangeWrite[], now: Date, alsoWith?: RawBuilder<unknown>): Promise<number> {
  // Later writes of the same row win; one statement may not touch a row twice.
  const newest = [...new Map(writes.map((w) => [`${w.entity}:${w.id}`, w])).values()];
  const k = newest.length;
  const { rows } = await sql<{ change_seq: number }>`
    with t as (
      update tenants set change_seq = change_seq + ${k}::bigint where id = ${tenantId}::uuid returning change_seq
    ), w as (
      select x.e, x.ord from jsonb_array_elements(${JSON.stringify(newest)}::jsonb) with ordinality as x(e, ord)
    ), c as (
      insert into changes (tenant_id, entity, id, seq, op, data, changed_at)
      select ${tenantId}::uuid, w.e->>'entity', (w.e->>'id')::uuid, t.change_seq - ${k}::bigint + w.ord, w.e->>'op', nullif(w.e->'data', 'null'::jsonb), ${now.toISOString()}::timestamptz
      from w cross join t
      on conflict (tenant_id, entity, id) do update
        set seq = excluded.seq, op = excluded.op, data = excluded.data, changed_at = excluded.changed_at
    ), n as (
      select pg_notify(${CHANGES_CHANNEL}, ${tenantId}::text || ':' || t.change_seq) from t
    )${alsoWith ?? sql``}
    select t.change_seq, (select count(*) from n) as notified from t`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`Tenant ${tenantId} does not exist.`);
  return Number(row.change_seq);
}

/** The tenant's current change sequence, without taking its lock (for writes that changed nothing). */
export async function currentChangeSeq(trx: Transaction<Database>, tenantId: string): Promise<number> {
  const tenant = await trx.selectFrom('tenants').select('change_seq').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return tenant.change_seq;
}
