import { findPriority } from '../domain/priority-schemes';
import type { Ticket } from '../domain/ticket';
import type { SwitchboardDb } from './db';

// The first screen of the queue's default view, kept in one small record so a
// start-up can show it before the 100,000 tickets are read (docs/decisions/0006-queue-first-screen.md).
// The default view is the one the queue opens on
// (src/app/queue/queue-store.ts): every ticket not closed, by priority rank,
// then opened time, then id. test/unit/data/first-screen.test.ts keeps the two
// in step.
//
// The record always holds a true prefix of that view: every bucket write
// updates it in the same transaction. A write can shorten it (a ticket in it
// is closed, and which ticket comes next is in a bucket the write did not
// read), never make it wrong; a full load rebuilds it to its full length.

/** Two tall screens of rows, so a day of closed tickets between starts still leaves a full first screen. */
export const FIRST_SCREEN_SIZE = 200;

/** Changes whenever the view's definition does, so a record of an older definition is never shown. */
export const FIRST_SCREEN_FORMAT = 1;

export const FIRST_SCREEN_KEY = 'queue-default';

export interface FirstScreenRecord {
  id: typeof FIRST_SCREEN_KEY;
  format: number;
  /** Counts the transactions that wrote ticket buckets; a rebuild from a load older than the latest write is refused. */
  generation: number;
  /** The view's first rows in order; null when unknown (a store upgraded from before this record, until a full load). */
  rows: Ticket[] | null;
  /** No ticket of the view lies beyond `rows`: a new one may be added at the end. */
  exhaustive: boolean;
}

/** What a store has before any record was written: nothing known, generation 0. */
const UNKNOWN: Omit<FirstScreenRecord, 'id' | 'format'> = { generation: 0, rows: null, exhaustive: false };

export function inFirstScreenView(t: Ticket): boolean {
  return t.status !== 'closed';
}

/** The view's order: priority rank (unknown priorities last, as in the queue), opened time, id. */
export function compareFirstScreen(a: Ticket, b: Ticket): number {
  const ra = findPriority(a.priority)?.rank ?? 99;
  const rb = findPriority(b.priority)?.rank ?? 99;
  if (ra !== rb) return ra - rb;
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface FirstScreen {
  rows: Ticket[];
  exhaustive: boolean;
}

/** The view's first `size` rows of a whole set of tickets: one pass, no sort of the whole set. */
export function firstScreenOf(tickets: Iterable<Ticket>, size = FIRST_SCREEN_SIZE): FirstScreen {
  const rows: Ticket[] = [];
  let matching = 0;
  for (const t of tickets) {
    if (!inFirstScreenView(t)) continue;
    matching++;
    if (rows.length === size && compareFirstScreen(t, rows[size - 1]!) >= 0) continue;
    insertSorted(rows, t);
    if (rows.length > size) rows.pop();
  }
  return { rows, exhaustive: matching <= size };
}

/**
 * The first screen after ticket writes in order (null deletes). Each write
 * removes the ticket's old version, then places the new one if it belongs
 * before the last known row, or anywhere when nothing lies beyond the rows.
 */
export function applyWrites(
  screen: FirstScreen,
  writes: Iterable<readonly [string, Ticket | null]>,
  size = FIRST_SCREEN_SIZE,
): FirstScreen {
  const rows = [...screen.rows];
  // A snapshot download writes 100,000 tickets through here: look up only the few that are in the rows.
  const present = new Set(rows.map((r) => r.id));
  let exhaustive = screen.exhaustive;
  for (const [id, ticket] of writes) {
    if (present.delete(id))
      rows.splice(
        rows.findIndex((r) => r.id === id),
        1,
      );
    if (!ticket || !inFirstScreenView(ticket)) continue;
    const last = rows.at(-1);
    if (exhaustive || (last && compareFirstScreen(ticket, last) < 0)) {
      insertSorted(rows, ticket);
      present.add(ticket.id);
      if (rows.length > size) {
        present.delete(rows.pop()!.id);
        exhaustive = false;
      }
    }
  }
  return { rows, exhaustive };
}

function insertSorted(rows: Ticket[], t: Ticket): void {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareFirstScreen(rows[mid]!, t) < 0) lo = mid + 1;
    else hi = mid;
  }
  rows.splice(lo, 0, t);
}

async function current(db: SwitchboardDb): Promise<Omit<FirstScreenRecord, 'id' | 'format'>> {
  const record = await db.firstScreen.get(FIRST_SCREEN_KEY);
  // A record of another definition says nothing about this one.
  return record && record.format === FIRST_SCREEN_FORMAT ? record : { ...UNKNOWN, generation: record?.generation ?? 0 };
}

async function save(db: SwitchboardDb, generation: number, screen: FirstScreen | null): Promise<void> {
  await db.firstScreen.put({
    id: FIRST_SCREEN_KEY,
    format: FIRST_SCREEN_FORMAT,
    generation,
    rows: screen?.rows ?? null,
    exhaustive: screen?.exhaustive ?? false,
  });
}

/** Inside every transaction that writes ticket buckets, with the same writes. */
export async function recordTicketWrites(db: SwitchboardDb, writes: ReadonlyMap<string, Ticket | null>): Promise<void> {
  const record = await current(db);
  await save(db, record.generation + 1, record.rows ? applyWrites({ rows: record.rows, exhaustive: record.exhaustive }, writes) : null);
}

/** Inside the transaction that empties the ticket buckets: an empty view is fully known. */
export async function recordTicketsCleared(db: SwitchboardDb): Promise<void> {
  const record = await current(db);
  await save(db, record.generation + 1, { rows: [], exhaustive: true });
}

/** A new store's record: its (empty) view is fully known, so writes keep it from the first one. */
export function emptyStoreFirstScreen(): FirstScreenRecord {
  return { id: FIRST_SCREEN_KEY, format: FIRST_SCREEN_FORMAT, generation: 0, rows: [], exhaustive: true };
}

/** The rows to show before the full load, or null when the record cannot be trusted. */
export async function readFirstScreen(db: SwitchboardDb): Promise<Ticket[] | null> {
  return (await current(db)).rows;
}

/** The generation the ticket buckets are at; read in the same transaction as the buckets. */
export async function firstScreenGeneration(db: SwitchboardDb): Promise<number> {
  return (await current(db)).generation;
}

/**
 * After a full load read at `generation`: writes the first screen of what was
 * read, unless a bucket write has committed since (the record is right as it
 * is then, only maybe shorter; the next load rebuilds it). False if refused.
 */
export async function rebuildFirstScreen(db: SwitchboardDb, generation: number, tickets: Iterable<Ticket>): Promise<boolean> {
  const screen = firstScreenOf(tickets);
  return db.transaction('rw', db.firstScreen, async () => {
    const record = await current(db);
    if (record.generation !== generation) return false;
    await save(db, generation, screen);
    return true;
  });
}
