// The first download: every live row of a tenant, entity by entity in
// SNAPSHOT_ORDER and by sequence within each (changes_tenant_entity_seq), so
// each page is an index range read in about the heap's own order, and the
// console can store a whole kind of row at once. Pages are separate
// transactions; the cursor the first page reports makes that safe (see
// SnapshotPage in src/protocol/pull.ts).
import { sql, type Kysely } from 'kysely';
import { SNAPSHOT_ORDER, type Entity, type SnapshotWirePage } from '../../protocol';
import type { Database } from '../db/schema';
import { countAfter } from './pull';
import { pageJson, wireChange, wireFields } from './wire-change';

export async function snapshotPage(
  db: Kysely<Database>,
  tenantId: string,
  after: { entity: Entity; seq: number } | undefined,
  limit: number,
): Promise<string> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tenant = await trx
        .selectFrom('tenants')
        .select(['change_seq', wireFields.as('fields')])
        .where('id', '=', tenantId)
        .executeTakeFirstOrThrow();
      const parts: string[] = [];
      let count = 0;
      let next: string | null = null;
      const start = after ? SNAPSHOT_ORDER.indexOf(after.entity as (typeof SNAPSHOT_ORDER)[number]) : 0;
      for (let i = Math.max(0, start); i < SNAPSHOT_ORDER.length; i++) {
        const entity = SNAPSHOT_ORDER[i]!;
        const rows = await entityRows(trx, tenantId, entity, i === start ? after?.seq : undefined, limit - count);
        if (rows.json) parts.push(rows.json);
        count += rows.count;
        if (count >= limit) {
          next = `${entity}:${rows.lastSeq}`;
          break;
        }
      }
      const tail: Omit<SnapshotWirePage, 'changes'> = { fields: tenant.fields, cursor: tenant.change_seq, next };
      if (!after) tail.total = await countAfter(trx, tenantId, 0, true);
      return pageJson(parts.join(','), tail);
    });
}

async function entityRows(db: Kysely<Database>, tenantId: string, entity: Entity, afterSeq: number | undefined, limit: number) {
  const { rows } = await sql<{ json: string | null; count: number; last_seq: number | null }>`
    with page as (
      select seq, entity, id, op, wire from changes
      where tenant_id = ${tenantId}::uuid and entity = ${entity} and op = 'upsert' and seq > ${afterSeq ?? 0}::bigint
      order by seq
      limit ${limit}
    )
    select string_agg(${wireChange}::text, ',' order by seq) as json, count(*)::int as count, max(seq) as last_seq
    from page`.execute(db);
  const row = rows[0]!;
  return { json: row.json, count: Number(row.count), lastSeq: row.last_seq === null ? null : Number(row.last_seq) };
}
