// The change log: every write to a synced row also upserts its newest state
// here under a fresh per-tenant sequence number. The number comes from the
// tenant row, bumped inside the writing transaction: that row lock is held to
// commit, so a tenant's sequence numbers commit in order and a puller reading
// "seq > cursor" can never see seq N+1 before N is visible. (A serial column
// could commit out of order and make pullers skip rows.)
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Entity, EntityRecords } from '../../protocol';
import { CHANGES_CHANNEL } from '../db/change-bus';
import type { Database } from '../db/schema';

export type ChangeWrite = {
  [E in Entity]: { entity: E; id: string; op: 'upsert'; data: EntityRecords[E] } | { entity: E; id: string; op: 'delete'; data: null };
}[Entity];

/**
 * The statement's CTEs: `t` bumps the tenant's sequence under its row lock and
 * gives each write its own number, in order (so a page boundary never splits
 * one number); `c` stores the newest state per row; `n` NOTIFYs other server
 * instances (delivered at commit). `alsoWith` adds more CTEs that may read the
 * new sequence as `t.change_seq`; the i-th write (from 1) gets
 * `t.change_seq - writes.length + i`.
 */
function changeCtes(tenantId: string, writes: ChangeWrite[], now: Date, alsoWith?: RawBuilder<unknown>) {
  // A later write of the same row wins, keeping its own number; one statement may not touch a row twice.
  const newest = [...new Map(writes.map((w, i) => [`${w.entity}:${w.id}`, { ...w, ord: i + 1 }])).values()];
  const k = writes.length;
  return sql`
    with t as (
      update tenants set change_seq = change_seq + ${k}::bigint where id = ${tenantId}::uuid returning change_seq
    ), w as (
      select x.e, (x.e->>'ord')::bigint as ord from jsonb_array_elements(${JSON.stringify(newest)}::jsonb) as x(e)
    ), c as (
      insert into changes (tenant_id, entity, id, seq, op, data, changed_at)
      select ${tenantId}::uuid, w.e->>'entity', (w.e->>'id')::uuid, t.change_seq - ${k}::bigint + w.ord, w.e->>'op', nullif(w.e->'data', 'null'::jsonb), ${now.toISOString()}::timestamptz
      from w cross join t
      on conflict (tenant_id, entity, id) do update
        set seq = excluded.seq, op = excluded.op, data = excluded.data, changed_at = excluded.changed_at
    ), n as (
      select pg_notify(${CHANGES_CHANNEL}, ${tenantId}::text || ':' || t.change_seq) from t
    )${alsoWith ?? sql``}`;
}

/**
 * Appends the writes to the change log (see changeCtes) in one statement,
 * meant to be the transaction's last before COMMIT: from the tenant row's lock
 * to commit, the tenant's other writers wait, so that window is kept to two
 * round trips. Returns the tenant's change sequence after these writes.
 */
export async function appendChanges(
  trx: Kysely<Database>,
  tenantId: string,
  writes: ChangeWrite[],
  now: Date,
  alsoWith?: RawBuilder<unknown>,
): Promise<number> {
  const { rows } = await sql<{ change_seq: number }>`${changeCtes(tenantId, writes, now, alsoWith)}
    select t.change_seq, (select count(*) from n) as notified from t`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`Tenant ${tenantId} does not exist.`);
  return Number(row.change_seq);
}

/**
 * appendChanges and COMMIT in one round trip, for PostgreSQL, where writers
 * queue on the tenant row: the lock is then held for the statement and the
 * commit only, not also for the trip back to Node and its event loop (under
 * load most of the window: measured 9 ms of every push). Two statements in one
 * message need the simple query protocol, which takes no parameters, so the
 * values are inlined as literals, and which returns no rows through Kysely, so
 * the new sequence comes back through a session setting read after commit.
 * The transaction must have been opened on `conn` with BEGIN.
 */
export async function appendChangesAndCommit(
  conn: Kysely<Database>,
  tenantId: string,
  writes: ChangeWrite[],
  now: Date,
  alsoWith?: RawBuilder<unknown>,
): Promise<number> {
  // 1 / count(*) fails the statement, and so skips the COMMIT, when the tenant row is missing.
  const statement = sql`${changeCtes(tenantId, writes, now, alsoWith)}
    select set_config(${CHANGE_SEQ_SETTING}, (select change_seq from t)::text, false), 1 / (select count(*) from t) as tenant_found, (select count(*) from n) as notified`.compile(
    conn,
  );
  const inlined = statement.sql.replace(/\$(\d+)/g, (_, i: string) => literal(statement.parameters[Number(i) - 1]));
  await sql.raw(`${inlined}; commit`).execute(conn);
  const { rows } = await sql<{ change_seq: string }>`select current_setting(${CHANGE_SEQ_SETTING}) as change_seq`.execute(conn);
  return Number(rows[0]!.change_seq);
}

const CHANGE_SEQ_SETTING = 'switchboard.change_seq';

/**
 * A parameter as an SQL literal, quoted as pg.escapeLiteral does (quotes doubled;
 * with a backslash, E'' and backslashes doubled) without its loop per character.
 * Only text and numbers: like a parameter, a literal is text until the SQL casts it.
 */
function literal(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`Cannot inline a ${typeof value} parameter.`);
  const text = String(value);
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/**
 * Runs `alsoWith` (CTEs as for appendChanges) where nothing changed: `t.change_seq`
 * is the tenant's current sequence, read without taking its lock. Returns it.
 */
export async function withoutChanges(trx: Kysely<Database>, tenantId: string, alsoWith: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ change_seq: number }>`
    with t as (select change_seq from tenants where id = ${tenantId}::uuid)${alsoWith}
    select t.change_seq from t`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`Tenant ${tenantId} does not exist.`);
  return Number(row.change_seq);
}
