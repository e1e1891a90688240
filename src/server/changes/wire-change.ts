import { sql } from 'kysely';
import type { PullPage } from '../../protocol';

/**
 * A `changes` row as WireChange text: its sequence, its entity and the
 * record's values PostgreSQL keeps ready in `wire` (see migration 0005), or
 * null and the id of a delete. Concatenated, never parsed: entity names and
 * ids need no escaping, and building the values from the jsonb on every read
 * was most of a download's server time.
 */
export const wireChange = sql`case when op = 'delete' then '[' || seq || ',"' || entity || '",null,"' || id || '"]' else '[' || seq || ',"' || entity || '",' || wire || ']' end`;

/**
 * The field names of the values in `changes.wire`, per entity: a page names
 * these, the ones its text was written with. A column for the query that
 * reads the tenant's sequence, so naming them costs no round trip of its own.
 */
export const wireFields = sql<PullPage['fields']>`(select json_object_agg(entity, fields) from wire_fields)`;

/**
 * A page as JSON text: the changes PostgreSQL already wrote as text, then the
 * page's other fields. Serializing `rest` and dropping its `{` keeps it valid
 * whatever those fields are.
 */
export function pageJson(changes: string, rest: object): string {
  return `{"changes":[${changes}],${JSON.stringify(rest).slice(1)}`;
}
