// Counting time against a clock: open calendar time (business) or all time
// (wall), minus pauses. One forward walk finds both deadlines and the time
// consumed so far; it jumps a slice at a time, never a minute at a time.
import type { BusinessCalendar } from './business-calendar';
import { MINUTE_MS } from './civil-date';

export type Measure = 'business' | 'wall';

export interface WalkResult {
  /** Instants the clock reaches `target` and `limit` of counted time. */
  targetAt: number;
  limitAt: number;
  /** Counted time between the start and `evalAt`. */
  consumedAtEval: number;
}

/**
 * Walks from `start` until `limit` ms have been counted and `evalAt` is
 * passed. `pauses` is a flat, sorted, non-overlapping [s0, e0, s1, e1, ...]
 * list of intervals that do not count. `calendar` null means wall time.
 * A deadline that falls exactly where counting stops (a closing time, the
 * start of a pause) is that instant, not the next moment counting resumes.
 */
export function walk(
  calendar: BusinessCalendar | null,
  start: number,
  target: number,
  limit: number,
  pauses: readonly number[],
  evalAt: number,
): WalkResult {
  let consumed = 0;
  let consumedAtEval = evalAt <= start ? 0 : -1;
  let targetAt = NaN;
  let limitAt = NaN;
  let p = 0;
  let day = calendar ? calendar.dayAt(start) : null;
  let k = 0;
  let emptyDays = 0;
  let wallDone = false;
  for (;;) {
    let a: number;
    let b: number;
    if (day) {
      if (k >= day.open.length) {
        if (++emptyDays > 3660 && calendar) throw calendar.neverOpen(start);
        day = calendar!.nextDay(day);
        k = 0;
        continue;
      }
      a = day.open[k]!;
      b = day.open[k + 1]!;
      k += 2;
      if (b <= start) continue;
      if (a < start) a = start;
      emptyDays = 0;
    } else {
      if (wallDone) throw new Error('unreachable: wall time never runs out');
      wallDone = true;
      a = start;
      b = Infinity;
    }
    while (a < b) {
      while (p < pauses.length && pauses[p + 1]! <= a) p += 2;
      let end = b;
      if (p < pauses.length) {
        const ps = pauses[p]!;
        if (ps <= a) {
          a = pauses[p + 1]!;
          continue;
        }
        if (ps < end) end = ps;
      }
      const len = end - a;
      if (consumedAtEval < 0 && evalAt <= end) consumedAtEval = consumed + Math.max(0, evalAt - a);
      if (targetAt !== targetAt && consumed + len >= target) targetAt = a + (target - consumed);
      if (limitAt !== limitAt && consumed + len >= limit) limitAt = a + (limit - consumed);
      consumed += len;
      if (limitAt === limitAt && consumedAtEval >= 0) return { targetAt, limitAt, consumedAtEval };
      a = end;
    }
  }
}

/** Adds counted time to an instant (no pauses). */
export function addTime(calendar: BusinessCalendar | null, start: number, amount: number): number {
  return walk(calendar, start, amount, amount, NO_PAUSES, start).targetAt;
}

const NO_PAUSES: readonly number[] = [];

export type SegmentKind = 'business' | 'wall' | 'closed' | 'holiday' | 'paused';

export interface RawSegment {
  kind: SegmentKind;
  start: number;
  end: number;
  /** Holiday name, or the status a pause was in. */
  label: string | null;
}

export interface LabelledPause {
  start: number;
  end: number;
  label: string;
}

/**
 * Partitions [from, to) into what each stretch did to the clock. A pause wins
 * over the calendar: a ticket paused over a weekend reads as one pause.
 */
export function segmentsBetween(
  calendar: BusinessCalendar | null,
  from: number,
  to: number,
  pauses: readonly LabelledPause[],
): RawSegment[] {
  const out: RawSegment[] = [];
  const push = (kind: SegmentKind, start: number, end: number, label: string | null): void => {
    if (end <= start) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.label === label && last.end === start) last.end = end;
    else out.push({ kind, start, end, label });
  };
  const emitBase = (kind: SegmentKind, start: number, end: number, label: string | null): void => {
    let a = start;
    for (const p of pauses) {
      if (p.end <= a || p.start >= end) continue;
      push(kind, a, Math.max(a, p.start), label);
      push('paused', Math.max(a, p.start), Math.min(end, p.end), p.label);
      a = Math.min(end, p.end);
    }
    push(kind, a, end, label);
  };
  if (to <= from) return out;
  if (!calendar) {
    emitBase('wall', from, to, null);
    return out;
  }
  for (let day = calendar.dayAt(from); day.start < to; day = calendar.nextDay(day)) {
    for (const s of day.slices) {
      const a = Math.max(s.start, from);
      const b = Math.min(s.end, to);
      if (b > a) emitBase(s.kind === 'open' ? 'business' : s.kind, a, b, s.label);
    }
  }
  return out;
}

export function minutesOf(ms: number): number {
  return ms / MINUTE_MS;
}
