import { sql, type Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// The call log (docs/domain/phone-intake.md, "Call log"): one row per phone
// call staff took or made, synced to desks as `call` records. As in 0013, the
// wire column is redefined from the field lists wire_fields holds when this
// runs, so earlier records keep theirs.
const CALL_FIELDS = [
  'id',
  'clientId',
  'ticketId',
  'contactId',
  'callerName',
  'callerNumber',
  'callerExtension',
  'direction',
  'startedAt',
  'endedAt',
  'takenBy',
  'outcome',
  'summary',
  'callbackId',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Contact and callback ids have no foreign key: a contact may be removed later and the call must still say who
  // called; the callback is another table's (0020) and may arrive in a later push. The handler checks the contact.
  await db.schema
    .createTable('calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('ticket_id', 'uuid')
    .addColumn('contact_id', 'uuid')
    .addColumn('caller_name', 'text', (c) => c.notNull())
    .addColumn('caller_number', 'text')
    .addColumn('caller_extension', 'text')
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('inbound', 'outbound')`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz', (c) => c.notNull())
    .addColumn('taken_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('callback_id', 'uuid')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    // Checked at commit: a push may open a ticket and log the call that opened it; new tickets are inserted by the push's last statement.
    .addForeignKeyConstraint('calls_ticket', ['ticket_id'], 'tickets', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    // Whatever a handler does, a call never ends before it starts (the handler says so in words first).
    .addCheckConstraint('calls_in_order', sql`ended_at >= started_at`)
    .execute();
  await db.schema.createIndex('calls_ticket').on('calls').columns(['tenant_id', 'ticket_id']).execute();
  await db.schema.createIndex('calls_client').on('calls').columns(['tenant_id', 'client_id', 'started_at']).execute();
  await db
    .insertInto('wire_fields')
    .values({ entity: 'call', fields: JSON.stringify(CALL_FIELDS) })
    .execute();
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('changes').where('entity', '=', 'call').execute();
  await db.deleteFrom('wire_fields').where('entity', '=', 'call').execute();
  await rebuildWireColumn(db);
  await db.schema.dropTable('calls').execute();
}
