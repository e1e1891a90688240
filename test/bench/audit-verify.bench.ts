// audit.verify_per_s: audit entries verified per second (verifyAuditChain: each
// entry's hash recomputed in SQL, each link checked with lag()) on a private
// PostgreSQL cluster, over a chain of 1,000,000 entries of one workspace.
//   npx tsx test/bench/audit-verify.bench.ts
// BENCH_AUDIT_ENTRIES sets the chain's length; BENCH_RUNS (default 5) the runs.
// The chain is built in one statement (generate_series, chained with the same
// audit_chain aggregate the append path uses), not through pushes: the figure
// is verification, and a million pushes would take most of an hour here.
import { sql } from 'kysely';
import { createWorkspace } from '../../src/server/accounts/workspaces';
import { verifyAuditChain } from '../../src/server/audit/verify';
import { migrateToLatest } from '../../src/server/db/migrate';
import { openDatabase } from '../../src/server/db/open-database';
import { findPostgresBin, startPostgresCluster } from '../setup/postgres-cluster';
import { reportRuns } from './stats';

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main() {
  if (!findPostgresBin()) {
    console.log('audit.verify_per_s: skipped (no PostgreSQL binaries under /usr/lib/postgresql/*/bin)');
    return;
  }
  const cluster = await startPostgresCluster();
  try {
    const database = await openDatabase({ databaseUrl: await cluster.createDatabase() });
    const { db } = database;
    await migrateToLatest(db);
    const { workspace, adminId } = await createWorkspace(db, {
      slug: 'audit-bench',
      name: 'Audit bench',
      admin: { name: 'Bench Admin', email: 'admin@bench.example', password: 'bench-password' },
    });
    const started = performance.now();
    // Entries after the workspace's own (its admin), chained from its head; a ticket's status change each, with before and after.
    await sql`
      with t as (select audit_seq, audit_head from tenants where id = ${workspace.id}::uuid),
      e as (
        select t.audit_seq + g as seq, now() - interval '1 day' + g * interval '50 ms' as at, now() - interval '1 day' + g * interval '50 ms' as performed_at,
          ${adminId}::uuid as actor_id, 'setStatus' as action, 'ticket' as entity,
          ('00000000-0000-7000-8000-' || lpad(to_hex(g % 100000), 12, '0'))::uuid as entity_id,
          ('00000000-0000-7000-9000-' || lpad(to_hex(g % 40), 12, '0'))::uuid as client_id,
          '{"id":"x","title":"Printer offline at front desk","status":"new","priority":"high","n":' || g || '}' as before,
          '{"id":"x","title":"Printer offline at front desk","status":"open","priority":"high","n":' || g || '}' as after,
          t.audit_head as start
        from t, generate_series(1, ${ENTRIES}::bigint) g
      ),
      h as (
        select e.*, audit_chain(e.start, audit_canonical(${workspace.id}::uuid, e.seq, e.at, e.performed_at, e.actor_id, e.action, e.entity,
          e.entity_id, e.client_id, e.before, e.after)) over (order by e.seq) as hash
        from e
      )
      insert into audit_log (tenant_id, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after, prev_hash, hash)
      select ${workspace.id}::uuid, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after,
        coalesce(lag(hash) over (order by seq), start), hash
      from h`.execute(db);
    await sql`update tenants set audit_seq = l.seq, audit_head = l.hash
      from (select seq, hash from audit_log where tenant_id = ${workspace.id}::uuid order by seq desc limit 1) l
      where id = ${workspace.id}::uuid`.execute(db);
    await sql`vacuum analyze audit_log`.execute(db);
    console.error(`built a chain of ${ENTRIES} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const rates: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const result = await verifyAuditChain(db, workspace.id);
      const seconds = (performance.now() - t0) / 1000;
      if (!result.ok || result.entries < ENTRIES) throw new Error(`the chain did not verify: ${JSON.stringify(result)}`);
      rates.push(Math.round(result.entries / seconds));
      console.error(`run ${run + 1}: ${result.entries} entries in ${seconds.toFixed(2)} s`);
    }
    reportRuns('audit.verify_per_s', rates, 'per_s', { op: '>=', value: 200_000 }, `${ENTRIES} entries, PostgreSQL with fsync off`);
    await database.close();
  } finally {
    await cluster.stop();
  }
}

await main();
