import type { Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// Callbacks (docs/domain/phone-intake.md, "Callbacks"): one row per promise to
// call someone back, open until it is done or cancelled, synced to desks as
// `callback` records. As in 0013, the wire column is redefined from the field
// lists wire_fields holds when this runs, so earlier records keep theirs.
const CALLBACK_FIELDS = [
  'id',
  'clientId',
  'contactId',
  'callerName',
  'number',
  'extension',
  'numberRaw',
  'reason',
  'promisedBy',
  'timeZone',
  'ticketId',
  'status',
  'createdBy',
  'createdAt',
  'closedBy',
  'closedAt',
  'outcome',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Contact, ticket and call ids have no foreign key: a callback may be promised
  // in the same push that creates its ticket, and a contact may be removed later
  // while the callback must still say whom to call. The handler checks each
  // belongs to the callback's client when it is named.
  await db.schema
    .createTable('callbacks')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('contact_id', 'uuid')
    .addColumn('caller_name', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('extension', 'text')
    .addColumn('number_raw', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('promised_by', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'uuid')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('outcome', 'text')
    .addColumn('call_id', 'uuid')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The open list in promise order, and a client's page.
  await db.schema.createIndex('callbacks_open').on('callbacks').columns(['tenant_id', 'status', 'promised_by']).execute();
  await db.schema.createIndex('callbacks_client').on('callbacks').columns(['tenant_id', 'client_id']).execute();
  await db
    .insertInto('wire_fields')
    .values({ entity: 'callback', fields: JSON.stringify(CALLBACK_FIELDS) })
    .execute();
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('changes').where('entity', '=', 'callback').execute();
  await db.deleteFrom('wire_fields').where('entity', '=', 'callback').execute();
  await rebuildWireColumn(db);
  await db.schema.dropTable('callbacks').execute();
}
