import { sql, type Kysely } from 'kysely';
import { wireTextExpression } from './0005-wire-text';

// Time entries (docs/domain/time-and-approvals.md), and their records in the
// change log's wire text (see 0005-wire-text).
//
// The wire column is redefined from the field lists wire_fields holds when
// this runs, plus time_entry's: so it keeps whatever fields earlier
// migrations gave the other records. Redefining a stored generated column
// rewrites `changes` once (PostgreSQL 15 has no SET EXPRESSION).
const TIME_ENTRY_FIELDS = ['id', 'ticketId', 'authorId', 'startedAt', 'endedAt', 'workType', 'cause', 'note', 'performedAt', 'recordedAt'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rewriteWire(db: Kysely<any>, fields: Record<string, string[]>): Promise<void> {
  await sql`alter table changes drop column wire`.execute(db);
  await sql`alter table changes add column wire text generated always as (${wireTextExpression(fields)}) stored`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function currentWireFields(db: Kysely<any>): Promise<Record<string, string[]>> {
  const rows: { entity: string; fields: string[] }[] = await db.selectFrom('wire_fields').select(['entity', 'fields']).execute();
  return Object.fromEntries(rows.map((r) => [r.entity, r.fields]));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // ticket_id has no foreign key: a push may open a ticket and log time on it,
  // and the ticket's insert is deferred to the push's last statement
  // (unit-of-work.ts); the handler checks the ticket is the tenant's, locked.
  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('ticket_id', 'uuid', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz', (c) => c.notNull())
    .addColumn('work_type', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('performed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The approval rule reads a ticket's entries on every new one.
  await db.schema.createIndex('time_entries_ticket').on('time_entries').columns(['tenant_id', 'ticket_id']).execute();

  const fields = { ...(await currentWireFields(db)), time_entry: TIME_ENTRY_FIELDS };
  await rewriteWire(db, fields);
  await db
    .insertInto('wire_fields')
    .values({ entity: 'time_entry', fields: JSON.stringify(TIME_ENTRY_FIELDS) })
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('changes').where('entity', '=', 'time_entry').execute();
  await db.deleteFrom('wire_fields').where('entity', '=', 'time_entry').execute();
  await rewriteWire(db, await currentWireFields(db));
  await db.schema.dropTable('time_entries').execute();
}
