import { sql, type Kysely } from 'kysely';

// Push hardening (docs/sync-protocol.md#push-exactly-once-by-per-device-sequence):
// - client_mutations no longer references sync_clients: a person's least recently
//   used device id is recycled when they pass the cap, but its mutation records
//   are the audit trail and stay (the device's row is rebuilt from them if it returns);
// - a refused mutation is kept without its arguments but with a fingerprint of
//   name and arguments, so a resend can still be told from a different mutation
//   under the same number (an applied one is compared by its arguments);
// - sync_clients.acted_until: the latest time this device's applied changes count
//   at; a later change from it is never counted earlier;
// - ticket_events.recorded_at: when the server received the event (`at` is when
//   it counts, from the desk's clock).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('client_mutations').dropConstraint('client_mutations_client').execute();
  await db.schema
    .alterTable('client_mutations')
    .alterColumn('args', (c) => c.dropNotNull())
    .execute();
  await db.schema.alterTable('client_mutations').addColumn('fingerprint', 'text').execute();
  await sql`update client_mutations set fingerprint = md5(jsonb_build_array(name, args)::text), args = null
    where result->>'status' = 'rejected'`.execute(db);

  // No index for the cap per person: it reads the tenant's few device rows along the primary key,
  // and an index on updated_at would turn every push's update of the row into a non-HOT one.
  await db.schema.alterTable('sync_clients').addColumn('acted_until', 'timestamptz').execute();

  await db.schema.alterTable('ticket_events').addColumn('recorded_at', 'timestamptz').execute();
  await sql`update ticket_events set recorded_at = at`.execute(db);
  await db.schema
    .alterTable('ticket_events')
    .alterColumn('recorded_at', (c) => c.setDefault(sql`now()`))
    .execute();
  await db.schema
    .alterTable('ticket_events')
    .alterColumn('recorded_at', (c) => c.setNotNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket_events').dropColumn('recorded_at').execute();
  await db.schema.alterTable('sync_clients').dropColumn('acted_until').execute();
  await db.schema.alterTable('client_mutations').dropColumn('fingerprint').execute();
  // Arguments of refused mutations are gone; their rows keep an empty object.
  await sql`update client_mutations set args = '{}'::jsonb where args is null`.execute(db);
  await db.schema
    .alterTable('client_mutations')
    .alterColumn('args', (c) => c.setNotNull())
    .execute();
  await sql`delete from client_mutations m where not exists (select from sync_clients c where c.tenant_id = m.tenant_id and c.client_id = m.client_id)`.execute(
    db,
  );
  await db.schema
    .alterTable('client_mutations')
    .addForeignKeyConstraint('client_mutations_client', ['tenant_id', 'client_id'], 'sync_clients', ['tenant_id', 'client_id'])
    .execute();
}
