// What the status bar says about the network must follow the browser's own
// online/offline events, even when a sync that started online ends after the
// network went away.
import { afterEach, expect, it } from 'vitest';
import { createRepositories } from '../../src/data/repositories';
import { createSyncEngine } from '../../src/sync/sync-engine';
import { createTestWorkspace, useTestServer } from '../server/harness';
import { BASE_URL, Link } from './network';
import { statusWhere } from './sim';

const server = useTestServer('pglite');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

it('a sync that succeeds after the network went offline leaves the status offline, and online once it is back', async () => {
  const ws = await createTestWorkspace(server());
  const repos = createRepositories(`network-state-${Date.now()}`);
  const link = new Link(server().app, () => 0.5);
  const network = new EventTarget();
  let dropDuringNextRequest = false;
  const engine = createSyncEngine({
    store: repos.sync,
    baseUrl: BASE_URL,
    getToken: () => ws.users.technician.token,
    // The request is already on its way when the browser reports the network gone.
    fetch: (input, init) => {
      if (dropDuringNextRequest) {
        dropDuringNextRequest = false;
        network.dispatchEvent(new Event('offline'));
      }
      return link.fetch(input, init);
    },
    eventSource: null,
    events: network,
    pollIntervalMs: 3_600_000,
  });
  cleanups.push(() => {
    engine.stop();
    repos.close();
  });
  engine.start();
  await engine.syncNow();
  expect(engine.status.get().connection).toBe('online');

  dropDuringNextRequest = true;
  await engine.syncNow();
  expect(dropDuringNextRequest).toBe(false);
  expect(engine.status.get().connection).toBe('offline');

  network.dispatchEvent(new Event('online'));
  await engine.syncNow();
  expect(engine.status.get().connection).toBe('online');
});

it('after a restart with the server unreachable, the status shows the last real sync, not "never"', async () => {
  const ws = await createTestWorkspace(server());
  const name = `network-state-restart-${Date.now()}`;
  const link = new Link(server().app, () => 0.5);
  const options = { baseUrl: BASE_URL, getToken: () => ws.users.technician.token, fetch: link.fetch, eventSource: null, events: null };
  const first = createRepositories(name);
  const before = createSyncEngine({ ...options, store: first.sync, auto: false });
  await before.syncNow();
  const synced = (await first.sync.state()).lastSyncedAt;
  expect(synced).toMatch(/^\d{4}-/);
  first.close();

  link.fault = 'offline';
  const repos = createRepositories(name);
  const engine = createSyncEngine({
    ...options,
    store: repos.sync,
    pollIntervalMs: 3_600_000,
    backoff: { baseMs: 3_600_000, maxMs: 3_600_000 },
  });
  cleanups.push(() => {
    engine.stop();
    repos.close();
  });
  engine.start();
  await statusWhere(engine, (s) => s.connection === 'offline');
  await statusWhere(engine, (s) => s.lastSyncedAt === synced);
});
