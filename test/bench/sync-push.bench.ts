// sync.push_per_s: mutations applied per second by one server, 20 desks pushing
// at once over loopback HTTP, on PGlite and on PostgreSQL (a private test cluster
// with fsync off: this measures the server, not the disk).
//   npx tsx test/bench/sync-push.bench.ts
// BENCH_SKIP_PGLITE=1 measures PostgreSQL only; BENCH_SAMPLE_WAITS=1 also prints what
// PostgreSQL backends waited on (lock waits on the tenant row show up as Lock:transactionid);
// BENCH_CPU=1 also prints CPU time per mutation of this process and of the PostgreSQL
// server, steadier than the rate on a machine shared with other work. The server uses
// its default connection pool; BENCH_POOL=n sets another size. BENCH_RUNS (default 3) runs per backend.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createWorkspace } from '../../src/server/accounts/workspaces';
import { buildServer } from '../../src/server/app';
import { createSession } from '../../src/server/auth/sessions';
import { migrateToLatest } from '../../src/server/db/migrate';
import { openDatabase, type Backend, type OpenDatabase } from '../../src/server/db/open-database';
import { appendChanges } from '../../src/server/changes/changes';
import { clientRecord } from '../../src/server/changes/records';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type Mutation, type PushResponse } from '../../src/protocol';
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from '../setup/postgres-cluster';
import { reportRuns } from './stats';

const DESKS = 20;
const BATCH = 25;

async function setup(database: OpenDatabase) {
  await migrateToLatest(database.db);
  const { db } = database;
  const now = new Date();
  const { workspace, adminId } = await createWorkspace(
    db,
    { slug: 'bench', name: 'Bench MSP', admin: { name: 'Bench Admin', email: 'admin@bench.example', password: 'bench-password' } },
    now,
  );
  const clientId = uuidv7();
  await db.transaction().execute(async (trx) => {
    const [row] = await trx
      .insertInto('clients')
      .values({
        id: clientId,
        tenant_id: workspace.id,
        name: 'Harbor Dental Group',
        time_zone: 'America/Chicago',
        priority_scheme_id: 'four-tier',
      })
      .returningAll()
      .execute();
    await appendChanges(trx, workspace.id, [{ entity: 'client', id: clientId, op: 'upsert', data: clientRecord(row!) }], now);
  });
  const tokens = [];
  for (let i = 0; i < DESKS; i++) tokens.push((await createSession(db, { id: adminId, tenantId: workspace.id }, now, 3600_000)).token);
  return { clientId, tokens };
}

/** A desk's work: open a ticket, work it, reply, retitle; four mutations per ticket. */
function* outbox(clientId: string): Generator<Omit<Mutation, 'clientId' | 'seq'>> {
  for (;;) {
    const id = uuidv7();
    const at = () => new Date().toISOString();
    yield {
      name: 'createTicket',
      args: {
        id,
        clientId,
        title: 'Outlook keeps asking for password',
        description: 'Since Monday.',
        priority: 'high',
        channel: 'phone',
        assigneeId: null,
      },
      performedAt: at(),
    };
    yield { name: 'setStatus', args: { id, status: 'open' }, performedAt: at() };
    yield { name: 'addNote', args: { id: uuidv7(), ticketId: id, kind: 'public_reply', body: 'Looking into it now.' }, performedAt: at() };
    yield { name: 'updateTicket', args: { id, title: 'Outlook password prompts (MFA)' }, performedAt: at() };
  }
}

async function runDesk(base: string, token: string, clientId: string, batches: number): Promise<number> {
  const device = `bench-${randomUUID()}`;
  const work = outbox(clientId);
  let seq = 0;
  let applied = 0;
  for (let b = 0; b < batches; b++) {
    const mutations = Array.from({ length: BATCH }, () => ({ clientId: device, seq: ++seq, ...work.next().value }) as Mutation);
    const res = await fetch(`${base}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      body: JSON.stringify({ mutations }),
    });
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as PushResponse;
    applied += body.results.filter((r) => r.status === 'applied').length;
  }
  return applied;
}

/** Samples pg_stat_activity wait events every 20 ms while the measurement runs. */
function sampleWaits(database: OpenDatabase) {
  const counts = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await sql<{
        w: string;
      }>`select coalesce(wait_event_type || ':' || wait_event, state) as w from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(
        database.db,
      );
      for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8);
    },
  };
}

/** CPU seconds used so far by the PostgreSQL server: the postmaster's children (Linux /proc). */
async function postgresCpuSeconds(database: OpenDatabase): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
  const stat = (pid: string | number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const postmaster = stat(rows[0]!.pid)[1];
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const fields = stat(pid);
      if (fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

async function measure(backend: Backend, batchesPerDesk: number, cluster?: PostgresCluster): Promise<number> {
  const database = await openDatabase(
    backend === 'postgres'
      ? { databaseUrl: await cluster!.createDatabase(), poolSize: process.env.BENCH_POOL ? Number(process.env.BENCH_POOL) : undefined }
      : {},
  );
  const { clientId, tokens } = await setup(database);
  const app: FastifyInstance = await buildServer({ database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    await Promise.all(tokens.map((t) => runDesk(base, t, clientId, 1))); // warm-up: JIT, pool, plans
    const sampler = process.env.BENCH_SAMPLE_WAITS && backend === 'postgres' ? sampleWaits(database) : undefined;
    const cpu = process.env.BENCH_CPU
      ? { node: process.cpuUsage(), postgres: backend === 'postgres' ? await postgresCpuSeconds(database) : 0 }
      : undefined;
    const started = performance.now();
    const applied = await Promise.all(tokens.map((t) => runDesk(base, t, clientId, batchesPerDesk)));
    const seconds = (performance.now() - started) / 1000;
    if (sampler) console.log(await sampler.stop());
    const total = applied.reduce((a, b) => a + b, 0);
    if (cpu) {
      const used = process.cpuUsage(cpu.node);
      const perMutation = (seconds: number) => `${Math.round((seconds * 1e6) / total)} us`;
      const postgres = backend === 'postgres' ? `, postgres ${perMutation((await postgresCpuSeconds(database)) - cpu.postgres)}` : '';
      console.log(`cpu per mutation (${backend}): this process ${perMutation((used.user + used.system) / 1e6)}${postgres}`);
    }
    if (total !== DESKS * batchesPerDesk * BATCH) throw new Error(`only ${total} of ${DESKS * batchesPerDesk * BATCH} mutations applied`);
    return total / seconds;
  } finally {
    await app.close();
    await database.close();
  }
}

// Each backend is measured RUNS times, every run on a fresh database, and reported as the median.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const setting = `${DESKS} desks pushing batches of ${BATCH} at once, loopback HTTP, one server`;
if (!process.env.BENCH_SKIP_PGLITE) {
  const pglite: number[] = [];
  for (let run = 0; run < RUNS; run++) pglite.push(Math.round(await measure('pglite', 6)));
  reportRuns('sync.push_per_s.pglite', pglite, 'per_s', undefined, `no goal (the embedded default); ${setting}`);
}
if (findPostgresBin()) {
  const cluster = await startPostgresCluster();
  try {
    const postgres: number[] = [];
    for (let run = 0; run < RUNS; run++) postgres.push(Math.round(await measure('postgres', 20, cluster)));
    reportRuns('sync.push_per_s.postgres', postgres, 'per_s', { op: '>=', value: 2000 }, setting);
  } finally {
    await cluster.stop();
  }
} else {
  console.log('sync.push_per_s.postgres: skipped (no PostgreSQL binaries under /usr/lib/postgresql/*/bin)');
}
