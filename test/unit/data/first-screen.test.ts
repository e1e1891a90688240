import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemoData } from '../../../resources/demo/generate-demo-data';
import { filterRows, sortRows } from '../../../src/app/queue/queue-order';
import { buildQueueRows } from '../../../src/app/queue/queue-rows';
import { DEFAULT_FILTERS, DEFAULT_SORTING } from '../../../src/app/queue/queue-store';
import { openDb, type SwitchboardDb } from '../../../src/data/db';
import {
  applyWrites,
  firstScreenGeneration,
  firstScreenOf,
  FIRST_SCREEN_SIZE,
  readFirstScreen,
  rebuildFirstScreen,
  type FirstScreen,
} from '../../../src/data/first-screen';
import { SYNC_STATE_KEY } from '../../../src/data/sync-rows';
import { SyncStore } from '../../../src/data/sync-store';
import { TicketRepository } from '../../../src/data/ticket-repository';
import { TICKET_STATUSES, type Ticket } from '../../../src/domain/ticket';

const NOW = new Date('2026-03-02T15:00:00Z');
const demo = generateDemoData({ tickets: 2000, now: NOW });

/** The default view as the queue computes it for the whole set: what the first screen must be the start of. */
function queueDefaultView(tickets: readonly Ticket[]): string[] {
  const rows = buildQueueRows(tickets, demo.clients, demo.staff);
  return filterRows(sortRows(rows, DEFAULT_SORTING, NOW.getTime()), DEFAULT_FILTERS, null, { nowMs: NOW.getTime(), soonMs: 0 }).rows.map(
    (r) => r.id,
  );
}

const ids = (rows: readonly Ticket[] | null) => (rows ?? []).map((t) => t.id);

