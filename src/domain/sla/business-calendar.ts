// A calendar compiled for fast stepping: each local day, once computed, is a
// short list of epoch-ms slices (open, closed, holiday) cached by day number.
// Luxon is consulted only while building a day, never while walking one.
import type { CalendarSpec } from './policy-types';
import { WEEKDAYS } from './policy-types';
import { DAY_MS, MINUTE_MS, parseTimeOfDay, weekdayIndexOf } from './civil-date';
import { HolidayBook, type HolidayClosure } from './holiday-rules';
import { ZoneClock } from './zone-time';

export type SliceKind = 'open' | 'closed' | 'holiday';

export interface DaySlice {
  kind: SliceKind;
  start: number;
  end: number;
  /** Holiday name for 'holiday' slices. */
  label: string | null;
}

export interface BusinessDay {
  dayNumber: number;
  /** Local midnight and the next local midnight, epoch ms. */
  start: number;
  end: number;
  /** Open intervals as flat [start0, end0, start1, end1, ...] epoch ms. */
  open: readonly number[];
  /** The whole day, partitioned. */
  slices: readonly DaySlice[];
}

/**
 * A cached day. It links to the following day once that one is needed, so a
 * walk through consecutive days follows links instead of looking each one up;
 * the link is private so a day still prints and serialises as plain data.
 */
class CachedDay implements BusinessDay {
  readonly #calendar: BusinessCalendar;
  #next: CachedDay | undefined = undefined;

  constructor(
    calendar: BusinessCalendar,
    readonly dayNumber: number,
    readonly start: number,
    readonly end: number,
    readonly open: readonly number[],
    readonly slices: readonly DaySlice[],
  ) {
    this.#calendar = calendar;
  }

  belongsTo(calendar: BusinessCalendar): boolean {
    return this.#calendar === calendar;
  }

  following(): CachedDay {
    return (this.#next ??= this.#calendar.day(this.dayNumber + 1) as CachedDay);
  }
}

/** A calendar with no open minute for this long is refused rather than walked forever. */
const MAX_CLOSED_DAYS = 3660;

type MinuteRange = readonly [number, number];

function windowsByWeekday(spec: CalendarSpec): MinuteRange[][] {
  return WEEKDAYS.map((wd) =>
    (spec.week[wd] ?? [])
      .map((w): MinuteRange => [parseTimeOfDay(w.from) ?? 0, parseTimeOfDay(w.to) ?? 0])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]),
  );
}

/** Partition [0, 1440) into labelled minute ranges: a closure beats a window. */
function partitionDay(
  windows: readonly MinuteRange[],
  closures: readonly HolidayClosure[],
): Array<{ kind: SliceKind; from: number; to: number; label: string | null }> {
  const points = new Set<number>([0, 1440]);
  for (const [a, b] of windows) points.add(a).add(b);
  for (const c of closures) points.add(c.fromMinute).add(c.toMinute);
  const sorted = [...points].filter((p) => p >= 0 && p <= 1440).sort((a, b) => a - b);
  const out: Array<{ kind: SliceKind; from: number; to: number; label: string | null }> = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const closure = closures.find((c) => c.fromMinute <= from && to <= c.toMinute);
    const kind: SliceKind = closure ? 'holiday' : windows.some(([a, b]) => a <= from && to <= b) ? 'open' : 'closed';
    const label = closure ? closure.name : null;
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.label === label) last.to = to;
    else out.push({ kind, from, to, label });
  }
  return out;
}

export class BusinessCalendar {
  readonly timeZone: string;
  /** Length of one business day, ms; "N business days" is N of these. */
  readonly businessDayMs: number;
  private readonly zone: ZoneClock;
  private readonly weekWindows: MinuteRange[][];
  private readonly holidays: HolidayBook;
  private readonly days = new Map<number, CachedDay>();
  private readonly guessOffset: number;
  /** The day dayAt last answered: one ticket's instants mostly fall in one day. */
  private recent: CachedDay | undefined;

  /** Expects a spec that parseSlaPolicy has accepted. */
  constructor(spec: CalendarSpec) {
    this.timeZone = spec.timeZone;
    this.zone = new ZoneClock(spec.timeZone);
    this.weekWindows = windowsByWeekday(spec);
    this.holidays = new HolidayBook(spec.holidays);
    this.businessDayMs = (spec.businessDayMinutes ?? defaultBusinessDayMinutes(spec)) * MINUTE_MS;
    this.guessOffset = this.zone.offsetAt(Date.UTC(2026, 0, 1));
  }

