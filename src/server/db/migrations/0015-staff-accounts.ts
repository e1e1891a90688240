import { sql, type Kysely } from 'kysely';

// Staff administration (docs/staff-and-sessions.md).
//
// users: an invited person, or one whose password an admin reset, holds a
// one-time setup code until they choose their own password; only its scrypt
// hash is stored, with when it stops working.
//
// sessions: an id an admin can name a session by (the token hash never leaves
// the server), and the device's User-Agent at sign-in so the list says which
// desk it is. Sessions are looked up by user to end them all on deactivation.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('setup_code_hash', 'text').execute();
  await db.schema.alterTable('users').addColumn('setup_code_expires_at', 'timestamptz').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.createIndex('sessions_id').unique().on('sessions').column('id').execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_user').execute();
  await db.schema.dropIndex('sessions_id').execute();
  await db.schema.alterTable('sessions').dropColumn('user_agent').execute();
  await db.schema.alterTable('sessions').dropColumn('id').execute();
  await db.schema.alterTable('users').dropColumn('setup_code_expires_at').execute();
  await db.schema.alterTable('users').dropColumn('setup_code_hash').execute();
}
