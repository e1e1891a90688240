import { sql, type Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// Onsite visits (docs/domain/onsite-visits.md): one row per visit quoted on a
// ticket, from the quote through booking, check-in and check-out to
// completion, synced to desks as `visit` records. As in 0020, the wire column
// is redefined from the field lists wire_fields holds when this runs.
const VISIT_FIELDS = [
  'id',
  'ticketId',
  'clientId',
  'siteId',
  'contactId',
  'scope',
  'needsDowntime',
  'travelZone',
  'contractBaseFeeCents',
  'zoneSurchargeCents',
  'scopeSurchargeCents',
  'surchargeReason',
  'baseFeeCents',
  'hourlyRateCents',
  'estimateHours',
  'approvalRequestId',
  'status',
  'technicianId',
  'startsAt',
  'endsAt',
  'scheduledBy',
  'scheduledAt',
  'bookingRefusal',
  'checkedInAt',
  'checkedInBy',
  'checkedOutAt',
  'checkedOutBy',
  'onsiteMinutes',
  'billedHours',
  'payments',
  'authorizations',
  'workNotes',
  'parts',
  'cancelReason',
  'cancelledAt',
  'cancelledBy',
  'createdBy',
  'createdAt',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The ticket and the approval request have no foreign key: both may be written
  // in the same push, the ticket only at the push's end (unit-of-work.ts). The
  // site is an entry of the client's `sites`; the handler checks all of them.
  await db.schema
    .createTable('visits')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('ticket_id', 'uuid', (c) => c.notNull())
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('site_id', 'uuid', (c) => c.notNull())
    .addColumn('contact_id', 'uuid', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('needs_downtime', 'boolean', (c) => c.notNull())
    .addColumn('travel_zone', 'text', (c) => c.notNull())
    .addColumn('contract_base_fee_cents', 'integer', (c) => c.notNull())
    .addColumn('zone_surcharge_cents', 'integer', (c) => c.notNull())
    .addColumn('scope_surcharge_cents', 'integer', (c) => c.notNull())
    .addColumn('surcharge_reason', 'text', (c) => c.notNull())
    .addColumn('base_fee_cents', 'integer', (c) => c.notNull())
    .addColumn('hourly_rate_cents', 'integer', (c) => c.notNull())
    .addColumn('estimate_hours', 'integer', (c) => c.notNull())
    .addColumn('approval_request_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('starts_at', 'timestamptz')
    .addColumn('ends_at', 'timestamptz')
    .addColumn('scheduled_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('scheduled_at', 'timestamptz')
    .addColumn('booking_refusal', 'jsonb')
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('checked_in_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('checked_out_at', 'timestamptz')
    .addColumn('checked_out_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('onsite_minutes', 'integer')
    .addColumn('billed_hours', 'integer')
    .addColumn('payments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('authorizations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('work_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('parts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancelled_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The booking overlap check (booking.ts): a technician's live bookings by start, a range scan per placement.
  await sql`create index visits_booking on visits (tenant_id, technician_id, starts_at)
    where status in ('scheduled', 'onsite')`.execute(db);
  // A ticket's visits, and a client's (its page, the monthly CSV).
  await db.schema.createIndex('visits_ticket').on('visits').columns(['tenant_id', 'ticket_id']).execute();
  await db.schema.createIndex('visits_client').on('visits').columns(['tenant_id', 'client_id', 'starts_at']).execute();
  await db
    .insertInto('wire_fields')
    .values({ entity: 'visit', fields: JSON.stringify(VISIT_FIELDS) })
    .execute();
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('changes').where('entity', '=', 'visit').execute();
  await db.deleteFrom('wire_fields').where('entity', '=', 'visit').execute();
  await rebuildWireColumn(db);
  await db.schema.dropTable('visits').execute();
}
