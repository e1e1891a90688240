// Every workspace starts with the guide's request types (docs/domain/lead-times.md);
// its staff then edit or archive them. Used when a workspace is created and by
// migration 0014 for the workspaces that existed before.
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_REQUEST_TYPES } from '../../domain/default-request-types';
import { appendChanges, type ChangeWrite } from '../changes/changes';
import { requestTypeRecord } from '../changes/records';
import type { Database, RequestTypesTable } from '../db/schema';
import type { Selectable } from 'kysely';

export function defaultRequestTypeRows(tenantId: string): Selectable<RequestTypesTable>[] {
  return DEFAULT_REQUEST_TYPES.map((t, i) => ({
    id: uuidv7(),
    tenant_id: tenantId,
    name: t.name,
    unit: t.unit,
    min_days: t.minDays,
    max_days: t.maxDays,
    parameter: t.parameter === null ? null : { label: t.parameter.label, bands: [...t.parameter.bands] },
    note: t.note,
    position: (i + 1) * 10,
    archived: false,
  }));
}

/** Inserts the default types and their changes; call inside the transaction that creates the workspace. */
export async function seedDefaultRequestTypes(trx: Kysely<Database>, tenantId: string, now: Date): Promise<void> {
  const rows = defaultRequestTypeRows(tenantId);
  await trx
    .insertInto('request_types')
    .values(rows.map((r) => ({ ...r, parameter: r.parameter === null ? null : JSON.stringify(r.parameter) })))
    .execute();
  await appendChanges(
    trx,
    tenantId,
    rows.map((r): ChangeWrite => ({ entity: 'request_type', id: r.id, op: 'upsert', data: requestTypeRecord(r) })),
    now,
  );
}
