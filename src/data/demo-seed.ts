import { generateDemoData } from '../../resources/demo/generate-demo-data';
import type { SwitchboardDb } from './db';

/**
 * Fills an empty local store with the demo workspace so a first run shows a
 * real queue. Never touches a store that already holds data.
 */
export async function seedDemoIfEmpty(db: SwitchboardDb, tickets: number): Promise<boolean> {
  return db.transaction('rw', db.tickets, db.clients, db.staff, db.meta, async () => {
    if ((await db.clients.count()) > 0 || (await db.tickets.count()) > 0) return false;
    const data = generateDemoData({ tickets });
    await db.clients.bulkPut(data.clients);
    await db.staff.bulkPut(data.staff);
    await db.tickets.bulkPut(data.tickets);
    const me = data.staff.find((s) => s.role === 'technician');
    if (me) await db.meta.put({ key: 'currentUserId', value: me.id });
    return true;
  });
}
