// Pages send the record text PostgreSQL keeps in `changes.wire` (migration
// 0005-wire-text, redefined by 0007-ticket-sla-history). It must name the fields the protocol's record schemas have,
// and a database written before those migrations must serve the records it holds.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePullPage, decodeSnapshotPage, snapshotQuerySchema, WIRE_FIELDS, type Change } from '../../src/protocol';
import { appendChanges } from '../../src/server/changes/changes';
import { pullChanges } from '../../src/server/changes/pull';
import { snapshotPage } from '../../src/server/changes/snapshot';
import { migrateToLatest } from '../../src/server/db/migrate';
import { migrationProvider } from '../../src/server/db/migrations/index';
import type { Database } from '../../src/server/db/schema';
import { seedDemoWorkspace } from '../../src/server/seed/demo-workspace';
import { BACKENDS, openTestDatabase, stopTestCluster } from './harness';

async function snapshotAll(db: Kysely<Database>, tenantId: string): Promise<Change[]> {
  const changes: Change[] = [];
  for (let after: string | null = null; ;) {
    const page = decodeSnapshotPage(
      JSON.parse(await snapshotPage(db, tenantId, after === null ? undefined : snapshotQuerySchema.parse({ after }).after, 7)),
    );
    changes.push(...page.changes);
    if (page.next === null) return changes;
    after = page.next;
  }
}

const byRow = (rows: readonly { entity: string; id: string; data: unknown }[]) => new Map(rows.map((r) => [`${r.entity}:${r.id}`, r.data]));

async function hasWireColumn(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from information_schema.columns where table_name = 'changes' and column_name = 'wire'`.execute(db);
  return rows[0]!.n === 1;
}

describe.each(BACKENDS)('wire text on %s', (backend) => {
  afterAll(stopTestCluster);

  it('names the fields of the protocol: a record field changed without a migration fails here', async () => {
    const database = await openTestDatabase(backend);
    try {
      const rows = await database.db.selectFrom('wire_fields').select(['entity', 'fields']).execute();
      expect(Object.fromEntries(rows.map((r) => [r.entity, r.fields]))).toEqual(WIRE_FIELDS);
    } finally {
      await database.close();
    }
  });

  it('serves a database written before it with the records it holds, deletes included, and migrates down and up again', async () => {
    // Written at today's schema, then taken back to before 0005 (no wire text) and 0007 (no SLA history on tickets):
    // going up again must give every record back as it was, the tickets' histories rebuilt from the full log.
    const database = await openTestDatabase(backend);
    const { db } = database;
    try {
      const migrator = new Migrator({ db, provider: migrationProvider });
      await seedDemoWorkspace(db, { tickets: 40 });
      const tenant = await db.selectFrom('tenants').select(['id', 'change_seq']).executeTakeFirstOrThrow();
      const note = await db.selectFrom('changes').select('id').where('entity', '=', 'note').executeTakeFirstOrThrow();
      await db
        .transaction()
        .execute((trx) => appendChanges(trx, tenant.id, [{ entity: 'note', id: note.id, op: 'delete', data: null }], new Date()));
      const live = await db
        .selectFrom('changes')
        .select(['entity', 'id', 'data'])
        .where('tenant_id', '=', tenant.id)
        .where('op', '=', 'upsert')
        .execute();
      expect(new Set(live.map((r) => r.entity))).toEqual(
        new Set(['user', 'client', 'contact', 'ticket', 'ticket_event', 'note', 'request_type', 'approval_request', 'visit']),
      );
      // Going below 0014 drops the request types; coming back up gives the workspace the defaults again, under new ids.
      // Below 0013 and 0021 the demo's approval requests and visits go with their tables, and do not come back.
      const gone = (entity: string) => entity === 'approval_request' || entity === 'visit';
      const kept = live.filter((r) => r.entity !== 'request_type' && !gone(r.entity));
      const withoutTypes = (changes: Change[]) => changes.filter((c) => c.entity !== 'request_type');
      const histories = live.filter((r) => r.entity === 'ticket').map((r) => (r.data as { sla: unknown[] }).sla.length);
      expect(histories).toHaveLength(40);
      expect(Math.min(...histories)).toBeGreaterThan(0);
      expect((await migrator.migrateTo('0004-push-hardening')).error).toBeUndefined();
      expect(await hasWireColumn(db)).toBe(false);

      for (let round = 0; round < 2; round++) {
        await migrateToLatest(db);
        expect(await hasWireColumn(db)).toBe(true);
        const snapshot = await snapshotAll(db, tenant.id);
        expect(byRow(withoutTypes(snapshot))).toEqual(byRow(kept));
        expect(snapshot.filter((c) => c.entity === 'request_type')).toHaveLength(live.filter((r) => r.entity === 'request_type').length);
        const pulled = await pullChanges(db, tenant.id, tenant.change_seq, 100);
        if (!pulled.ok) throw new Error(pulled.message);
        expect(withoutTypes(decodePullPage(JSON.parse(pulled.json)).changes)).toEqual([
          { seq: tenant.change_seq + 1, entity: 'note', id: note.id, op: 'delete', data: null },
        ]);
        expect((await migrator.migrateTo('0004-push-hardening')).error).toBeUndefined();
        expect(await hasWireColumn(db)).toBe(false);
      }
    } finally {
      await database.close();
    }
  });
});
