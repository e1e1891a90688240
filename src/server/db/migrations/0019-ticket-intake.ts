import { sql, type Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// A ticket opened from a phone call keeps what intake recorded (docs/domain/phone-intake.md,
// "The intake block"): `intake` on the ticket record, absent on every other ticket, as
// 0014 did for `leadTime`. The wire text learns the field (see 0005-wire-text).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('intake', 'jsonb').execute();
  await sql`update wire_fields set fields = fields || '["intake?"]'::jsonb where entity = 'ticket'`.execute(db);
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update changes set data = data - 'intake' where entity = 'ticket' and op = 'upsert' and data ? 'intake'`.execute(db);
  await sql`update wire_fields set fields = fields - 'intake?' where entity = 'ticket'`.execute(db);
  await rebuildWireColumn(db);
  await db.schema.alterTable('tickets').dropColumn('intake').execute();
}
