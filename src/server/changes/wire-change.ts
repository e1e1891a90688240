import { sql } from 'kysely';
import { ENTITIES, fieldName, WIRE_FIELDS } from '../../protocol';

/**
 * A `changes` row as a WireChange, built by PostgreSQL: the record's values in
 * WIRE_FIELDS order, or null and the id of a delete. Parsing each row's jsonb
 * into objects in Node only to serialize them again took half of a download's
 * server time.
 */
export const wireChange = sql`case when op = 'delete' then json_build_array(seq, entity, null, id) else json_build_array(seq, entity, case entity ${sql.join(
  ENTITIES.map((e) => sql`when ${sql.lit(e)} then json_build_array(${sql.join(WIRE_FIELDS[e].map((f) => sql`data->${sql.lit(fieldName(f))}`))})`),
  sql` `,
)} end) end`;

/**
 * A page as JSON text: the changes PostgreSQL already wrote as text, then the
 * page's other fields. Serializing `rest` and dropping its `{` keeps it valid
 * whatever those fields are.
 */
export function pageJson(changes: string, rest: object): string {
  return `{"changes":[${changes}],${JSON.stringify(rest).slice(1)}`;
}
