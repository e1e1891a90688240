import type { Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// Time entries (docs/domain/time-and-approvals.md), and their records in the
// change log's wire text (see 0005-wire-text).
//
// The wire column is redefined from the field lists wire_fields holds when
// this runs, time_entry's added first (rebuildWireColumn), so it keeps
// whatever fields earlier migrations gave the other records.
const TIME_ENTRY_FIELDS = ['id', 'ticketId', 'authorId', 'startedAt', 'endedAt', 'workType', 'cause', 'note', 'performedAt', 'recordedAt'];

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

  await db
    .insertInto('wire_fields')
    .values({ entity: 'time_entry', fields: JSON.stringify(TIME_ENTRY_FIELDS) })
    .execute();
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('changes').where('entity', '=', 'time_entry').execute();
  await db.deleteFrom('wire_fields').where('entity', '=', 'time_entry').execute();
  await rebuildWireColumn(db);
  await db.schema.dropTable('time_entries').execute();
}
