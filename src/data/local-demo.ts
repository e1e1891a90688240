import { generateDemoData } from '../../resources/demo/generate-demo-data';
import type { SwitchboardDb } from './db';
import { defaultRequestTypeRecords } from './request-type-repository';
import type { TicketRepository } from './ticket-repository';

export const BULK_PUT_MEASURE = 'store:bulk-put';

/**
 * Fills an empty local store with the demo workspace so a first run shows a
 * real queue. Never touches a store that already holds data.
 */
export async function seedDemoIfEmpty(db: SwitchboardDb, repo: TicketRepository, tickets: number): Promise<boolean> {
  if ((await db.clients.count()) > 0 || (await db.ticketBuckets.count()) > 0) return false;
  const data = generateDemoData({ tickets });
  await db.transaction('rw', db.clients, db.staff, db.meta, db.requestTypes, async () => {
    await db.clients.bulkPut(data.clients);
    await db.staff.bulkPut(data.staff);
    await db.requestTypes.bulkPut(defaultRequestTypeRecords());
    const me = data.staff.find((s) => s.role === 'technician');
    if (me) await db.meta.put({ key: 'currentUserId', value: me.id });
  });
  // Timed so the benchmark reads the repository's bulk path from the real page.
  const start = performance.now();
  await repo.bulkPut(data.tickets);
  performance.measure(BULK_PUT_MEASURE, { start, end: performance.now(), detail: { count: data.tickets.length } });
  return true;
}
