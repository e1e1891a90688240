import { sql, type Kysely, type RawBuilder } from 'kysely';

// Each change's record as the text a snapshot or pull page sends (its values in
// the order `wire_fields` names), kept by PostgreSQL itself on every write of
// `data`: a stored generated column. Building that text from the jsonb on every
// download was most of the download's server time (100,000 tickets with their
// history: 6.6 s of PGlite time a download, 2.3 s reading this column).
//
// The field lists are this migration's own copy, not the protocol's: a change
// to a record's fields needs a new migration that redefines the column and
// rewrites wire_fields (test/server/wire-text.test.ts fails until it exists).
// Pages name the fields wire_fields holds, so the text and its field names
// always come from the same migration.
export const WIRE_FIELDS_0005: Record<string, string[]> = {
  ticket: ['id', 'clientId', 'title', 'description', 'status', 'priority', 'channel', 'assigneeId', 'openedAt', 'updatedAt'],
  client: ['id', 'name', 'timeZone', 'prioritySchemeId'],
  contact: ['id', 'clientId', 'name', 'email', 'phone', 'role'],
  user: ['id', 'name', 'email', 'role', 'active'],
  ticket_event: ['id', 'ticketId', 'type', 'at', 'priority?', 'status?'],
  note: ['id', 'ticketId', 'kind', 'authorId', 'body', 'performedAt', 'recordedAt'],
};

/**
 * `data`'s values as a JSON array, in `fields` order, a missing key as null.
 * Only immutable functions (jsonb's text output, concatenation), as a generated
 * column requires; json_build_array is merely stable.
 */
export function wireTextExpression(fields: Record<string, string[]>): RawBuilder<unknown> {
  const value = (field: string) => sql`coalesce((data->${sql.lit(field.replace(/\?$/, ''))})::text, 'null')`;
  const byEntity = Object.entries(fields).map(
    ([entity, names]) => sql`when ${sql.lit(entity)} then '[' || ${sql.join(names.map(value), sql` || ',' || `)} || ']'`,
  );
  return sql`case when data is null then null else case entity ${sql.join(byEntity, sql` `)} end end`;
}

/**
 * Redefines the wire column from the field lists wire_fields holds now, so a
 * migration that changes one record's fields (in wire_fields first) keeps
 * every other record's as earlier migrations left them. Rewrites `changes`
 * once: PostgreSQL 15 cannot change a generated column's expression in place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rebuildWireColumn(db: Kysely<any>): Promise<void> {
  const rows: { entity: string; fields: string[] }[] = await db.selectFrom('wire_fields').select(['entity', 'fields']).execute();
  const fields = Object.fromEntries(rows.map((r) => [r.entity, r.fields]));
  await sql`alter table changes drop column wire`.execute(db);
  await sql`alter table changes add column wire text generated always as (${wireTextExpression(fields)}) stored`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Adding a stored generated column rewrites the table once (measured 4.6 s for 457,751 changes on PGlite).
  await sql`alter table changes add column wire text generated always as (${wireTextExpression(WIRE_FIELDS_0005)}) stored`.execute(db);
  await db.schema
    .createTable('wire_fields')
    .addColumn('entity', 'text', (c) => c.primaryKey())
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .execute();
  await db
    .insertInto('wire_fields')
    .values(Object.entries(WIRE_FIELDS_0005).map(([entity, fields]) => ({ entity, fields: JSON.stringify(fields) })))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wire_fields').execute();
  await db.schema.alterTable('changes').dropColumn('wire').execute();
}
