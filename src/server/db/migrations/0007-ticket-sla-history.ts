import { sql, type Kysely } from 'kysely';
import { appendSlaEvent } from '../../../domain/sla-history';
import type { SlaEvent } from '../../../domain/sla';
import { WIRE_FIELDS_0005, wireTextExpression } from './0005-wire-text';

// Tickets carry their compact SLA history (src/domain/sla-history.ts,
// docs/domain/sla-history.md) so a desk computes every deadline from the ticket
// alone. Existing tickets get theirs from the full log, in the order the server
// wrote it (event ids are UUIDv7s made by the server as it applied each event),
// through the same rule the handlers use; their records in the change log gain
// `sla`, and the wire text names it (0005-wire-text.ts: a field change needs a
// migration that redefines the column).
export const WIRE_FIELDS_0007: Record<string, string[]> = { ...WIRE_FIELDS_0005, ticket: [...WIRE_FIELDS_0005.ticket!, 'sla'] };

const PAGE = 1000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tickets')
    .addColumn('sla_history', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const tickets = await db.selectFrom('tickets').select('id').where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (tickets.length === 0) break;
    const ids = tickets.map((t) => t.id as string);
    const events = await db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'type', 'at', 'priority', 'status'])
      .where('ticket_id', 'in', ids)
      .orderBy('ticket_id')
      .orderBy('id')
      .execute();
    const histories = new Map<string, readonly SlaEvent[]>();
    for (const e of events) {
      const event = {
        type: e.type,
        at: new Date(e.at).toISOString(),
        ...(e.priority === null ? {} : { priority: e.priority }),
        ...(e.status === null ? {} : { status: e.status }),
      } as SlaEvent;
      const history = histories.get(e.ticket_id);
      histories.set(e.ticket_id, history ? appendSlaEvent(history, event) : e.type === 'opened' ? [event] : []);
    }
    const rows = [...histories].map(([id, sla]) => ({ id, sla }));
    await sql`update tickets t set sla_history = v.sla
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, sla jsonb) where t.id = v.id`.execute(db);
    after = ids[ids.length - 1]!;
  }
  await db.schema.alterTable('changes').dropColumn('wire').execute();
  await sql`update changes c set data = c.data || jsonb_build_object('sla', t.sla_history)
    from tickets t where c.entity = 'ticket' and c.op = 'upsert' and c.id = t.id and c.tenant_id = t.tenant_id`.execute(db);
  await sql`alter table changes add column wire text generated always as (${wireTextExpression(WIRE_FIELDS_0007)}) stored`.execute(db);
  await db
    .updateTable('wire_fields')
    .set({ fields: JSON.stringify(WIRE_FIELDS_0007.ticket) })
    .where('entity', '=', 'ticket')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('wire_fields')
    .set({ fields: JSON.stringify(WIRE_FIELDS_0005.ticket) })
    .where('entity', '=', 'ticket')
    .execute();
  await db.schema.alterTable('changes').dropColumn('wire').execute();
  await sql`update changes set data = data - 'sla' where entity = 'ticket' and op = 'upsert'`.execute(db);
  await sql`alter table changes add column wire text generated always as (${wireTextExpression(WIRE_FIELDS_0005)}) stored`.execute(db);
  await db.schema.alterTable('tickets').dropColumn('sla_history').execute();
}
