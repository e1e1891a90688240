// Rows a desk creates and then changes in later steps (an approval request, a
// callback, a visit): read in the caller's workspace and locked until commit,
// so two desks' steps on the same row apply one after the other.
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { MutationRejected, type MutationContext } from './context';
import { canonicalId } from './unit-of-work';

type OwnTable = 'approval_requests' | 'callbacks' | 'visits';

/** The row, locked; refused as not_found with `missing` (what to do) when this workspace has none with that id. */
export async function lockOwnRow<T extends OwnTable>(
  ctx: MutationContext,
  table: T,
  id: string,
  missing: string,
): Promise<Selectable<Database[T]>> {
  const row = await ctx.trx
    .selectFrom(table as OwnTable)
    .selectAll()
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', canonicalId(id))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new MutationRejected('not_found', missing);
  return row as Selectable<Database[T]>;
}
