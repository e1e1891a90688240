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
 * Who made a write and as what, for its audit entry (docs/domain/audit.md).
 * `actorId` null: the system (a command-line tool, a migration); `performedAt`
 * null: no person's clock (the server acted on its own).
 */
export interface AuditStamp {
  actorId: string | null;
  /** The mutation's name, or what a route did (e.g. 'staff.invite'). */
  action: string;
  performedAt: Date | null;
}

/**
 * How a call's writes are audited: one stamp for all, one per write (a push:
 * each write's mutation), or 'unaudited' for an operator's bulk load that is
 * no one's change (the demo seed: see docs/domain/audit.md). Left out, the
 * writes are audited as the system's, so no caller can write unrecorded by
 * forgetting.
 */
export type Audit = AuditStamp | readonly AuditStamp[] | 'unaudited';

const SYSTEM: AuditStamp = { actorId: null, action: 'system', performedAt: null };

/** The writes as one JSON parameter: each with its order, its stamp and the previous write of its row in this call. */
function writesParameter(writes: ChangeWrite[], audit: Audit | undefined): { json: string; audited: number } {
  const stamps: AuditStamp[] =
    audit === 'unaudited'
      ? []
      : Array.isArray(audit)
        ? [...(audit as readonly AuditStamp[])]
        : [(audit as AuditStamp | undefined) ?? SYSTEM];
  if (Array.isArray(audit) && audit.length !== writes.length) throw new Error(`${audit.length} audit stamps for ${writes.length} writes.`);
  const lastOf = new Map<string, number>();
  // Which client an entry concerns, for filtering the log: its own, else its ticket's when this call writes that ticket;
  // otherwise the statement looks the ticket up in the change log (`c` left null here).
  const ticketClients = new Map<string, string>();
  for (const w of writes) if (w.entity === 'ticket' && w.data) ticketClients.set(w.id, w.data.clientId);
  const rows = writes.map((w, i) => {
    const key = `${w.entity}:${w.id}`;
    const prev = lastOf.get(key);
    lastOf.set(key, i + 1);
    const data = w.data as { clientId?: unknown; ticketId?: unknown } | null;
    const client =
      w.entity === 'client'
        ? w.id
        : typeof data?.clientId === 'string'
          ? data.clientId
          : typeof data?.ticketId === 'string'
            ? (ticketClients.get(data.ticketId) ?? null)
            : null;
    return { ...w, ord: i + 1, prev: prev ?? null, s: stamps.length === 0 ? null : stamps.length === 1 ? 0 : i, c: client };
  });
  // A later write of the same row wins, keeping its own number; one statement may not touch a row twice.
  for (const r of rows) (r as { last?: boolean }).last = lastOf.get(`${r.entity}:${r.id}`) === r.ord;
  const json = JSON.stringify({
    writes: rows,
    stamps: stamps.map((s) => ({ actor: s.actorId, action: s.action, performedAt: s.performedAt?.toISOString() ?? null })),
  });
  return { json, audited: stamps.length === 0 ? 0 : writes.length };
}

/**
 * The statement's CTEs: `t` bumps the tenant's sequence under its row lock and
 * gives each write its own number, in order (so a page boundary never splits
 * one number); `c` stores the newest state per row; `n` NOTIFYs other server
 * instances (delivered at commit). `alsoWith` adds more CTEs that may read the
 * new sequence as `t.change_seq`; the i-th write (from 1) gets
 * `t.change_seq - writes.length + i`.
 *
 * The audit log rides in the same statement (docs/domain/audit.md): `a` is one
 * entry per audited write, its before the row's previous state (an earlier
 * write of this call, else the change log's row as this statement sees it:
 * handlers hold the rows they change locked, so that is the latest); `t` also
 * moves the workspace's chain head under the same lock (keeping the old one as
 * audit_prev_head, which `al` chains from) and `al` inserts the entries.
 */
