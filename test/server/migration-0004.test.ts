// Migration 0004 on a database that already has pushes: refusals lose their
// arguments, every record gets the fingerprint a resend is checked against,
// and events get a receipt time. Checked through the server, as a desk sees it.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildServer } from '../../src/server/app';
import { createSession } from '../../src/server/auth/sessions';
import { migrateToLatest } from '../../src/server/db/migrate';
import { BACKENDS, openTestDatabase, stopTestCluster } from './harness';
import { Desk } from './desk';

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('migration 0004 on %s', (backend) => {
  it('keeps the answers a desk already got, checks resends against them, and drops refused arguments', async () => {
    const database = await openTestDatabase(backend, { upTo: '0002-snapshot-index' });
    const { db } = database;
    const tenant = uuidv7();
    const user = uuidv7();
    const ticket = uuidv7();
    const now = new Date();
    await sql`insert into tenants (id, slug, name, change_seq) values (${tenant}, ${`old-${tenant}`}, 'Old', 2)`.execute(db);
    await sql`insert into users (id, tenant_id, email, name, role, password_hash) values (${user}, ${tenant}, 'tech@old.example', 'Tech', 'technician', 'x')`.execute(
      db,
    );
    const client = uuidv7();
    const event = { id: uuidv7(), at: '2026-01-05T10:00:00.000Z' };
    await sql`insert into clients (id, tenant_id, name, time_zone, priority_scheme_id) values (${client}, ${tenant}, 'Client', 'UTC', 'four-tier')`.execute(
      db,
    );
    await sql`insert into tickets (id, tenant_id, client_id, title, description, status, priority, channel, opened_at, updated_at) values (${ticket}, ${tenant}, ${client}, 'T', '', 'open', 'high', 'phone', ${event.at}, ${event.at})`.execute(
      db,
    );
    await sql`insert into ticket_events (id, tenant_id, ticket_id, type, at, actor_id) values (${event.id}, ${tenant}, ${ticket}, 'opened', ${event.at}, ${user})`.execute(
      db,
    );
    await sql`insert into sync_clients (tenant_id, client_id, last_seq, user_id, updated_at) values (${tenant}, 'desk-from-before', 2, ${user}, ${now})`.execute(
      db,
    );
    const applied = {
      clientId: 'desk-from-before',
      seq: 1,
      name: 'setStatus' as const,
      args: { status: 'open' as const, id: ticket },
      performedAt: '2026-01-05T10:00:00.000Z',
    };
    const refused = {
      clientId: 'desk-from-before',
      seq: 2,
      name: 'setStatus' as const,
      args: { id: ticket, status: 'new' as const },
      performedAt: '2026-01-05T10:01:00.000Z',
    };
    const appliedResult = { clientId: 'desk-from-before', seq: 1, status: 'applied', changeSeq: 2 };
    const refusedResult = {
      clientId: 'desk-from-before',
      seq: 2,
      status: 'rejected',
      code: 'invalid_transition',
      message: 'A ticket cannot go from open to new.',
    };
    for (const [m, result] of [
      [applied, appliedResult],
      [refused, refusedResult],
    ] as const) {
      await sql`insert into client_mutations (tenant_id, client_id, seq, user_id, name, args, performed_at, result, applied_at)
        values (${tenant}, ${m.clientId}, ${m.seq}, ${user}, ${m.name}, ${JSON.stringify(m.args)}::jsonb, ${m.performedAt}, ${JSON.stringify(result)}::jsonb, ${now})`.execute(
        db,
      );
    }

    await migrateToLatest(db);
    const rows = await db.selectFrom('client_mutations').select(['seq', 'args']).where('tenant_id', '=', tenant).orderBy('seq').execute();
    expect(rows).toEqual([
      { seq: 1, args: applied.args },
      { seq: 2, args: null },
    ]);
    // The best known receipt time of an event from before is when it happened.
    const migrated = await db.selectFrom('ticket_events').select('recorded_at').where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(migrated.recorded_at.toISOString()).toBe(event.at);

    const app = await buildServer({ database });
    try {
      const desk = new Desk(app, (await createSession(db, { id: user, tenantId: tenant }, now, 3600_000)).token);
      desk.clientId = 'desk-from-before';
      // Sent as a desk sends them: keys in another order than stored is still the same mutation.
      const resent = await desk.push([{ ...applied, args: { id: ticket, status: 'open' as const } }, refused]);
      expect(resent.body.results).toEqual([
        { ...appliedResult, duplicate: true },
        { ...refusedResult, duplicate: true },
      ]);
      const different = await desk.push([{ ...applied, args: { id: ticket, status: 'closed' as const } }]);
      expect(different.body.results[0]).toMatchObject({ status: 'rejected', code: 'sequence_reused' });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
