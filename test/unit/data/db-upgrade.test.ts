import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/data/db';

describe('Dexie schema upgrade v1 -> current', () => {
  it('keeps every ticket and backfills fields v1 did not have', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    // A store as the v1 app left it: tickets only, no channel.
    const v1 = new Dexie(name);
    v1.version(1).stores({ tickets: 'id, clientId, status, priority, assigneeId, openedAt, updatedAt' });
    const old = Array.from({ length: 250 }, (_, i) => ({
      id: `t${String(i).padStart(4, '0')}`,
      clientId: 'c1',
      title: `Ticket ${i}`,
      status: 'open',
      priority: 'high',
      assigneeId: i % 2 ? 'u1' : undefined,
      openedAt: '2026-01-05T15:00:00.000Z',
      updatedAt: '2026-01-05T15:00:00.000Z',
    }));
    await v1.table('tickets').bulkAdd(old);
    v1.close();

    const db = openDb(name);
    const tickets = await db.tickets.orderBy('id').toArray();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(tickets).toHaveLength(250);
    expect(tickets[0]).toEqual({ ...old[0], channel: 'phone', description: '', assigneeId: null });
    expect(tickets[1]).toEqual({ ...old[1], channel: 'phone', description: '' });
    // New tables and compound index exist and work.
    expect(await db.tickets.where('[assigneeId+status]').equals(['u1', 'open']).count()).toBe(125);
    expect(await db.clients.count()).toBe(0);
    await db.delete();
  });
});
