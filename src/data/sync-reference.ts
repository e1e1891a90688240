// Pulled rows that only the server writes: staff (users) and the SLA history
// (ticket events). Clients are edited on desks (upsertClient), so they go the way of tickets and contacts. Run inside a sync transaction over syncTables(db).
import type { StaffMember } from '../domain/ticket';
import type { Change, TicketEventRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { recordTicketsCleared } from './first-screen';
import { writeRecords } from './record-buckets';
import type { TimelineOption } from './local-rows';
import { indexTimeline } from './timeline-index';

type ReferenceChange = Extract<Change, { entity: 'user' | 'ticket_event' }>;

export async function applyReferenceChanges(db: SwitchboardDb, changes: readonly Change[], options: TimelineOption = {}): Promise<void> {
  const refs = changes.filter((c): c is ReferenceChange => c.entity === 'user' || c.entity === 'ticket_event');
  if (refs.length === 0) return;
  const events = new Map<string, TicketEventRecord | null>();
  for (const c of refs) {
    if (c.entity === 'ticket_event') {
      events.set(c.id, c.op === 'delete' ? null : c.data);
    } else if (c.op === 'delete') {
      await db.staff.delete(c.id);
    } else {
      // The queue needs names and roles; an inactive person still names the tickets they worked.
      // Email and active state are for the Staff screen.
      const staff: StaffMember = { id: c.data.id, name: c.data.name, role: c.data.role, email: c.data.email, active: c.data.active };
      await db.staff.put(staff);
    }
  }
  if (!options.deferTimeline) await indexTimeline(db, 'ticket_event', db.eventBuckets, events);
  await writeRecords(db.eventBuckets, events);
}

/**
 * Before a full download: forget every server row (another workspace's demo
 * data included). The server's copies of rows under pending mutations become
 * "absent" until the download brings them again.
 */
export async function clearServerState(db: SwitchboardDb): Promise<void> {
  await Promise.all([
    db.ticketBuckets.clear(),
    db.clients.clear(),
    db.staff.clear(),
    db.contacts.clear(),
    db.noteBuckets.clear(),
    db.eventBuckets.clear(),
    db.escalations.clear(),
    db.requestTypes.clear(),
    recordTicketsCleared(db),
    db.timeEntries.clear(),
    db.timelineBuckets.clear(),
    db.approvalRequests.clear(),
    db.calls.clear(),
    db.callbacks.clear(),
    db.visits.clear(),
  ]);
  await db.shadows.toCollection().modify((s) => {
    s.data = null;
  });
}
