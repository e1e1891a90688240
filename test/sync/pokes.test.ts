// Pokes over the event stream and local writes start a sync by themselves (auto mode).
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { PROTOCOL_VERSION } from '../../src/protocol';
import type { EventSourceLike } from '../../src/sync/event-stream';
import { createSyncEngine } from '../../src/sync/sync-engine';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { BASE_URL, Link } from './network';
import { SimDesk, statusWhere } from './sim';

const server = useTestServer('pglite');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

class FakeEventSource implements EventSourceLike {
  readyState = 1;
  readonly listeners = new Map<string, (e: MessageEvent) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, listener);
  }
  emit(type: string, data: string) {
    this.listeners.get(type)?.(new MessageEvent(type, { data }));
  }
  close() {
    this.readyState = 2;
  }
}

/** A technician's desk whose engine opens FakeEventSources (kept in `streams`); closed after the test. */
function technicianDesk(ws: TestWorkspace, auto: boolean) {
  const streams: FakeEventSource[] = [];
  const repos: Repositories = createRepositories(`desk-${crypto.randomUUID()}`);
  const link = new Link(server().app, () => 0.5);
  const engine = createSyncEngine({
    store: repos.sync,
    baseUrl: BASE_URL,
    getToken: () => ws.users.technician.token,
    fetch: link.fetch,
    eventSource: (url) => {
      const s = new FakeEventSource(url);
      streams.push(s);
      return s;
    },
    events: null,
    auto,
  });
  cleanups.push(() => {
    engine.stop();
    repos.close();
  });
  return { repos, engine, streams, link };
}

describe('auto sync', () => {
  it('pushes a local change without being asked, and pulls when poked', async () => {
    const ws = await createTestWorkspace(server());
    const { repos, engine, streams } = technicianDesk(ws, true);
    engine.start();
    await statusWhere(engine, (s) => s.connection === 'online');
    expect(streams).toHaveLength(1);
    expect(streams[0]!.url).toBe(
      `${BASE_URL}/api/sync/events?token=${encodeURIComponent(ws.users.technician.token)}&protocol=${PROTOCOL_VERSION}`,
    );

    const created = await repos.tickets.create({
      clientId: ws.clients['four-tier'],
      title: 'Scanner jams',
      description: '',
      priority: 'high',
      channel: 'portal',
      assigneeId: null,
    });
    if (!created.ok) throw new Error('setup');
    await statusWhere(engine, (s) => s.pending === 1);
    await statusWhere(engine, (s) => s.pending === 0 && s.connection === 'online');
    expect(await repos.sync.pendingCount()).toBe(0);

    const other = new SimDesk(server().app, ws.users.engineer.token, () => 0.5);
    cleanups.push(() => other.close());
    await other.tab.engine.syncNow();
    await other.tab.repos.tickets.setStatus(created.ticket.id, 'open');
    await other.tab.engine.syncNow();
    streams[0]!.emit('poke', '999');
    await new Promise<void>((resolve) => {
      const sub = repos.tickets.liveOne(created.ticket.id).subscribe({
        next: (t) => {
          if (t?.status === 'open') {
            queueMicrotask(() => sub.unsubscribe());
            resolve();
          }
        },
      });
    });

    streams[0]!.emit('session_expired', '{}');
    expect(engine.status.get().connection).toBe('signed-out');
  });

  it('a dropped event stream is a sign to check the connection: offline at once when the server is gone', async () => {
    const ws = await createTestWorkspace(server());
    const { engine, streams, link } = technicianDesk(ws, true);
    engine.start();
    await statusWhere(engine, (s) => s.connection === 'online');
    link.fault = 'offline';
    streams[0]!.emit('error', '');
    // Not "online" for a moment longer: reconnecting while the check runs, then offline.
    expect(engine.status.get().connection).toBe('connecting');
    await statusWhere(engine, (s) => s.connection === 'offline');
    // EventSource keeps retrying and failing while the server is down; that is not a new drop.
    const requests = link.stats.requests;
    streams[0]!.emit('error', '');
    expect(engine.status.get().connection).toBe('offline');
    expect(link.stats.requests).toBe(requests);
  });

  it('stopped during a sync, leaves no event stream open behind it', async () => {
    const ws = await createTestWorkspace(server());
    const { engine, streams } = technicianDesk(ws, false);
    engine.start();
    const running = engine.syncNow();
    engine.stop();
    await running;
    expect(streams.filter((s) => s.readyState !== 2)).toEqual([]);
  });
});
