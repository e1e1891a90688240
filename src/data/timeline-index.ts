// A ticket's notes and events, found by ticket. Their own buckets are keyed by
// the record's id (record-buckets.ts), so one ticket's 500 events fall in every
// bucket and reading them there means reading the whole workspace's history
// (~350,000 records at 100,000 tickets). This index keeps a copy of each, in
// the bucket of its *ticket's* id: opening a ticket reads one record. It is
// written in the same transaction as the records it copies (local-rows.ts,
// sync-reference.ts), and costs a second write of each note and event.
import type { NoteRecord, TicketEventRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { allRecords, getRecord, mergeRows, type BucketTable } from './record-buckets';
import { bucketOf, groupByBucket } from './ticket-buckets';

export type TimelineCopy = ({ entity: 'note' } & NoteRecord) | ({ entity: 'ticket_event' } & TicketEventRecord);

export interface TimelineBucket {
  /** bucketOf(ticketId) */
  id: number;
  rows: TimelineCopy[];
}

export interface TicketRecords {
  notes: NoteRecord[];
  events: TicketEventRecord[];
}

type Indexed = { note: NoteRecord; ticket_event: TicketEventRecord };

/**
 * Copies writes of notes or events into the index; call before writing the
 * records themselves, so a delete (which names only its id) can still find its ticket.
 */
export async function indexTimeline<E extends keyof Indexed>(
  db: SwitchboardDb,
  entity: E,
  source: BucketTable<Indexed[E]>,
  writes: ReadonlyMap<string, Indexed[E] | null>,
): Promise<void> {
  if (writes.size === 0) return;
  const copies: [string, TimelineCopy | null, string][] = [];
  for (const [id, row] of writes) {
    const ticketId = row?.ticketId ?? (await getRecord(source, id))?.ticketId;
    if (ticketId) copies.push([id, row && ({ ...row, entity } as TimelineCopy), ticketId]);
  }
  const groups = groupByBucket(copies, ([, , ticketId]) => ticketId);
  const ids = [...groups.keys()];
  const existing = await db.timelineBuckets.bulkGet(ids);
  await db.timelineBuckets.bulkPut(
    ids.map((id, i) => ({
      id,
      rows: mergeRows(
        existing[i]?.rows ?? [],
        groups.get(id)!.map(([rowId, row]) => [rowId, row] as const),
      ),
    })),
  );
}

/** Builds the index from the records' own buckets (the store upgrade to version 9). */
export function timelineBucketsOf(notes: readonly NoteRecord[], events: readonly TicketEventRecord[]): TimelineBucket[] {
  const copies: TimelineCopy[] = [
    ...notes.map((n) => ({ ...n, entity: 'note' as const })),
    ...events.map((e) => ({ ...e, entity: 'ticket_event' as const })),
  ];
  return [...groupByBucket(copies, (c) => c.ticketId)].map(([id, rows]) => ({ id, rows }));
}

/**
 * Rebuilds the whole index from the notes and events stored: the end of a
 * full download, whose parts skip the index (a copy per part cost a read and a
 * rewrite of the same buckets for every part; once at the end is one pass).
 */
export async function rebuildTimelineIndex(db: SwitchboardDb): Promise<void> {
  const [notes, events] = await Promise.all([allRecords(db.noteBuckets), allRecords(db.eventBuckets)]);
  await db.timelineBuckets.clear();
  await db.timelineBuckets.bulkPut(timelineBucketsOf(notes, events));
}

/** One ticket's notes and events, from one record. */
export async function readTicketRecords(db: SwitchboardDb, ticketId: string): Promise<TicketRecords> {
  const bucket = await db.timelineBuckets.get(bucketOf(ticketId));
  const notes: NoteRecord[] = [];
  const events: TicketEventRecord[] = [];
  for (const { entity, ...row } of bucket?.rows ?? []) {
    if (row.ticketId !== ticketId) continue;
    if (entity === 'note') notes.push(row as NoteRecord);
    else events.push(row as TicketEventRecord);
  }
  return { notes, events };
}
