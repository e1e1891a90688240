import { sql, type Kysely } from 'kysely';
import { rebuildWireColumn } from './0005-wire-text';

// Ticket events carry who did them (`actorId`), so the ticket's timeline can
// say who opened it and who changed its status or priority. The server has
// always kept the actor (ticket_events.actor_id); the change log's records gain
// it from there, and the wire text learns the field (see 0005-wire-text). An
// event written without an actor keeps none: `actorId?` is left out when null,
// as the record mapper leaves it out.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update wire_fields set fields = fields || '["actorId?"]'::jsonb where entity = 'ticket_event'`.execute(db);
  await sql`update changes c set data = c.data || jsonb_build_object('actorId', e.actor_id)
    from ticket_events e
    where c.entity = 'ticket_event' and c.op = 'upsert' and c.id = e.id and c.tenant_id = e.tenant_id and e.actor_id is not null`.execute(
    db,
  );
  await rebuildWireColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update wire_fields set fields = fields - 'actorId?' where entity = 'ticket_event'`.execute(db);
  await sql`update changes set data = data - 'actorId' where entity = 'ticket_event' and op = 'upsert'`.execute(db);
  await rebuildWireColumn(db);
}
