import type { Table } from 'dexie';
import { bucketOf, groupByBucket } from './ticket-buckets';

/**
 * Notes and ticket events are stored like tickets, many to an IndexedDB record
 * (see ticket-buckets.ts for the measurements): a 100,000-ticket workspace
 * brings ~350,000 of them, and one record each made the first download crawl.
 */
export interface RecordBucket<T extends { id: string }> {
  id: number;
  rows: T[];
}

export type BucketTable<T extends { id: string }> = Table<RecordBucket<T>, number>;

export async function getRecord<T extends { id: string }>(table: BucketTable<T>, id: string): Promise<T | null> {
  const bucket = await table.get(bucketOf(id));
  return bucket?.rows.find((r) => r.id === id) ?? null;
}

/** Applies writes in order (null deletes): one bulkGet and one bulkPut of the touched buckets. */
export async function writeRecords<T extends { id: string }>(table: BucketTable<T>, writes: ReadonlyMap<string, T | null>): Promise<void> {
  if (writes.size === 0) return;
  const groups = groupByBucket(writes, ([id]) => id);
  const ids = [...groups.keys()];
  const existing = await table.bulkGet(ids);
  await table.bulkPut(ids.map((id, i) => ({ id, rows: mergeRows(existing[i]?.rows ?? [], groups.get(id)!) })));
}

/** A bucket's rows after writes in order: a later write of the same id wins, null deletes. */
export function mergeRows<T extends { id: string }>(rows: readonly T[], writes: Iterable<readonly [string, T | null]>): T[] {
  const merged = new Map(rows.map((r) => [r.id, r]));
  for (const [id, row] of writes) {
    if (row) merged.set(id, row);
    else merged.delete(id);
  }
  return [...merged.values()];
}

export async function allRecords<T extends { id: string }>(table: BucketTable<T>): Promise<T[]> {
  return (await table.toArray()).flatMap((b) => b.rows);
}
