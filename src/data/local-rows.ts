// Reading and writing synced rows by entity and id, inside the caller's
// transaction. Tickets live in buckets: a batch of ticket writes becomes one
// read and one bulkPut of the touched buckets, never a write per ticket.
import type { Client, Ticket } from '../domain/ticket';
import type { RowRef, SyncedEntity, SyncedRow } from '../mutations';
import type {
  ApprovalRequestRecord,
  CallbackRecord,
  CallRecord,
  ContactRecord,
  EscalationRecord,
  NoteRecord,
  RequestTypeRecord,
  TimeEntryRecord,
  VisitRecord,
} from '../protocol/records';
import type { SwitchboardDb } from './db';
import { recordTicketWrites } from './first-screen';
import { getRecord, mergeRows, writeRecords } from './record-buckets';
import { bucketOf, groupByBucket, type TicketBucket } from './ticket-buckets';
import { indexTimeline } from './timeline-index';

/** Every table a sync or local-mutation transaction may touch. */
export function syncTables(db: SwitchboardDb) {
  return [
    db.ticketBuckets,
    db.clients,
    db.staff,
    db.meta,
    db.outbox,
    db.rejections,
    db.shadows,
    db.contacts,
    db.noteBuckets,
    db.eventBuckets,
    db.firstScreen,
    db.timeEntries,
    db.escalations,
    db.timelineBuckets,
    db.requestTypes,
    db.approvalRequests,
    db.calls,
    db.callbacks,
    db.visits,
  ];
}

export async function readRow(db: SwitchboardDb, ref: RowRef): Promise<SyncedRow | null> {
  switch (ref.entity) {
    case 'ticket': {
      const bucket = await db.ticketBuckets.get(bucketOf(ref.id));
      return bucket?.tickets.find((t) => t.id === ref.id) ?? null;
    }
    case 'contact':
      return (await db.contacts.get(ref.id)) ?? null;
    case 'note':
      return getRecord(db.noteBuckets, ref.id);
    case 'time_entry':
      return (await db.timeEntries.get(ref.id)) ?? null;
    case 'escalation':
      return (await db.escalations.get(ref.id)) ?? null;
    case 'request_type':
      return (await db.requestTypes.get(ref.id)) ?? null;
    case 'client':
      return (await db.clients.get(ref.id)) ?? null;
    case 'approval_request':
      return (await db.approvalRequests.get(ref.id)) ?? null;
    case 'call':
      return (await db.calls.get(ref.id)) ?? null;
    case 'callback':
      return (await db.callbacks.get(ref.id)) ?? null;
    case 'visit':
      return (await db.visits.get(ref.id)) ?? null;
  }
}

/** A full download's parts leave the timeline index to be rebuilt once at its end (rebuildTimelineIndex). */
export interface TimelineOption {
  deferTimeline?: boolean;
}

export interface RowWrite {
  entity: SyncedEntity;
  id: string;
  /** null deletes the row. */
  data: SyncedRow | null;
}

/**
 * Applies the writes in order (a later write of the same row wins) and returns
 * the ticket buckets it rewrote, for the ticket cache once the transaction commits.
 */
export async function writeRows(db: SwitchboardDb, writes: readonly RowWrite[], options: TimelineOption = {}): Promise<TicketBucket[]> {
  const tickets = new Map<string, Ticket | null>();
  const notes = new Map<string, NoteRecord | null>();
  for (const w of writes) {
    if (w.entity === 'ticket') tickets.set(w.id, w.data as Ticket | null);
    else if (w.entity === 'contact') await (w.data ? db.contacts.put(w.data as ContactRecord) : db.contacts.delete(w.id));
    else if (w.entity === 'time_entry') await (w.data ? db.timeEntries.put(w.data as TimeEntryRecord) : db.timeEntries.delete(w.id));
    else if (w.entity === 'escalation') await (w.data ? db.escalations.put(w.data as EscalationRecord) : db.escalations.delete(w.id));
    else if (w.entity === 'request_type') await (w.data ? db.requestTypes.put(w.data as RequestTypeRecord) : db.requestTypes.delete(w.id));
    else if (w.entity === 'client') await (w.data ? db.clients.put(w.data as Client) : db.clients.delete(w.id));
    else if (w.entity === 'approval_request')
      await (w.data ? db.approvalRequests.put(w.data as ApprovalRequestRecord) : db.approvalRequests.delete(w.id));
    else if (w.entity === 'call') await (w.data ? db.calls.put(w.data as CallRecord) : db.calls.delete(w.id));
    else if (w.entity === 'callback') await (w.data ? db.callbacks.put(w.data as CallbackRecord) : db.callbacks.delete(w.id));
    else if (w.entity === 'visit') await (w.data ? db.visits.put(w.data as VisitRecord) : db.visits.delete(w.id));
    else notes.set(w.id, w.data as NoteRecord | null);
  }
  if (!options.deferTimeline) await indexTimeline(db, 'note', db.noteBuckets, notes);
  await writeRecords(db.noteBuckets, notes);
  return writeTickets(db, tickets);
}

/**
 * Read-modify-write of the touched buckets: one bulkGet, one bulkPut; the
 * queue's first screen follows in the same transaction (its tables must be in scope).
 */
export async function writeTickets(db: SwitchboardDb, tickets: ReadonlyMap<string, Ticket | null>): Promise<TicketBucket[]> {
  if (tickets.size === 0) return [];
  const groups = groupByBucket(tickets, ([id]) => id);
  const ids = [...groups.keys()];
  const existing = await db.ticketBuckets.bulkGet(ids);
  const buckets = ids.map((id, i): TicketBucket => ({ id, tickets: mergeRows(existing[i]?.tickets ?? [], groups.get(id)!) }));
  await db.ticketBuckets.bulkPut(buckets);
  await recordTicketWrites(db, tickets);
  return buckets;
}
