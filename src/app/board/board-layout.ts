// The scheduling board's geometry, without the DOM (docs/domain/onsite-visits.md,
// "Scheduling board"): the columns are days in the scheduler's own zone (the
// board is one person's planning sheet), a visit sits in the column of the day
// it starts, and the slot cursor moves over technicians, days and quarter hours.
// Visit times themselves are always shown in the site's zone (visit-labels.ts).
import { DateTime } from 'luxon';
import { SLOT_MINUTES } from '../../domain/visit-schedule';

export type BoardView = 'week' | 'day';

export interface BoardDay {
  /** yyyy-mm-dd in the board's zone. */
  date: string;
  startMs: number;
  /** The next day's start: 23 or 25 hours later on a DST change. */
  endMs: number;
}

const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 24 * 60;
/** Where the cursor starts on a day when nothing says otherwise: the start of a working morning. */
export const DEFAULT_CURSOR_MINUTE = 9 * 60;

function day(start: DateTime): BoardDay {
  return { date: start.toISODate()!, startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() };
}

/** The days the board shows around `anchorMs`: Monday to Sunday of its week, or that one day. */
export function boardDays(view: BoardView, anchorMs: number, zone: string): BoardDay[] {
  const at = DateTime.fromMillis(anchorMs, { zone }).startOf('day');
  if (view === 'day') return [day(at)];
  const monday = at.minus({ days: at.weekday - 1 });
  return Array.from({ length: 7 }, (_, i) => day(monday.plus({ days: i })));
}

/** The anchor one page earlier or later: a week in the week view, a day in the day view (same wall-clock time). */
export function shiftAnchor(view: BoardView, anchorMs: number, direction: -1 | 1, zone: string): number {
  return DateTime.fromMillis(anchorMs, { zone })
    .plus(view === 'week' ? { weeks: direction } : { days: direction })
    .toMillis();
}

/** Which of `days` holds the instant, or -1 (binary search: the board places thousands of visits). */
export function dayIndexOf(days: readonly BoardDay[], ms: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid]!;
    if (ms < d.startMs) hi = mid - 1;
    else if (ms >= d.endMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export interface Timed {
  id: string;
  technicianId: string | null;
  startsAt: string | null;
  endsAt: string | null;
}

export interface Placed<V extends Timed> {
  visit: V;
  startMs: number;
  endMs: number;
}

/** technician id → one list per day, each in start order. */
export type BoardCells<V extends Timed> = ReadonlyMap<string, readonly (readonly Placed<V>[])[]>;

const NO_DAY: readonly never[] = [];

/**
 * Every booked visit put into its technician's row and its day's column, once
 * per change of the data: the grid then reads its cells by key instead of
 * filtering all visits for each of them. Visits outside the days, or without
 * a slot, are left out. Each technician's row array is only replaced when its
 * visits change, so memoized rows skip the others.
 */
export function placeVisits<V extends Timed>(visits: readonly V[], days: readonly BoardDay[]): Map<string, Placed<V>[][]> {
  const cells = new Map<string, Placed<V>[][]>();
  for (const visit of visits) {
    if (!visit.technicianId || !visit.startsAt || !visit.endsAt) continue;
    const startMs = Date.parse(visit.startsAt);
    const index = dayIndexOf(days, startMs);
    if (index < 0) continue;
    let row = cells.get(visit.technicianId);
    if (!row) cells.set(visit.technicianId, (row = days.map(() => [])));
    row[index]!.push({ visit, startMs, endMs: Date.parse(visit.endsAt) });
  }
  for (const row of cells.values()) for (const list of row) if (list.length > 1) list.sort((a, b) => a.startMs - b.startMs);
  return cells;
}

export function cellOf<V extends Timed>(cells: BoardCells<V>, technicianId: string, dayIndex: number): readonly Placed<V>[] {
  return cells.get(technicianId)?.[dayIndex] ?? NO_DAY;
}

/** Where a span sits inside a day, in percent of the day's width, clipped to the day (day view). */
export function spanInDay(startMs: number, endMs: number, d: BoardDay): { leftPct: number; widthPct: number } | null {
  const from = Math.max(startMs, d.startMs);
  const to = Math.min(endMs, d.endMs);
  if (to <= from) return null;
  const length = d.endMs - d.startMs;
  return { leftPct: ((from - d.startMs) / length) * 100, widthPct: ((to - from) / length) * 100 };
}

/** The slot the keyboard is on: a technician's row, a day column, and a wall-clock minute of that day. */
export interface SlotCursor {
  technicianIndex: number;
  dayIndex: number;
  minute: number;
}

export type CursorKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export function isCursorKey(key: string): key is CursorKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight';
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/**
 * Up/down change technician; left/right change the day in the week view and
 * the quarter hour in the day view; with Shift, left/right change the quarter
 * hour in the week view and the hour in the day view. The cursor stops at the
 * board's edges (prev/next week is its own control).
 */
export function moveCursor(
  cursor: SlotCursor,
  key: CursorKey,
  shift: boolean,
  view: BoardView,
  bounds: { technicians: number; days: number },
): SlotCursor {
  const lastMinute = MINUTES_PER_DAY - SLOT_MINUTES;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowDown':
      return {
        ...cursor,
        technicianIndex: clamp(cursor.technicianIndex + (key === 'ArrowUp' ? -1 : 1), 0, Math.max(0, bounds.technicians - 1)),
      };
    case 'ArrowLeft':
    case 'ArrowRight': {
      const sign = key === 'ArrowLeft' ? -1 : 1;
      if (view === 'week' && !shift) return { ...cursor, dayIndex: clamp(cursor.dayIndex + sign, 0, Math.max(0, bounds.days - 1)) };
      const step = view === 'day' && shift ? 60 : SLOT_MINUTES;
      return { ...cursor, minute: clamp(cursor.minute + sign * step, 0, lastMinute) };
    }
  }
}

