// How long the server keeps what it answered a desk. An applied mutation's
// record is the audit trail (docs/domain/audit.md) and is never pruned here.
// A refused one is kept without its arguments (nothing it carried was applied,
// and keeping them let anyone signed in grow the database: 20 KB per refusal),
// for REFUSALS_KEPT_DAYS and, whatever its age, among the last
// REFUSALS_KEPT_PER_DEVICE of its device, so a desk back after a month still
// gets its last push's answers. A repeat of a pruned one is answered 'expired'.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const REFUSALS_KEPT_DAYS = 30;
/** One full push: the answers a returning desk may ask for again. */
export const REFUSALS_KEPT_PER_DEVICE = 500;

/** Deletes refusals past the window; run by maintenance. Returns how many. */
export async function pruneRefusals(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - REFUSALS_KEPT_DAYS * 24 * 3600 * 1000);
  // A device's newest record is never pruned: a recycled device's row is rebuilt from it (devices.ts).
  const result = await sql`
    delete from client_mutations m
    where m.result->>'status' = 'rejected' and m.applied_at < ${cutoff.toISOString()}::timestamptz
      and m.seq <= (select max(x.seq) from client_mutations x where x.tenant_id = m.tenant_id and x.client_id = m.client_id) - ${REFUSALS_KEPT_PER_DEVICE}::bigint`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}
