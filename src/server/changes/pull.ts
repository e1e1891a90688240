// Pull: the newest state of every row changed after the cursor, in sequence
// order. Read in one REPEATABLE READ snapshot so the horizon check, the page
// and the counts agree with each other even while writers and pruning run.
import { sql, type Kysely } from 'kysely';
import type { PullPage } from '../../protocol';
import type { Database } from '../db/schema';
import { pageJson, wireChange, wireFields } from './wire-change';

/** `json` is a PullPage, serialized. */
export type PullOutcome = { ok: true; json: string } | { ok: false; reason: 'behind_horizon' | 'ahead_of_server'; message: string };

export async function pullChanges(db: Kysely<Database>, tenantId: string, cursor: number, limit: number): Promise<PullOutcome> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tenant = await trx
        .selectFrom('tenants')
        .select(['change_seq', 'purged_seq', wireFields.as('fields')])
        .where('id', '=', tenantId)
        .executeTakeFirstOrThrow();
      if (cursor > 0 && cursor < tenant.purged_seq) {
        return {
          ok: false as const,
          reason: 'behind_horizon' as const,
          message: `This desk last synced at change ${cursor}, before deletions the server no longer remembers (up to ${tenant.purged_seq}). Download the workspace again from cursor 0; keep unsent changes in the outbox and push them afterwards.`,
        };
      }
      if (cursor > tenant.change_seq) {
        return {
          ok: false as const,
          reason: 'ahead_of_server' as const,
          message: `This desk's cursor ${cursor} is ahead of the server (${tenant.change_seq}): the server's database was replaced. Download the workspace again from cursor 0; keep unsent changes in the outbox.`,
        };
      }
      // Tombstones: every pull sends those after its cursor, except a pull
      // from cursor 0, whose desk holds nothing to delete. That is a rule on
      // the cursor, not on the download: page 2 of the same download has a
      // cursor like any other desk's, and must carry tombstones, since a row
      // the desk got on page 1 may have been deleted since. So later pages
      // also bring tombstones of rows deleted before the download began,
      // which the desk never received; deleting nothing is harmless, and
      // telling the two apart would need the server to remember each
      // download. (The console downloads with a snapshot and pulls from its
      // cursor, so it never pulls from 0 at all.) Pinned in test/server/pull.test.ts.
      const initial = cursor === 0;
      const page = await pageAfter(trx, tenantId, cursor, limit, initial);
      const hasMore = page.rows > limit;
      const last = page.last ?? cursor;
      // At the end, jump to the tenant's sequence: everything up to it is committed
      // and seen (or was compacted into a row we saw, or was a skipped tombstone).
      const nextCursor = hasMore ? last : Math.max(last, tenant.change_seq);
      // Counting what is left costs a scan of it: only the first page of a full
      // download pays it (for the progress total); later pages report the upper
      // bound the tenant's sequence gives. Counting on every page made a
      // 460,000-change download quadratic (pages slowed from 50 to 180 ms).
      const remaining = !hasMore
        ? 0
        : initial
          ? await countAfter(trx, tenantId, nextCursor, true)
          : Math.max(0, tenant.change_seq - nextCursor);
      const tail: Omit<PullPage, 'changes'> = { fields: tenant.fields, nextCursor, hasMore, remaining };
      if (initial) tail.total = Math.min(page.rows, limit) + remaining;
      return { ok: true as const, json: pageJson(page.json, tail) };
    });
}

/** Changes after `after` (upserts only: the rows a download holds). */
export async function countAfter(db: Kysely<Database>, tenantId: string, after: number, upsertsOnly: boolean): Promise<number> {
  let query = db
    .selectFrom('changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', after);
  if (upsertsOnly) query = query.where('op', '=', 'upsert');
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Up to limit + 1 changes after the cursor (the extra one only says there are
 * more): the first `limit` as comma-separated JSON objects, the last sequence
 * among them, and how many rows were found.
 */
async function pageAfter(db: Kysely<Database>, tenantId: string, cursor: number, limit: number, upsertsOnly: boolean) {
  const { rows } = await sql<{ json: string | null; last: number | null; rows: number }>`
    with page as (
      select seq, entity, id, op, wire, row_number() over (order by seq) as n
      from changes
      where tenant_id = ${tenantId}::uuid and seq > ${cursor}::bigint ${upsertsOnly ? sql`and op = 'upsert'` : sql``}
      order by seq
      limit ${limit + 1}
    )
    select
      string_agg(${wireChange}::text, ',' order by seq) filter (where n <= ${limit}) as json,
      max(seq) filter (where n <= ${limit}) as last,
      count(*)::int as rows
    from page`.execute(db);
  const row = rows[0]!;
  return { json: row.json ?? '', last: row.last === null ? null : Number(row.last), rows: Number(row.rows) };
}
