// Verifying a workspace's audit chain (docs/domain/audit.md#the-chain), set-based:
// PostgreSQL recomputes each entry's hash with the same functions that wrote it
// (migration 0016) and compares each entry's prev_hash with the hash of the entry
// before it (a lag() window), in ranges of seq so memory stays flat however long
// the log. Only the first broken entry, if any, is then looked at row by row.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type BrokenReason = 'modified' | 'missing' | 'reordered' | 'head mismatch';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The head the workspace keeps: the last entry's seq and hash, if the chain is whole. */
  head: ChainHead;
  firstBroken?: { seq: number; reason: BrokenReason };
}

/** Entries per statement: large enough that round trips do not matter, small enough that no statement holds much. */
const RANGE = 250_000;

const CANONICAL = sql`audit_canonical(tenant_id, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after)`;

interface Anchors {
  audit_seq: number;
  audit_head: string;
  audit_floor_seq: number;
  audit_floor_hash: string;
}

export async function verifyAuditChain(db: Kysely<Database>, tenantId: string): Promise<AuditVerification> {
  const { rows: tenants } = await sql<Anchors>`
    select audit_seq, audit_head, audit_floor_seq, audit_floor_hash from tenants where id = ${tenantId}::uuid`.execute(db);
  const tenant = tenants[0];
  if (!tenant) throw new Error(`Workspace ${tenantId} does not exist.`);
  const head = { seq: Number(tenant.audit_seq), hash: tenant.audit_head };
  const { rows: extent } = await sql<{ last: number | null }>`
    select max(seq) as last from audit_log where tenant_id = ${tenantId}::uuid`.execute(db);
  const lastStored = extent[0]?.last === null || extent[0]?.last === undefined ? null : Number(extent[0].last);

  // The entry before the first kept one is the floor: genesis, or the last one purged.
  const floor = { seq: Number(tenant.audit_floor_seq) - 1, hash: tenant.audit_floor_hash };
  const starts: number[] = [];
  for (let lo = floor.seq + 1; lastStored !== null && lo <= lastStored; lo += RANGE) starts.push(lo);
  // Ranges are independent once each knows the entry stored before it, so several run at once (PostgreSQL's pool
  // spreads them over cores; PGlite's one connection takes them in turn). Reported in order: the first broken wins.
  const checked = await inBatches(starts, PARALLEL_RANGES, (lo) => checkRange(db, tenantId, lo, floor));
  let prev = floor;
  let entries = 0;
  for (const range of checked) {
    if (range.broken !== null) {
      const firstBroken = await classify(db, tenantId, range.broken, range.before);
      return { ok: false, entries: entries + range.n, head, firstBroken };
    }
    entries += range.n;
    if (range.last) prev = range.last;
  }
  // A whole chain that stops short of (or runs past) the head the workspace keeps: its tail was cut (or grown).
  if (prev.seq !== head.seq || prev.hash !== head.hash) {
    const seq = prev.seq < head.seq ? prev.seq + 1 : Math.min(prev.seq, head.seq + 1);
    return { ok: false, entries, head, firstBroken: { seq, reason: 'head mismatch' } };
  }
  return { ok: true, entries, head };
}

const PARALLEL_RANGES = 4;

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

interface RangeCheck {
  n: number;
  broken: number | null;
  /** The entry stored before the range (the floor for the first). */
  before: ChainHead;
  /** The range's last entry, if it has any. */
  last: ChainHead | null;
}

/** Checks the entries with seq in [lo, lo + RANGE): each hash, each link, each seq following the one before. */
async function checkRange(db: Kysely<Database>, tenantId: string, lo: number, floor: ChainHead): Promise<RangeCheck> {
  const { rows: stored } = await sql<{ seq: number; hash: string }>`
    select seq, hash from audit_log where tenant_id = ${tenantId}::uuid and seq < ${lo}::bigint and seq > ${floor.seq}::bigint
    order by seq desc limit 1`.execute(db);
  const before = stored[0] ? { seq: Number(stored[0].seq), hash: stored[0].hash } : floor;
  const { rows } = await sql<{ n: number; last_seq: number | null; broken: number | null }>`
    select count(*)::int as n, max(seq) as last_seq,
      min(seq) filter (where bad_hash or gap or bad_link) as broken
    from (
      select seq,
        hash is distinct from audit_hash(prev_hash, ${CANONICAL}) as bad_hash,
        seq <> lag(seq, 1, ${before.seq}::bigint) over w + 1 as gap,
        prev_hash is distinct from lag(hash, 1, ${before.hash}::text) over w as bad_link
      from audit_log
      where tenant_id = ${tenantId}::uuid and seq >= ${lo}::bigint and seq < ${lo + RANGE}::bigint
      window w as (order by seq)
    ) q`.execute(db);
  const range = rows[0]!;
  let last: ChainHead | null = null;
  if (range.last_seq !== null) {
    const { rows: found } = await sql<{ hash: string }>`
      select hash from audit_log where tenant_id = ${tenantId}::uuid and seq = ${range.last_seq}::bigint`.execute(db);
    last = { seq: Number(range.last_seq), hash: found[0]!.hash };
  }
  return { n: Number(range.n), broken: range.broken === null ? null : Number(range.broken), before, last };
}

/** Why the entry at `seq` (the first that fails a check) is broken; `floor` is the entry before the range it was found in. */
async function classify(
  db: Kysely<Database>,
  tenantId: string,
  seq: number,
  floor: ChainHead,
): Promise<{ seq: number; reason: BrokenReason }> {
  const { rows } = await sql<{ prev_hash: string; hash_ok: boolean; before_seq: number | null; before_hash: string | null }>`
    select r.prev_hash, r.hash = audit_hash(r.prev_hash, audit_canonical(r.tenant_id, r.seq, r.at, r.performed_at, r.actor_id, r.action,
        r.entity, r.entity_id, r.client_id, r.before, r.after)) as hash_ok,
      b.seq as before_seq, b.hash as before_hash
    from audit_log r
      left join lateral (
        select seq, hash from audit_log where tenant_id = r.tenant_id and seq < r.seq and seq > ${floor.seq}::bigint order by seq desc limit 1
      ) b on true
    where r.tenant_id = ${tenantId}::uuid and r.seq = ${seq}::bigint`.execute(db);
  const row = rows[0]!;
  const before = row.before_seq === null ? floor : { seq: Number(row.before_seq), hash: row.before_hash! };
  if (seq !== before.seq + 1) return { seq: before.seq + 1, reason: 'missing' };
  if (row.prev_hash !== before.hash) {
    // Its predecessor exists, elsewhere in the order: entries were moved.
    const { rows: elsewhere } = await sql<{ seq: number }>`
      select seq from audit_log where tenant_id = ${tenantId}::uuid and hash = ${row.prev_hash} limit 1`.execute(db);
    if (elsewhere.length > 0) return { seq, reason: 'reordered' };
    // This entry is intact, so the one before it was rewritten (and its hash recomputed to hide it).
    if (row.hash_ok && before.seq >= 1 && row.before_seq !== null) return { seq: before.seq, reason: 'modified' };
  }
  return { seq, reason: 'modified' };
}
