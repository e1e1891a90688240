// sync.propagation_p99_ms: 20 desks connected to one server over loopback
// (real HTTP and Server-Sent Events). One desk creates a ticket; time until it
// is in each other desk's local store. Desks are sync engines on fake-indexeddb
// in one Node process, so this is an upper bound of what a desk in Chromium sees.
import 'fake-indexeddb/auto';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine';
import type { LoginResponse } from '../../src/protocol';
import { percentile, report } from './chromium';
import { nodeEventSource, reconnects } from './node-event-source';
import { seededDataDir, startServer } from './sync-server';

const DESKS = Number(process.env.BENCH_DESKS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const log = (m: string) => console.error(`[sync-propagation.bench] ${m}`);
const EMAILS = ['priya.natarajan', 'tom.becker', 'aisha.rahman', 'dan.kowalski', 'grace.liu', 'maya.okafor', 'luis.herrera', 'sam.whitfield', 'elena.petrova', 'marcus.reed'];

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
    const engine = createSyncEngine({ store: repos.sync, baseUrl: server.url, getToken: () => token, eventSource: nodeEventSource, events: null, pollIntervalMs: 600_000 });
    await engine.initialSync();
    engine.start();
    desks.push({ repos, engine });
  }
  const clientId = (await desks[0]!.repos.sync.snapshot()).clients.find((c) => c.prioritySchemeId === 'four-tier')!.id;

  log(`${ROUNDS} rounds`);
  const samples: number[] = [];
  let missed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const writer = desks[round % DESKS]!;
    const t0 = performance.now();
    const created = await writer.repos.tickets.create({ clientId, title: `Propagation ${round}`, description: '', priority: 'high', channel: 'phone', assigneeId: null });
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
                log(`round ${round}: desk ${desks.indexOf(d)} did not receive the ticket in 10 s (${JSON.stringify(d.engine.status.get())})`);
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
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  console.log(`# ${DESKS} desks, ${ROUNDS} tickets, ${samples.length} deliveries, loopback, PGlite server`);
  report('sync.propagation_p99_ms', Math.round(p99), 'ms', '< 500 ms', p99 < 500);
  console.log(`  p50 ${Math.round(p50)} ms, max ${Math.round(Math.max(...samples))} ms, missed (over 10 s) ${missed}, event-stream reconnects ${reconnects.count}`);
} finally {
  for (const d of desks) {
    d.engine.stop();
    d.repos.close();
  }
  server.stop();
}
