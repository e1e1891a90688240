// Tombstones (delete records) are kept for a horizon; after that they are
// removed and the tenant remembers the highest one removed, so a desk whose
// cursor is older is told to download again instead of silently keeping
// rows that were deleted.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const DEFAULT_TOMBSTONE_HORIZON_MS = 30 * 24 * 60 * 60 * 1000;

export async function pruneTombstones(db: Kysely<Database>, now: Date, horizonMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - horizonMs);
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('changes')
      .where('op', '=', 'delete')
      .where('changed_at', '<', cutoff)
      .returning(['tenant_id', 'seq'])
      .execute();
    const highest = new Map<string, number>();
    for (const r of removed) highest.set(r.tenant_id, Math.max(highest.get(r.tenant_id) ?? 0, r.seq));
    for (const [tenantId, seq] of highest) {
      await trx
        .updateTable('tenants')
        .set({ purged_seq: sql<number>`greatest(purged_seq, ${seq})` })
        .where('id', '=', tenantId)
        .execute();
    }
    return removed.length;
  });
}
