import { sql, type Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// Approval requests for billable work (docs/domain/contacts-and-approvals.md,
// "Approval requests"): one row per request with its one confirmation,
// approval or decline, synced to desks as `approval_request` records. Time
// entries gain the request their billable time counts against
// (`approvalRequestId?`, left out when null, as 0010 did for events' actors).
// As in 0009, the wire column is redefined from the field lists wire_fields
// holds when this runs, so earlier records keep theirs.
const APPROVAL_REQUEST_FIELDS = [
  'id',
  'ticketId',
  'clientId',
  'requesterContactId',
  'callerName',
  'callerPhone',
  'kind',
  'work',
  'cause',
  'onsite',
  'afterHours',
  'triggers',
  'description',
  'estimateMinutes',
  'estimateCents',
  'status',
  'confirmedBy',
  'confirmedVia',
  'confirmedAt',
  'confirmationTakenBy',
  'approvedBy',
  'approvedVia',
  'approvedAt',
  'approvedMinutes',
  'approvedCents',
  'approvalTakenBy',
  'declineReason',
  'declinedAt',
  'declineTakenBy',
  'createdBy',
  'createdAt',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Contact ids have no foreign key: a contact may be removed later, and the
  // request must still say who asked and who approved. The handler checks
  // each contact is the ticket's client's when it is named.
  await db.schema
    .createTable('approval_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('ticket_id', 'uuid', (c) => c.notNull())
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('requester_contact_id', 'uuid')
    .addColumn('caller_name', 'text')
    .addColumn('caller_phone', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('work', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('onsite', 'boolean', (c) => c.notNull())
    .addColumn('after_hours', 'boolean', (c) => c.notNull())
    .addColumn('triggers', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('estimate_minutes', 'integer')
    .addColumn('estimate_cents', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'uuid')
    .addColumn('confirmed_via', 'text')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmation_taken_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('approved_by', 'uuid')
    .addColumn('approved_via', 'text')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_minutes', 'integer')
    .addColumn('approved_cents', 'integer')
    .addColumn('approval_taken_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decline_reason', 'text')
    .addColumn('declined_at', 'timestamptz')
    .addColumn('decline_taken_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    // Checked at commit: a push may open a ticket and request approval on it; new tickets are inserted by the push's last statement.
    .addForeignKeyConstraint('approval_requests_ticket', ['ticket_id'], 'tickets', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    // Never more approved than requested, whatever a handler does.
    .addCheckConstraint('approval_requests_within_estimate', sql`approved_minutes <= estimate_minutes and approved_cents <= estimate_cents`)
    .execute();
  await db.schema.createIndex('approval_requests_ticket').on('approval_requests').columns(['tenant_id', 'ticket_id']).execute();
  await db.schema.alterTable('time_entries').addColumn('approval_request_id', 'uuid').execute();
  await db
    .insertInto('wire_fields')
    .values({ entity: 'approval_request', fields: JSON.stringify(APPROVAL_REQUEST_FIELDS) })
    .execute();
  await sql`update wire_fields set fields = fields || '["approvalRequestId?"]'::jsonb where entity = 'time_entry'`.execute(db);
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('changes').where('entity', '=', 'approval_request').execute();
  await db.deleteFrom('wire_fields').where('entity', '=', 'approval_request').execute();
  await sql`update wire_fields set fields = fields - 'approvalRequestId?' where entity = 'time_entry'`.execute(db);
  await sql`update changes set data = data - 'approvalRequestId' where entity = 'time_entry' and op = 'upsert'`.execute(db);
  await rebuildWireColumn(db);
  await db.schema.alterTable('time_entries').dropColumn('approval_request_id').execute();
  await db.schema.dropTable('approval_requests').execute();
}
