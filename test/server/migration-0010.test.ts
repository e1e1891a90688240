// Migration 0010 on a change log written before ticket events carried their
// actor: every event record gains the actor the server kept for it (none when
// it kept none), as a desk downloading the workspace sees it, and going down
// takes the field away again.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePullPage, WIRE_FIELDS, type Change } from '../../src/protocol';
import { pullChanges } from '../../src/server/changes/pull';
import { migrateToLatest } from '../../src/server/db/migrate';
import { migrationProvider } from '../../src/server/db/migrations/index';
import type { Database } from '../../src/server/db/schema';
import { seedDemoWorkspace } from '../../src/server/seed/demo-workspace';
import { BACKENDS, openTestDatabase, stopTestCluster } from './harness';

afterAll(() => stopTestCluster());

async function pulledEvents(db: Kysely<Database>, tenantId: string): Promise<Map<string, Record<string, unknown>>> {
  const pulled = await pullChanges(db, tenantId, 0, 5000);
  if (!pulled.ok) throw new Error(pulled.message);
  const page = decodePullPage(JSON.parse(pulled.json));
  expect(page.hasMore).toBe(false);
  const events = page.changes.filter((c): c is Extract<Change, { entity: 'ticket_event'; op: 'upsert' }> => c.entity === 'ticket_event');
  return new Map(events.map((c) => [c.id, c.data as Record<string, unknown>]));
}

describe.each(BACKENDS)('migration 0010 on %s', (backend) => {
  it('gives every ticket event record the actor its row kept, none where it kept none, and takes it away going down', async () => {
    // Seeded by today's code (its statements need today's schema, e.g. the audit log of 0016), then taken down to 0009.
    const database = await openTestDatabase(backend);
    const { db } = database;
    try {
      await seedDemoWorkspace(db, { tickets: 20 });
      const down = await new Migrator({ db, provider: migrationProvider }).migrateTo('0009-escalations');
      expect(down.error).toBeUndefined();
      const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
      // As a server before 0010 wrote them: no actorId in the log; and one event whose row has no actor.
      await sql`update changes set data = data - 'actorId' where entity = 'ticket_event'`.execute(db);
      const anonymous = await db.selectFrom('ticket_events').select('id').orderBy('id').executeTakeFirstOrThrow();
      await db.updateTable('ticket_events').set({ actor_id: null }).where('id', '=', anonymous.id).execute();
      const rows = await db.selectFrom('ticket_events').select(['id', 'actor_id']).execute();
      expect(rows.filter((r) => r.actor_id !== null).length).toBeGreaterThan(10);
      const before = await pulledEvents(db, tenant.id);
      expect([...before.values()].filter((e) => 'actorId' in e)).toEqual([]);

      await migrateToLatest(db);
      const fields = await db.selectFrom('wire_fields').select('fields').where('entity', '=', 'ticket_event').executeTakeFirstOrThrow();
      expect(fields.fields).toEqual(WIRE_FIELDS.ticket_event);
      const after = await pulledEvents(db, tenant.id);
      expect(after.size).toBe(rows.length);
      for (const row of rows) {
        const expected = row.actor_id === null ? before.get(row.id) : { ...before.get(row.id), actorId: row.actor_id };
        expect(after.get(row.id)).toEqual(expected);
      }
      expect(after.get(anonymous.id)).not.toHaveProperty('actorId');

      const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('0009-escalations');
      expect(error).toBeUndefined();
      expect(await pulledEvents(db, tenant.id)).toEqual(before);
      const kept = await sql<{ n: number }>`select count(*)::int as n from changes where data->'actorId' is not null`.execute(db);
      expect(kept.rows[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