  day(dayNumber: number): BusinessDay {
    let day: CachedDay | undefined = this.days.get(dayNumber);
    if (!day) {
      day = this.buildDay(dayNumber);
      this.days.set(dayNumber, day);
    }
    return day;
  }

  /** The local day after `day`. */
  nextDay(day: BusinessDay): BusinessDay {
    return day instanceof CachedDay && day.belongsTo(this) ? day.following() : this.day(day.dayNumber + 1);
  }

  /** The local day an instant falls in. */
  dayAt(epochMs: number): BusinessDay {
    const recent = this.recent;
    if (recent !== undefined && recent.start <= epochMs && epochMs < recent.end) return recent;
    let day = this.day(Math.floor((epochMs + this.guessOffset) / DAY_MS)) as CachedDay;
    while (epochMs < day.start) day = this.day(day.dayNumber - 1) as CachedDay;
    while (epochMs >= day.end) day = day.following();
    this.recent = day;
    return day;
  }

  isOpenAt(epochMs: number): boolean {
    const open = this.dayAt(epochMs).open;
    for (let i = 0; i < open.length; i += 2) if (open[i]! <= epochMs && epochMs < open[i + 1]!) return true;
    return false;
  }

  /** The instant itself when open, else the next opening after it. */
  nextOpening(epochMs: number): number {
    let day = this.dayAt(epochMs);
    for (let n = 0; n < MAX_CLOSED_DAYS; n++) {
      const open = day.open;
      for (let i = 0; i < open.length; i += 2) if (open[i + 1]! > epochMs) return Math.max(open[i]!, epochMs);
      day = this.nextDay(day);
    }
    throw this.neverOpen(epochMs);
  }

  /** The close of the first business day after the local day of `epochMs`. */
  closeOfNextBusinessDay(epochMs: number): number {
    let day = this.dayAt(epochMs);
    for (let n = 0; n < MAX_CLOSED_DAYS; n++) {
      day = this.nextDay(day);
      const open = day.open;
      if (open.length > 0) return open[open.length - 1]!;
    }
    throw this.neverOpen(epochMs);
  }

  /** Open time in [from, to), ms. */
  businessTimeBetween(from: number, to: number): number {
    if (to <= from) return 0;
    let total = 0;
    let day = this.dayAt(from);
    while (day.start < to) {
      const open = day.open;
      for (let i = 0; i < open.length; i += 2) {
        const a = Math.max(open[i]!, from);
        const b = Math.min(open[i + 1]!, to);
        if (b > a) total += b - a;
      }
      day = this.nextDay(day);
    }
    return total;
  }

  neverOpen(epochMs: number): Error {
    return new Error(
      `The calendar in ${this.timeZone} has no open time in the ${MAX_CLOSED_DAYS} days after ${new Date(epochMs).toISOString()}: check its windows and holidays.`,
    );
  }

  /** Holidays and closures of a year, by local date, for display. */
  holidaysOf(year: number): Array<{ date: number } & HolidayClosure> {
    return this.holidays.listYear(year);
  }

  private buildDay(dayNumber: number): CachedDay {
    const ranges = partitionDay(this.weekWindows[weekdayIndexOf(dayNumber)]!, this.holidays.closuresOn(dayNumber));
    const slices: DaySlice[] = [];
    const open: number[] = [];
    const offset = this.zone.steadyOffsetOn(dayNumber);
    const instantOf = (minute: number): number =>
      offset === null ? this.zone.instantOf(dayNumber, minute) : dayNumber * DAY_MS + minute * MINUTE_MS - offset;
    for (const r of ranges) {
      const start = instantOf(r.from);
      const end = instantOf(r.to);
      if (end <= start) continue; // swallowed by a spring-forward gap
      slices.push({ kind: r.kind, start, end, label: r.label });
      if (r.kind === 'open') open.push(start, end);
    }
    return new CachedDay(this, dayNumber, instantOf(0), instantOf(1440), open, slices);
  }
}

/** The length of an open weekday; validation requires all open weekdays to agree when this is used. */
export function defaultBusinessDayMinutes(spec: CalendarSpec): number {
  for (const ranges of windowsByWeekday(spec)) {
    const total = ranges.reduce((sum, [a, b]) => sum + (b - a), 0);
    if (total > 0) return total;
  }
  return 0;
}

export function weekdayLengths(spec: CalendarSpec): Array<{ weekday: string; minutes: number }> {
  return windowsByWeekday(spec)
    .map((ranges, i) => ({ weekday: WEEKDAYS[i]!, minutes: ranges.reduce((sum, [a, b]) => sum + (b - a), 0) }))
    .filter((x) => x.minutes > 0);
}