/** The instant the cursor names: its day at its wall-clock minute in the board's zone, as an ISO string. */
export function cursorStartsAt(cursor: SlotCursor, days: readonly BoardDay[], zone: string): string {
  const d = days[cursor.dayIndex] ?? days[0]!;
  return DateTime.fromMillis(d.startMs, { zone })
    .set({ hour: Math.floor(cursor.minute / 60), minute: cursor.minute % 60 })
    .toUTC()
    .toISO({ suppressMilliseconds: true })!;
}

/** The cursor on an existing booking (moving it): its row, its day, its start's wall-clock minute in the board's zone. */
export function cursorAt(technicianIndex: number, days: readonly BoardDay[], startMs: number, zone: string): SlotCursor | null {
  const dayIndex = dayIndexOf(days, startMs);
  if (dayIndex < 0) return null;
  const t = DateTime.fromMillis(startMs, { zone });
  return { technicianIndex, dayIndex, minute: t.hour * 60 + t.minute };
}

/** The wall-clock minute of a point dropped at `fraction` (0..1) across a day (day view), on a quarter hour. */
export function minuteAtFraction(fraction: number, d: BoardDay, zone: string): number {
  // The day's end is the next day's midnight: stay a millisecond short of it.
  const ms = Math.min(d.endMs - 1, d.startMs + clamp(fraction, 0, 1) * (d.endMs - d.startMs));
  const t = DateTime.fromMillis(ms, { zone });
  const minute = t.hour * 60 + t.minute;
  return clamp(Math.floor(minute / SLOT_MINUTES) * SLOT_MINUTES, 0, MINUTES_PER_DAY - SLOT_MINUTES);
}

/** "09:15" for a wall-clock minute. */
export function minuteLabel(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The gaps in whole minutes, for the board's travel legs. */
export function gapMinutes(fromEndMs: number, toStartMs: number): number {
  return Math.floor((toStartMs - fromEndMs) / MINUTE_MS);
}
