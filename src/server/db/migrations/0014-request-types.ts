import { sql, type Kysely } from 'kysely';
import { defaultRequestTypeRows } from '../../lead-times/default-request-types';
import { requestTypeRecord } from '../../changes/records';
import { rebuildWireColumn } from './0005-wire-text';

// Request types with lead times (docs/domain/lead-times.md), per workspace,
// synced to desks as `request_type` records; tickets may name one and carry the
// dates promised at creation (`leadTime`, absent on tickets that are not such
// requests). The wire text learns both (see 0005-wire-text). Workspaces that
// existed before get the guide's default types, in their change log like any edit.
const REQUEST_TYPE_FIELDS = ['id', 'name', 'unit', 'minDays', 'maxDays', 'parameter', 'note', 'position', 'archived'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_types')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit in ('business_days', 'calendar_days')`))
    // The handlers check every rule with its message (src/domain/lead-times.ts); these only keep a bad row out.
    .addColumn('min_days', 'integer', (c) => c.notNull().check(sql`min_days >= 0`))
    .addColumn('max_days', 'integer')
    .addColumn('parameter', 'jsonb')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
    .addCheckConstraint('request_types_range', sql`max_days is null or max_days >= min_days`)
    .execute();
  await db.schema.createIndex('request_types_tenant').on('request_types').column('tenant_id').execute();
  await db.schema.alterTable('tickets').addColumn('lead_time', 'jsonb').execute();
  await sql`update wire_fields set fields = fields || '["leadTime?"]'::jsonb where entity = 'ticket'`.execute(db);
  await sql`insert into wire_fields (entity, fields) values ('request_type', ${JSON.stringify(REQUEST_TYPE_FIELDS)}::jsonb)`.execute(db);
  await rebuildWireColumn(db);

  const now = new Date().toISOString();
  const tenants: { id: string }[] = await db.selectFrom('tenants').select('id').execute();
  for (const { id: tenantId } of tenants) {
    const rows = defaultRequestTypeRows(tenantId);
    await db
      .insertInto('request_types')
      .values(rows.map((r) => ({ ...r, parameter: r.parameter === null ? null : JSON.stringify(r.parameter) })))
      .execute();
    const records = rows.map((r) => requestTypeRecord(r));
    await sql`with t as (
        update tenants set change_seq = change_seq + ${records.length}::bigint where id = ${tenantId}::uuid returning change_seq
      )
      insert into changes (tenant_id, entity, id, seq, op, data, changed_at)
      select ${tenantId}::uuid, 'request_type', (r.e->>'id')::uuid, t.change_seq - ${records.length}::bigint + r.ord, 'upsert', r.e, ${now}::timestamptz
      from jsonb_array_elements(${JSON.stringify(records)}::jsonb) with ordinality as r(e, ord) cross join t`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from changes where entity = 'request_type'`.execute(db);
  await sql`update changes set data = data - 'leadTime' where entity = 'ticket' and op = 'upsert' and data ? 'leadTime'`.execute(db);
  await sql`delete from wire_fields where entity = 'request_type'`.execute(db);
  await sql`update wire_fields set fields = fields - 'leadTime?' where entity = 'ticket'`.execute(db);
  await rebuildWireColumn(db);
  await db.schema.alterTable('tickets').dropColumn('lead_time').execute();
  await db.schema.dropTable('request_types').execute();
}