function changeCtes(tenantId: string, writes: ChangeWrite[], now: Date, alsoWith?: RawBuilder<unknown>, audit?: Audit) {
  const { json, audited } = writesParameter(writes, audit);
  const k = writes.length;
  const at = now.toISOString();
  return sql`
    with p as (
      select ${json}::jsonb as j
    ), x as (
      select x.e, (x.e->>'ord')::bigint as ord from p, jsonb_array_elements(p.j->'writes') as x(e)
    ), w as (
      select x.e, x.ord from x where (x.e->>'last')::boolean
    ), a as (
      select x.ord, x.e->>'entity' as entity, (x.e->>'id')::uuid as entity_id,
        nullif(x.e->'data', 'null'::jsonb) as after_j,
        case when x.e->>'prev' is null then o.data else nullif(b.e->'data', 'null'::jsonb) end as before_j,
        (x.e->>'c')::uuid as client_id, (s.s->>'actor')::uuid as actor_id, s.s->>'action' as action, (s.s->>'performedAt')::timestamptz as performed_at
      from x
        join p on true
        cross join lateral (select p.j->'stamps'->((x.e->>'s')::int) as s) s
        left join x b on b.ord = (x.e->>'prev')::bigint
        -- Lateral, so it is one index lookup per write: the planner cannot estimate x and may otherwise hash the tenant's whole change log.
        left join lateral (
          select o.data from changes o where o.tenant_id = ${tenantId}::uuid and o.entity = x.e->>'entity' and o.id = (x.e->>'id')::uuid
        ) o on x.e->>'prev' is null
      where x.e->>'s' is not null
    ), e as (
      select a.ord, a.entity, a.entity_id, a.actor_id, a.action, a.performed_at, a.before_j::text as before, a.after_j::text as after,
        coalesce(
          a.client_id,
          (coalesce(a.after_j, a.before_j)->>'clientId')::uuid,
          (select (tc.data->>'clientId')::uuid from changes tc
            where tc.tenant_id = ${tenantId}::uuid and tc.entity = 'ticket' and tc.id = (coalesce(a.after_j, a.before_j)->>'ticketId')::uuid)
        ) as client_id
      from a
    ), t as (
      update tenants set change_seq = change_seq + ${k}::bigint,
        audit_seq = audit_seq + ${audited}::bigint,
        audit_prev_head = audit_head,
        audit_head = coalesce((
          select audit_chain(tenants.audit_head, audit_canonical(tenants.id, tenants.audit_seq + e.ord, ${at}::timestamptz, e.performed_at,
            e.actor_id, e.action, e.entity, e.entity_id, e.client_id, e.before, e.after) order by e.ord)
          from e), audit_head)
      where id = ${tenantId}::uuid returning change_seq, audit_seq, audit_prev_head
    ), c as (
      insert into changes (tenant_id, entity, id, seq, op, data, changed_at)
      select ${tenantId}::uuid, w.e->>'entity', (w.e->>'id')::uuid, t.change_seq - ${k}::bigint + w.ord, w.e->>'op', nullif(w.e->'data', 'null'::jsonb), ${at}::timestamptz
      from w cross join t
      on conflict (tenant_id, entity, id) do update
        set seq = excluded.seq, op = excluded.op, data = excluded.data, changed_at = excluded.changed_at
    ), al as (
      insert into audit_log (tenant_id, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after, prev_hash, hash)
      select ${tenantId}::uuid, q.seq, ${at}::timestamptz, q.performed_at, q.actor_id, q.action, q.entity, q.entity_id, q.client_id, q.before, q.after,
        coalesce(lag(q.hash) over (order by q.seq), q.start), q.hash
      from (
        select e.*, t.audit_seq - ${audited}::bigint + e.ord as seq, t.audit_prev_head as start,
          audit_chain(t.audit_prev_head, audit_canonical(${tenantId}::uuid, t.audit_seq - ${audited}::bigint + e.ord, ${at}::timestamptz,
            e.performed_at, e.actor_id, e.action, e.entity, e.entity_id, e.client_id, e.before, e.after)) over (order by e.ord) as hash
        from e cross join t
      ) q
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
  audit?: Audit,
): Promise<number> {
  const { rows } = await sql<{ change_seq: number }>`${changeCtes(tenantId, writes, now, alsoWith, audit)}
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
  audit?: Audit,
): Promise<number> {
  // 1 / count(*) fails the statement, and so skips the COMMIT, when the tenant row is missing.
  const statement = sql`${changeCtes(tenantId, writes, now, alsoWith, audit)}
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
