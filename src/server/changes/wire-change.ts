import { sql, type Kysely } from 'kysely';
import type { Entity, PullPage } from '../../protocol';
import type { Database } from '../db/schema';

/**
 * A `changes` row as WireChange text: its sequence, its entity and the
 * record's values PostgreSQL keeps ready in `wire` (see migration 0005), or
 * null and the id of a delete. Concatenated, never parsed: entity names and
 * ids need no escaping, and building the values from the jsonb on every read
 * was most of a download's server time.
 */
export const wireChange = sql`case when op = 'delete' then '[' || seq || ',"' || entity || '",null,"' || id || '"]' else '[' || seq || ',"' || entity || '",' || wire || ']' end`;

/** The field names of the values in `changes.wire`: a page names these, the ones its text was written with. */
export async function wireFields(db: Kysely<Database>): Promise<PullPage['fields']> {
  const rows = await db.selectFrom('wire_fields').select(['entity', 'fields']).execute();
  return Object.fromEntries(rows.map((r) => [r.entity as Entity, r.fields]));
}

/**
 * A page as JSON text: the changes PostgreSQL already wrote as text, then the
 * page's other fields. Serializing `rest` and dropping its `{` keeps it valid
 * whatever those fields are.
 */
export function pageJson(changes: string, rest: object): string {
  return `{"changes":[${changes}],${JSON.stringify(rest).slice(1)}`;
}
