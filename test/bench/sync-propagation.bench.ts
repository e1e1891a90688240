// sync.propagation_p99_ms: 20 desks connected to one server over loopback
// (real HTTP and Server-Sent Events). One desk creates a ticket; time until it
// is in each other desk's local store. Desks are sync engines on fake-indexeddb
// in one Node process, so this is an upper bound of what a desk in Chromium sees.
// BENCH_RUNS (default 3) runs of BENCH_ROUNDS tickets; BENCH_SERVER_PORT, BENCH_DESKS.
import 'fake-indexeddb/auto';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine';
import type { LoginResponse } from '../../src/protocol';
import { percentile, reportRuns } from './stats';
import { nodeEventSource, reconnects } from './node-event-source';
import { seededDataDir, startServer } from './sync-server';

const DESKS = Number(process.env.BENCH_DESKS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const log = (m: string) => console.error(`[sync-propagation.bench] ${m}`);
const EMAILS = [
  'priya.natarajan',
  'tom.becker',
  'aisha.rahman',
  'dan.kowalski',
  'grace.liu',
  'maya.okafor',
  'luis.herrera',
  'sam.whitfield',
  'elena.petrova',
  'marcus.reed',
];

const server = await startServer(await seededDataDir(300, log), Number(process.env.BENCH_SERVER_PORT ?? 8795));
interface Desk {
  repos: Repositories;
  engine: SyncEngine;
}
const desks: Desk[] = [];
try {
  log(`connecting ${DESKS} desks`);
  for (let i = 0; i < DESKS; i++) {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace: 'demo', email: `${EMAILS[i % EMAILS.length]}@example.com`, password: 'switchboard-demo' }),
    });
    const { token } = (await res.json()) as LoginResponse;
    const repos = createRepositories(`propagation-${Date.now()}-${i}`);
    const engine = createSyncEngine({
      store: repos.sync,
      baseUrl: server.url,
      getToken: () => token,
      eventSource: nodeEventSource,
      events: null,
      pollIntervalMs: 600_000,
    });
    await engine.initialSync();
    engine.start();
    desks.push({ repos, engine });
  }
  const clientId = (await desks[0]!.repos.sync.snapshot()).clients.find((c) => c.prioritySchemeId === 'four-tier')!.id;

  // RUNS runs of ROUNDS tickets each on the same desks; each run's p99 is one sample.
  const p99s: number[] = [];
  const p50s: number[] = [];
  const all: number[] = [];
  let missed = 0;
  for (let run = 0; run < RUNS; run++) {
    log(`run ${run + 1}/${RUNS}: ${ROUNDS} rounds`);
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const writer = desks[round % DESKS]!;
      const t0 = performance.now();
      const created = await writer.repos.tickets.create({
        clientId,
        title: `Propagation ${run}.${round}`,
        description: '',
        priority: 'high',
        channel: 'phone',
        assigneeId: null,
      });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      const id = created.ticket.id;
      await Promise.all(
        desks
          .filter((d) => d !== writer)
          .map(
            (d) =>
              new Promise<void>((resolve) => {
                // A delivery that takes over 10 s counts as missed and is reported, never waited on forever.
                const timer = setTimeout(() => {
                  missed++;
                  log(
                    `round ${round}: desk ${desks.indexOf(d)} did not receive the ticket in 10 s (${JSON.stringify(d.engine.status.get())})`,
                  );
                  sub.unsubscribe();
                  resolve();
                }, 10_000);
                const sub = d.repos.tickets.liveOne(id).subscribe({
                  next: (t) => {
                    if (!t) return;
                    samples.push(performance.now() - t0);
                    clearTimeout(timer);
                    queueMicrotask(() => sub.unsubscribe());
                    resolve();
                  },
                });
              }),
          ),
      );
    }
    p99s.push(Math.round(percentile(samples, 99)));
    p50s.push(Math.round(percentile(samples, 50)));
    all.push(...samples);
  }
  reportRuns(
    'sync.propagation_p99_ms',
    p99s,
    'ms',
    { op: '<', value: 500 },
    `${DESKS} desks, ${ROUNDS} tickets a run, ${all.length} deliveries in all, loopback, PGlite server`,
  );
  console.log(
    `  p50 per run ${p50s.join(', ')} ms, max ${Math.round(Math.max(...all))} ms, missed (over 10 s) ${missed}, event-stream reconnects ${reconnects.count}`,
  );
} finally {
  for (const d of desks) {
    d.engine.stop();
    d.repos.close();
  }
  server.stop();
}
