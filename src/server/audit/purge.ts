// Purging audit entries older than the retention period (docs/domain/audit.md#retention).
// The purge is refused here for a cutoff younger than 3 years, and the database's
// trigger (migration 0016) refuses deleting any younger entry whatever the caller.
// Only the chain's oldest part goes, so what remains is still one chain; the
// workspace keeps the hash it now starts from (its floor), and the purge is itself
// appended as an entry recording the range removed and that anchor hash.
import { sql, type Kysely } from 'kysely';
import { AUDIT_RETENTION_YEARS } from '../../protocol/audit';
import type { Database } from '../db/schema';
import { appendAuditEntry } from './append';

export class PurgeRefused extends Error {}

/** The latest cutoff a purge may use at `now`. */
export function retentionLimit(now: Date): Date {
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() - AUDIT_RETENTION_YEARS);
  return limit;
}

export interface PurgeOutcome {
  purged: number;
  entrySeq: number | null;
  head: { seq: number; hash: string };
}

export async function purgeAuditLog(
  db: Kysely<Database>,
  tenantId: string,
  before: Date,
  actorId: string | null,
  now: Date,
): Promise<PurgeOutcome> {
  const limit = retentionLimit(now);
  if (before > limit) {
    throw new PurgeRefused(
      `Audit entries are kept for ${AUDIT_RETENTION_YEARS} years: the cutoff ${before.toISOString()} is later than ${limit.toISOString()}. ` +
        `Choose a date on or before ${limit.toISOString().slice(0, 10)}; nothing was purged.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    // The tenant's lock orders this with every append: the range and the anchor cannot move underneath.
    const { rows: locked } = await sql<{ audit_seq: number; audit_head: string; audit_floor_seq: number }>`
      select audit_seq, audit_head, audit_floor_seq from tenants where id = ${tenantId}::uuid for update`.execute(trx);
    const tenant = locked[0];
    if (!tenant) throw new Error(`Workspace ${tenantId} does not exist.`);
    const floor = Number(tenant.audit_floor_seq);
    // The oldest run of entries before the cutoff: everything below the first entry recorded at or after it.
    const { rows: ends } = await sql<{ last: number | null }>`
      select coalesce(
        (select min(seq) from audit_log where tenant_id = ${tenantId}::uuid and seq >= ${floor}::bigint and at >= ${before.toISOString()}::timestamptz) - 1,
        (select max(seq) from audit_log where tenant_id = ${tenantId}::uuid)
      ) as last`.execute(trx);
    const last = ends[0]?.last === null || ends[0]?.last === undefined ? floor - 1 : Number(ends[0].last);
    if (last < floor) return { purged: 0, entrySeq: null, head: { seq: Number(tenant.audit_seq), hash: tenant.audit_head } };
    const { rows: anchors } = await sql<{ hash: string }>`
      select hash from audit_log where tenant_id = ${tenantId}::uuid and seq = ${last}::bigint`.execute(trx);
    const anchor = anchors[0]!.hash;
    const deleted =
      await sql`delete from audit_log where tenant_id = ${tenantId}::uuid and seq between ${floor}::bigint and ${last}::bigint`.execute(
        trx,
      );
    await sql`update tenants set audit_floor_seq = ${last + 1}::bigint, audit_floor_hash = ${anchor} where id = ${tenantId}::uuid`.execute(
      trx,
    );
    const purged = Number(deleted.numAffectedRows ?? 0);
    const head = await appendAuditEntry(trx, tenantId, now, {
      actorId,
      action: 'audit.purge',
      performedAt: null,
      entity: 'audit_log',
      before: JSON.stringify({ fromSeq: floor, toSeq: last, entries: purged, cutoff: before.toISOString() }),
      after: JSON.stringify({ anchorSeq: last, anchorHash: anchor }),
    });
    return { purged, entrySeq: head.seq, head };
  });
}
