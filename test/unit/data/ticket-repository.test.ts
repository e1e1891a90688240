import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newClient } from '../../../src/domain/client';
import { openDb, type SwitchboardDb } from '../../../src/data/db';
import { TicketRepository } from '../../../src/data/ticket-repository';
import type { NewTicketDraft } from '../../../src/domain/new-ticket';

// Ids are UUIDs as everywhere in the app: the outbox checks args with the sync protocol's schemas.
const C1 = '019a0000-0000-7000-8000-0000000000c1';
const U1 = '019a0000-0000-7000-8000-0000000000a1';
let db: SwitchboardDb;
let repo: TicketRepository;
const draft: NewTicketDraft = {
  clientId: C1,
  title: 'Phones down at main office',
  description: 'No dial tone',
  priority: 'critical',
  channel: 'phone',
  assigneeId: U1,
};

beforeEach(async () => {
  db = openDb(`test-${crypto.randomUUID()}`);
  await db.clients.put(newClient({ id: C1, name: 'Harbor Dental', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' }, 's1'));
  await db.staff.put({ id: U1, name: 'Priya', role: 'technician' });
  repo = new TicketRepository(db);
});
afterEach(async () => {
  repo.close();
  await db.delete();
});

describe('TicketRepository.create', () => {
  it('stores a valid ticket as New with a UUIDv7 id', async () => {
    const result = await repo.create(draft, new Date('2026-03-02T15:00:00Z'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ticket.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await repo.get(result.ticket.id)).toEqual({ ...result.ticket, status: 'new', openedAt: '2026-03-02T15:00:00.000Z' });
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a priority the client does not have', { priority: 'sev1' }, 'priority'],
  ] as const)('writes nothing for %s', async (_n, patch, field) => {
    const result = await repo.create({ ...draft, ...patch });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors)).toEqual([field]);
    expect(await repo.count()).toBe(0);
  });
});

describe('TicketRepository.setStatus', () => {
  it('follows the workflow and refuses an illegal move without writing', async () => {
    const created = await repo.create(draft);
    if (!created.ok) throw new Error('setup');
    await repo.closeTicket(created.ticket.id, 'Replaced the switch.', new Date('2026-03-03T10:00:00Z'));
    await expect(repo.setStatus(created.ticket.id, 'on_hold')).rejects.toThrow(
      'A ticket cannot go from closed to on_hold; allowed next: open.',
    );
    const stored = await repo.get(created.ticket.id);
    expect(stored?.status).toBe('closed');
    expect(stored?.updatedAt).toBe('2026-03-03T10:00:00.000Z');
  });
});

describe('TicketRepository.liveAll', () => {
  it('emits again when a ticket is added', async () => {
    const seen: number[] = [];
    const sub = repo.liveAll().subscribe({ next: (t) => seen.push(t.length) });
    await new Promise((r) => setTimeout(r, 50));
    await repo.create(draft);
    await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
  });
});

describe('TicketRepository.liveAll before the full load', () => {
  it('never emits a part of the store: a write committed before the load shows with everything else', async () => {
    const stored = await repo.create(draft);
    if (!stored.ok) throw new Error('setup');
    const fresh = new TicketRepository(db);
    // The write's transaction starts first, so it commits before the load reads.
    const writing = fresh.bulkPut([{ ...stored.ticket, id: '019a0000-0000-7000-8000-0000000000f1', title: 'Written during the load' }]);
    const seen: number[] = [];
    const sub = fresh.liveAll().subscribe({ next: (t) => seen.push(t.length) });
    await writing;
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    sub.unsubscribe();
    fresh.close();
    expect(seen[0]).toBe(2);
  });
});

describe('two windows on one store', () => {
  it('a ticket written in one appears in the other without a reload', async () => {
    const other = new TicketRepository(db);
    const seen: number[] = [];
    const sub = other.liveAll().subscribe({ next: (t) => seen.push(t.length) });
    await new Promise((r) => setTimeout(r, 50));
    await repo.create(draft);
    await repo.create({ ...draft, title: 'Second' });
    await new Promise((r) => setTimeout(r, 200));
    sub.unsubscribe();
    other.close();
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(2);
  });

  it('bulkPut merges into existing buckets instead of replacing them', async () => {
    const created = await repo.create(draft);
    if (!created.ok) throw new Error('setup');
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...created.ticket, id: `bulk-${i}`, title: `Bulk ${i}` }));
    await repo.bulkPut(many);
    const fresh = new TicketRepository(db);
    expect(await fresh.count()).toBe(2001);
    expect((await fresh.get(created.ticket.id))?.title).toBe('Phones down at main office');
    fresh.close();
  });
});
