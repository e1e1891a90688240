import { sql, type Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// A client's service record (docs/domain/clients.md): sites, a custom SLA
// policy (null: the scheme's preset), contract terms in integer cents, a
// maintenance window and what onboarding collected. Existing clients get one
// site, their main office in their own zone, and the standard terms; the
// change log's client records gain the same fields, and so does the wire text
// (see 0005-wire-text), so a desk's download brings them.
const FIELDS = ['sites', 'customPolicy', 'contract', 'maintenanceWindow', 'onboarding'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // If not exists: a down keeps the columns (see down), and the next up finds them with the records people entered.
  await db.schema
    .alterTable('clients')
    .addColumn('sites', 'jsonb', (c) =>
      c
        .ifNotExists()
        .notNull()
        .defaultTo(sql`'[]'::jsonb`),
    )
    .addColumn('custom_policy', 'jsonb', (c) => c.ifNotExists())
    .addColumn('hourly_rate_cents', 'integer', (c) =>
      c
        .ifNotExists()
        .notNull()
        .defaultTo(15_000)
        .check(sql`hourly_rate_cents > 0`),
    )
    .addColumn('onsite_base_fee_cents', 'integer', (c) =>
      c
        .ifNotExists()
        .notNull()
        .defaultTo(35_000)
        .check(sql`onsite_base_fee_cents > 0`),
    )
    .addColumn('after_hours_billable', 'text', (c) => c.ifNotExists().notNull().defaultTo('unless_critical'))
    .addColumn('after_hours_rate_cents', 'integer', (c) => c.ifNotExists().check(sql`after_hours_rate_cents > 0`))
    .addColumn('maintenance_window', 'jsonb', (c) => c.ifNotExists())
    .addColumn('after_hours_contact_ids', 'jsonb', (c) =>
      c
        .ifNotExists()
        .notNull()
        .defaultTo(sql`'[]'::jsonb`),
    )
    .addColumn('authorization_preferences', 'text', (c) => c.ifNotExists().notNull().defaultTo(''))
    .addColumn('onboarding_notes', 'text', (c) => c.ifNotExists().notNull().defaultTo(''))
    .execute();
  await sql`update clients set sites = jsonb_build_array(jsonb_build_object(
      'id', gen_random_uuid(), 'name', 'Main office', 'address', '', 'timeZone', time_zone))
    where sites = '[]'::jsonb`.execute(db);
  await sql`update changes c set data = c.data || jsonb_build_object(
      'sites', k.sites,
      'customPolicy', k.custom_policy,
      'contract', jsonb_build_object('hourlyRateCents', k.hourly_rate_cents, 'onsiteBaseFeeCents', k.onsite_base_fee_cents,
        'afterHoursBillable', k.after_hours_billable, 'afterHoursRateCents', k.after_hours_rate_cents),
      'maintenanceWindow', k.maintenance_window,
      'onboarding', jsonb_build_object('afterHoursContactIds', k.after_hours_contact_ids,
        'authorizationPreferences', k.authorization_preferences, 'notes', k.onboarding_notes))
    from clients k
    where c.entity = 'client' and c.op = 'upsert' and c.id = k.id and c.tenant_id = k.tenant_id`.execute(db);
  await sql`update wire_fields set fields = fields || ${JSON.stringify(FIELDS)}::jsonb where entity = 'client'`.execute(db);
  await rebuildWireColumn(db);
}

// Going down takes the fields off the wire and out of the change log but keeps
// the columns (each has a default, so older code inserts clients as before):
// the service records people entered survive a down and up again.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update wire_fields set fields = fields - array[${sql.join(FIELDS.map((f) => sql.lit(f)))}]::text[] where entity = 'client'`.execute(
    db,
  );
  await sql`update changes set data = data - array[${sql.join(FIELDS.map((f) => sql.lit(f)))}]::text[] where entity = 'client' and op = 'upsert'`.execute(
    db,
  );
  await rebuildWireColumn(db);
}