describe("the first screen is the start of the queue's default view", () => {
  it("matches the queue's own sort and filter on a demo workspace", () => {
    const view = queueDefaultView(demo.tickets);
    expect(view.length).toBeGreaterThan(FIRST_SCREEN_SIZE);
    const screen = firstScreenOf(demo.tickets);
    expect(ids(screen.rows)).toEqual(view.slice(0, FIRST_SCREEN_SIZE));
    expect(screen.exhaustive).toBe(false);
  });

  it('holds the whole view, and says so, when it is shorter than a screen', () => {
    const few = demo.tickets.slice(0, 50);
    const screen = firstScreenOf(few);
    expect(ids(screen.rows)).toEqual(queueDefaultView(few));
    expect(screen.exhaustive).toBe(true);
  });

  // Small tickets and a first screen of 3 rows, so ties, overflow and shrinking all happen often.
  const ticketArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'),
    status: fc.constantFrom(...TICKET_STATUSES),
    priority: fc.constantFrom('critical', 'high', 'p3', 'sev4', 'no-such-priority'),
    openedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
  });
  const full = (t: { id: string; status: Ticket['status']; priority: string; openedAt: string }): Ticket => ({
    ...t,
    clientId: 'c',
    title: `T ${t.id}`,
    description: '',
    channel: 'phone',
    assigneeId: null,
    updatedAt: t.openedAt,
    sla: [{ type: 'opened', at: t.openedAt, priority: t.priority, status: 'new' }],
  });
  const writeArb = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), fc.option(ticketArb, { freq: 4 }));

  it('stays a true prefix of the view through any writes, deletes included', () => {
    const SIZE = 3;
    fc.assert(
      fc.property(fc.array(ticketArb), fc.array(fc.array(writeArb, { maxLength: 4 }), { maxLength: 12 }), (initial, batches) => {
        const store = new Map(initial.map((t) => [t.id, full(t)]));
        let screen: FirstScreen = firstScreenOf(store.values(), SIZE);
        for (const batch of batches) {
          const writes = batch.map(([id, t]) => [id, t ? full({ ...t, id }) : null] as const);
          for (const [id, t] of writes) {
            if (t) store.set(id, t);
            else store.delete(id);
          }
          screen = applyWrites(screen, writes, SIZE);
          const view = firstScreenOf(store.values(), Infinity).rows;
          expect(screen.rows.length).toBeLessThanOrEqual(SIZE);
          expect(screen.rows).toEqual(view.slice(0, screen.rows.length));
          if (screen.exhaustive) expect(screen.rows).toEqual(view);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the stored first screen follows every ticket write', () => {
  let db: SwitchboardDb;
  let repo: TicketRepository;
  let sync: SyncStore;
  /** The stored tickets, read past every cache: what a reload would see. */
  const storedTickets = async () => (await sync.snapshot()).tickets;
  /** The stored first screen must be the start of the view of the stored tickets. */
  async function expectPrefixOfStoredView(): Promise<string[]> {
    const screen = ids(await readFirstScreen(db));
    expect(screen).toEqual(queueDefaultView(await storedTickets()).slice(0, screen.length));
    return screen;
  }

  beforeEach(async () => {
    db = openDb(`first-screen-${crypto.randomUUID()}`);
    await db.clients.bulkPut(demo.clients);
    await db.staff.bulkPut(demo.staff);
    repo = new TicketRepository(db);
    sync = new SyncStore(db, (buckets) => repo.absorbCommitted(buckets));
    await repo.bulkPut(demo.tickets);
  });
  afterEach(async () => {
    repo.close();
    await db.delete();
  });

  it("is known from a new store's first bulk write, before any full load", async () => {
    expect(ids(await readFirstScreen(db))).toEqual(queueDefaultView(demo.tickets).slice(0, FIRST_SCREEN_SIZE));
  });

  it('drops a ticket closed here, one row shorter, rather than guess the next', async () => {
    const [top] = (await readFirstScreen(db))!;
    await repo.closeTicket(top!.id, 'Fixed.', NOW);
    const screen = await expectPrefixOfStoredView();
    expect(screen).not.toContain(top!.id);
    expect(screen).toHaveLength(FIRST_SCREEN_SIZE - 1);
  });

  it('takes in a ticket raised to the top, and drops its last row to stay in size', async () => {
    const before = (await readFirstScreen(db))!;
    const fourTier = new Set(demo.clients.filter((c) => c.prioritySchemeId === 'four-tier').map((c) => c.id));
    // Opened before the last row, so as Critical it sorts into the first screen.
    const raised = demo.tickets.find(
      (t) => t.status !== 'closed' && fourTier.has(t.clientId) && !ids(before).includes(t.id) && t.openedAt < before.at(-1)!.openedAt,
    );
    expect(raised).toBeDefined();
    await repo.updateTicket(raised!.id, { priority: 'critical' }, NOW);
    const screen = await expectPrefixOfStoredView();
    expect(screen).toContain(raised!.id);
    expect(screen).toHaveLength(FIRST_SCREEN_SIZE);
    expect(screen).not.toContain(before.at(-1)!.id);
  });

  it('drops a ticket the server deleted (a tombstone in a pulled page)', async () => {
    const [, second] = (await readFirstScreen(db))!;
    // A store past its first download: a pull from cursor 0 would replace the store instead.
    const cursor = 7;
    await db.meta.put({ key: SYNC_STATE_KEY, value: { ...(await sync.state()), cursor } });
    await sync.applyPullPage(
      cursor,
      {
        changes: [{ seq: cursor + 1, entity: 'ticket', id: second!.id, op: 'delete', data: null }],
        nextCursor: cursor + 1,
        hasMore: false,
        remaining: 0,
      },
      NOW,
    );
    const screen = await expectPrefixOfStoredView();
    expect(screen).not.toContain(second!.id);
    expect(screen).toHaveLength(FIRST_SCREEN_SIZE - 1);
    expect(await storedTickets()).toHaveLength(demo.tickets.length - 1);
  });

  it('is exactly the downloaded view after a download from 0 replaces the store', async () => {
    const downloaded = demo.tickets.slice(0, 30).map((t) => ({ ...t, id: crypto.randomUUID() }));
    const changes = downloaded.map((t, i) => ({ seq: i + 1, entity: 'ticket' as const, id: t.id, op: 'upsert' as const, data: t }));
    await sync.applyPullPage(0, { changes, nextCursor: changes.length, hasMore: false, remaining: 0 }, NOW);
    const view = queueDefaultView(downloaded);
    expect(view.length).toBeGreaterThan(0);
    expect(ids(await readFirstScreen(db))).toEqual(view);
  });

  it('is rebuilt to full length by the next full load', async () => {
    const before = (await readFirstScreen(db))!;
    for (const t of before.slice(0, 3)) await repo.closeTicket(t.id, 'Fixed.', NOW);
    expect(await readFirstScreen(db)).toHaveLength(FIRST_SCREEN_SIZE - 3);
    // A new start: its full load writes the first screen of what it read.
    const restarted = new TicketRepository(db);
    await restarted.count();
    await vi.waitFor(async () => expect(await readFirstScreen(db)).toHaveLength(FIRST_SCREEN_SIZE));
    expect(ids(await readFirstScreen(db))).toEqual(queueDefaultView(await storedTickets()).slice(0, FIRST_SCREEN_SIZE));
    restarted.close();
  });

  it('refuses a rebuild from a load that another tab has written after', async () => {
    const loadedAt = await firstScreenGeneration(db);
    const loaded = await storedTickets();
    // Another tab (its own connection) closes the top ticket after this tab's load.
    const otherDb = openDb(db.name);
    const otherTab = new TicketRepository(otherDb);
    const [top] = (await readFirstScreen(db))!;
    await otherTab.closeTicket(top!.id, 'Fixed.', NOW);
    otherTab.close();
    otherDb.close();

    expect(await rebuildFirstScreen(db, loadedAt, loaded)).toBe(false);
    expect(await expectPrefixOfStoredView()).not.toContain(top!.id);
    expect(await rebuildFirstScreen(db, await firstScreenGeneration(db), await storedTickets())).toBe(true);
    expect(await readFirstScreen(db)).toHaveLength(FIRST_SCREEN_SIZE);
  });
});

describe('TicketRepository.liveFirstScreen', () => {
  it('gives null, not an error, when the record cannot be read, so the queue still goes on to the full load', async () => {
    const db = openDb(`first-screen-broken-${crypto.randomUUID()}`);
    const repo = new TicketRepository(db);
    db.close();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: unknown[] = [];
    const sub = repo.liveFirstScreen().subscribe({ next: (v) => seen.push(v), error: (e) => seen.push(e) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    sub.unsubscribe();
    quiet.mockRestore();
    repo.close();
    await db.delete();
    expect(seen).toEqual([null]);
  });
});
