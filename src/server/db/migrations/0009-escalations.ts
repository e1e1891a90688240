import { sql, type Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// Escalations (docs/domain/escalations-and-notifications.md): one row per step,
// synced to desks as `escalation` records, so the wire text learns their fields.
// As for notes, tenant_id has no foreign key (0001-initial explains why).
// As in 0008, the wire column is redefined from the field lists wire_fields
// holds when this runs, plus escalation's, so earlier records keep theirs.
const ESCALATION_FIELDS = ['id', 'ticketId', 'level', 'toRole', 'reason', 'escalatedBy', 'escalatedAt', 'acknowledgedBy', 'acknowledgedAt'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('escalations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('ticket_id', 'uuid', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 3`))
    .addColumn('to_role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('escalated_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('escalated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    // Checked at commit: a push may create a ticket and escalate it, and its new tickets are inserted by the push's last statement.
    .addForeignKeyConstraint('escalations_ticket', ['ticket_id'], 'tickets', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .execute();
  // One step per level per ticket: two transactions cannot both take the same step, even past the ticket lock.
  await db.schema.createIndex('escalations_ticket_level').on('escalations').columns(['tenant_id', 'ticket_id', 'level']).unique().execute();
  await db
    .insertInto('wire_fields')
    .values({ entity: 'escalation', fields: JSON.stringify(ESCALATION_FIELDS) })
    .execute();
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('changes').where('entity', '=', 'escalation').execute();
  await db.deleteFrom('wire_fields').where('entity', '=', 'escalation').execute();
  await rebuildWireColumn(db);
  await db.schema.dropTable('escalations').execute();
}
