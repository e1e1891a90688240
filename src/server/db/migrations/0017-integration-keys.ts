import { sql, type Kysely } from 'kysely';

// Integration keys (docs/integrations/pbx.md): what a phone system presents to
// look callers up on the server, one workspace per key. Only the SHA-256 of the
// secret is stored (it has 256 random bits: nothing to brute-force, so a fast
// hash suffices, as for sessions); the secret is shown once, when created.
// A revoked key is kept, not deleted, so the Staff screen can still say when it
// was revoked and the audit entries that name it still point at a row.
//
// The GIN index serves the lookup's first question, "whose phones contain this
// E.164?" (`phones @> '[{"e164": …}]'`), without reading every contact.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table integration_keys (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    label text not null,
    key_hash text not null unique,
    created_by uuid references users (id),
    created_at timestamptz not null,
    revoked_at timestamptz,
    last_used_at timestamptz
  )`.execute(db);
  await sql`create index integration_keys_tenant on integration_keys (tenant_id, created_at)`.execute(db);
  await sql`create index contacts_phones on contacts using gin (phones jsonb_path_ops)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index contacts_phones`.execute(db);
  await sql`drop table integration_keys`.execute(db);
}
