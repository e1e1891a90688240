// Local wall time to instant, in one IANA zone. Luxon supplies the zone's
// offsets; everything else is integer arithmetic so it can run per day, cached.
import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './civil-date';

export function isValidTimeZone(name: string): boolean {
  return typeof name === 'string' && name.length > 0 && IANAZone.isValidZone(name);
}

export class ZoneClock {
  private readonly zone: IANAZone;

  constructor(readonly timeZone: string) {
    this.zone = IANAZone.create(timeZone);
  }

  /** Offset from UTC in ms at an instant. */
  offsetAt(epochMs: number): number {
    return this.zone.offset(epochMs) * MINUTE_MS;
  }

  /**
   * The instant a local wall time occurs. A wall time that never happens
   * (inside a spring-forward gap) maps to the moment the clocks jump, so a
   * window's edges stay in order; a wall time that happens twice (fall back)
   * maps to its first occurrence.
   */
  instantOf(dayNumber: number, minuteOfDay: number): number {
    const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
    // At most one transition lies within a day of any wall time in real zones.
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const t1 = wall - before;
    if (before === after) return t1;
    const t2 = wall - after;
    const ok1 = this.offsetAt(t1) === before;
    const ok2 = this.offsetAt(t2) === after;
    if (ok1 && ok2) return Math.min(t1, t2);
    if (ok1) return t1;
    if (ok2) return t2;
    return this.transitionBetween(Math.min(t1, t2), Math.max(t1, t2), after);
  }

  /**
   * The zone's offset (ms) throughout a local day when it does not change
   * within a day of it, else null. Then every wall time of the day is simply
   * `wall - offset`, which is what instantOf answers too, for three offset
   * look-ups instead of three or more per wall time.
   */
  steadyOffsetOn(dayNumber: number): number | null {
    const wall = dayNumber * DAY_MS;
    const a = this.offsetAt(wall - DAY_MS);
    // With at most one transition within a day of any instant, equal offsets
    // at both ends of [wall - 1 day, wall + 1 day] and of [wall + 1 day, wall + 2 days]
    // mean none in between: instantOf's look-ups for this day all see `a`.
    return a === this.offsetAt(wall + DAY_MS) && a === this.offsetAt(wall + 2 * DAY_MS) ? a : null;
  }

  /** First whole minute in (lo, hi] whose offset is `target`. */
  private transitionBetween(lo: number, hi: number, target: number): number {
    let a = Math.floor(lo / MINUTE_MS);
    let b = Math.ceil(hi / MINUTE_MS);
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (this.offsetAt(mid * MINUTE_MS) === target) b = mid;
      else a = mid;
    }
    return b * MINUTE_MS;
  }

  /** Local day number of an instant. */
  dayNumberAt(epochMs: number): number {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / DAY_MS);
  }
}
