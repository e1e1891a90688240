// An independent, deliberately naive SLA computation for differential tests:
// it walks one minute at a time and asks Luxon and date-holidays about every
// local day it meets. It shares no code with src/domain/sla, only the
// documented semantics. Inputs must sit on whole minutes.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { SlaEvent, SlaPolicy, TargetSpec, SlaDuration } from '../../../../../src/domain/sla';
import type { TicketStatus } from '../../../../../src/domain/ticket';

const MIN = 60_000;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface ReferenceClock {
  state: string;
  targetAt: number;
  limitAt: number;
  consumedMs: number;
}

function hm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

export class ReferenceCalendar {
  private readonly dayCache = new Map<string, Array<[number, number]>>();
  private readonly holidayCache = new Map<number, Map<string, Array<[number, number, string]>>>();
  private readonly hd: Holidays | null;

  constructor(private readonly policy: SlaPolicy) {
    const r = policy.calendar.holidays?.region;
    this.hd = r ? (r.state ? new Holidays(r.country, r.state) : new Holidays(r.country)) : null;
  }

  get zone(): string {
    return this.policy.calendar.timeZone;
  }

  localDate(ms: number): string {
    return DateTime.fromMillis(ms, { zone: this.zone }).toISODate()!;
  }

  /** Dates (ISO) of a named holiday computed for a year. */
  private datesOf(name: string, year: number): string[] {
    const rule = this.policy.calendar.holidays?.rules?.find((r) => r.name === name);
    if (!rule) {
      return (this.hd?.getHolidays(year) ?? []).filter((h) => h.name === name && !h.substitute).map((h) => h.date.slice(0, 10));
    }
    if (rule.kind === 'fixed') {
      const d = DateTime.fromObject({ year, month: rule.month, day: rule.day }, { zone: 'UTC' });
      return d.isValid && d.month === rule.month ? [d.toISODate()!] : [];
    }
    if (rule.kind === 'nth-weekday') {
      const wd = DAYS.indexOf(rule.weekday) + 1;
      const all: string[] = [];
      for (
        let d = DateTime.fromObject({ year, month: rule.month, day: 1 }, { zone: 'UTC' });
        d.month === rule.month;
        d = d.plus({ days: 1 })
      ) {
        if (d.weekday === wd) all.push(d.toISODate()!);
      }
      const pick = rule.nth === -1 ? all[all.length - 1] : all[rule.nth - 1];
      return pick ? [pick] : [];
    }
    return this.datesOf(rule.of, year).map((iso) => DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days: rule.days }).toISODate()!);
  }

  /** Closed wall-minute ranges of a local date, with names. */
  closures(date: string): Array<[number, number, string]> {
    const year = Number(date.slice(0, 4));
    let map = this.holidayCache.get(year);
    if (!map) {
      map = new Map();
      const add = (d: string, c: [number, number, string]): void => {
        if (!d.startsWith(String(year))) return;
        map!.set(d, [...(map!.get(d) ?? []), c]);
      };
      const h = this.policy.calendar.holidays;
      const r = h?.region;
      if (r && this.hd) {
        for (const y of [year - 1, year, year + 1]) {
          for (const e of this.hd.getHolidays(y)) {
            const base = e.substitute ? e.name.replace(/ \(substitute day\)$/, '') : e.name;
            if (!(r.types ?? ['public']).includes(e.type as 'public')) continue;
            if (r.only && !r.only.includes(base)) continue;
            if (e.substitute && r.substitutes === false) continue;
            add(e.date.slice(0, 10), [hm(e.date.slice(11, 16)), 1440, e.name]);
          }
        }
      }
      for (const rule of h?.rules ?? []) {
        for (const y of [year - 1, year, year + 1]) {
          for (const d of this.datesOf(rule.name, y))
            add(d, [rule.closed ? hm(rule.closed.from) : 0, rule.closed ? hm(rule.closed.to) : 1440, rule.name]);
        }
      }
      for (const c of h?.closures ?? []) add(c.date, [c.closed ? hm(c.closed.from) : 0, c.closed ? hm(c.closed.to) : 1440, c.name]);
      this.holidayCache.set(year, map);
    }
    return map.get(date) ?? [];
  }

  /** The first whole minute at which the local clock reads `date` `minute` or later. */
  private edge(date: string, minute: number): number {
    const base = DateTime.fromISO(date, { zone: this.zone }).set({ hour: 0, minute: 0 }).plus({ minutes: minute });
    const want = date + ':' + String(minute).padStart(4, '0');
    for (let t = base.toMillis() - 3 * 60 * MIN; ; t += MIN) {
      const d = DateTime.fromMillis(t, { zone: this.zone });
      const key = d.toISODate()! + ':' + String(d.hour * 60 + d.minute).padStart(4, '0');
      if (key >= want) return t;
    }
  }

  /** Open instant intervals of a local date. */
  openIntervals(date: string): Array<[number, number]> {
    const hit = this.dayCache.get(date);
    if (hit) return hit;
    const weekday = DAYS[DateTime.fromISO(date, { zone: 'UTC' }).weekday - 1]!;
    const open = new Array<boolean>(1441).fill(false);
    for (const w of this.policy.calendar.week[weekday] ?? []) for (let m = hm(w.from); m < hm(w.to); m++) open[m] = true;
    for (const [a, b] of this.closures(date)) for (let m = a; m < b; m++) open[m] = false;
    const out: Array<[number, number]> = [];
    for (let m = 0; m < 1440; m++) {
      if (!open[m] || (m > 0 && open[m - 1])) continue;
      let e = m;
      while (e < 1440 && open[e]) e++;
      const a = this.edge(date, m);
      const b = e === 1440 ? this.edge(DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!, 0) : this.edge(date, e);
      if (b > a) out.push([a, b]);
    }
    this.dayCache.set(date, out);
    return out;
  }

  isOpen(ms: number): boolean {
    return this.openIntervals(this.localDate(ms)).some(([a, b]) => a <= ms && ms < b);
  }

  closeOfNextBusinessDay(ms: number): number {
    let d = DateTime.fromISO(this.localDate(ms), { zone: 'UTC' });
    for (;;) {
      d = d.plus({ days: 1 });
      const open = this.openIntervals(d.toISODate()!);
      if (open.length > 0) return open[open.length - 1]![1];
    }
  }

  businessDayMinutes(): number {
    if (this.policy.calendar.businessDayMinutes) return this.policy.calendar.businessDayMinutes;
    for (const d of DAYS) {
      const total = (this.policy.calendar.week[d] ?? []).reduce((s, w) => s + hm(w.to) - hm(w.from), 0);
      if (total > 0) return total;
    }
    return 0;
  }
}

function isWall(d: SlaDuration): boolean {
  return d.unit === 'wall-minutes' || d.unit === 'wall-hours';
}

function amountMinutes(d: SlaDuration, cal: ReferenceCalendar, opened: number, anchor: number): number {
  switch (d.unit) {
    case 'business-minutes':
    case 'wall-minutes':
      return d.value;
    case 'business-hours':
    case 'wall-hours':
      return d.value * 60;
    case 'business-days':
      return d.value * cal.businessDayMinutes();
    case 'next-business-day': {
      const close = cal.closeOfNextBusinessDay(anchor);
      let n = 0;
      for (let t = opened; t < close; t += MIN) if (cal.isOpen(t)) n++;
      return n;
    }
  }
}

/** One clock, minute by minute. */
export function referenceClock(
  policy: SlaPolicy,
  cal: ReferenceCalendar,
  history: readonly SlaEvent[],
  clock: 'firstResponse' | 'resolution',
  now: number,
): ReferenceClock | null {
  const opened = Date.parse(history[0]!.at);
  // When the clock stops: first response on leaving New or the first public reply; resolution on the last close.
  let stopIdx = -1;
  if (clock === 'firstResponse') {
    stopIdx = history.findIndex(
      (e, i) =>
        e.type === 'public_reply' ||
        (e.type === 'opened' && (e.status ?? 'new') !== 'new') ||
        (i > 0 && e.type === 'status_changed' && e.status !== 'new'),
    );
  } else {
    const statuses = history
      .map((e, i) => [i, e.type === 'opened' ? (e.status ?? 'new') : e.type === 'status_changed' ? e.status : null] as const)
      .filter((x) => x[1] !== null);
    if (statuses[statuses.length - 1]![1] === 'closed') {
      let k = statuses.length - 1;
      while (k > 0 && statuses[k - 1]![1] === 'closed') k--;
      stopIdx = statuses[k]![0];
    }
  }
  let priority = history[0]!.priority!;
  for (let i = 0; i < history.length && (stopIdx < 0 || i <= stopIdx); i++)
    if (history[i]!.priority && history[i]!.type !== 'public_reply' && history[i]!.type !== 'status_changed')
      priority = history[i]!.priority!;
  const targets = policy.priorities[priority]!;
  if (!targets[clock]) return null;
  const outside = !cal.isOpen(opened);
  const ah = outside ? targets.afterHours?.[clock] : undefined;
  const spec: TargetSpec = ah ?? targets[clock]!;
  let anchor = opened;
  if (!ah) while (!cal.isOpen(anchor)) anchor += MIN;
  const wall = isWall(spec.target);
  const target = amountMinutes(spec.target, cal, opened, anchor);
  const limit = Math.max(target, spec.limit ? amountMinutes(spec.limit, cal, opened, anchor) : target);
  const stopAt = stopIdx >= 0 ? Date.parse(history[stopIdx]!.at) : NaN;
  const evalAt = stopIdx >= 0 ? stopAt : Math.max(now, Date.parse(history[history.length - 1]!.at));
  const pauseSet = new Set<TicketStatus>(
    clock === 'firstResponse'
      ? (policy.pauseStatuses?.firstResponse ?? [])
      : [...(policy.pauseStatuses?.resolution ?? ['awaiting_reply', 'on_hold']), 'closed'],
  );
  const statusAt = (t: number): TicketStatus => {
    let s: TicketStatus = 'new';
    for (const e of history) {
      if (Date.parse(e.at) > t) break;
      if (e.type === 'opened') s = e.status ?? 'new';
      if (e.type === 'status_changed') s = e.status!;
    }
    return s;
  };
  let consumed = 0;
  let consumedAtEval = -1;
  let targetAt = NaN;
  let limitAt = NaN;
  for (let t = opened; ; t += MIN) {
    if (t >= evalAt && consumedAtEval < 0) consumedAtEval = consumed;
    if (limitAt === limitAt && consumedAtEval >= 0) break;
    const paused = t < evalAt && pauseSet.has(statusAt(t));
    if (!paused && (wall || cal.isOpen(t))) {
      consumed++;
      if (targetAt !== targetAt && consumed >= target) targetAt = t + MIN;
      if (limitAt !== limitAt && consumed >= limit) limitAt = t + MIN;
    }
  }
  const lastStatus = statusAt(evalAt);
  let state: string;
  if (stopIdx >= 0) state = stopAt <= targetAt ? 'met' : stopAt <= limitAt ? 'late' : 'breached';
  else if (evalAt > limitAt) state = 'breached';
  else if (evalAt > targetAt) state = 'late';
  else state = pauseSet.has(lastStatus) ? 'paused' : 'running';
  return { state, targetAt, limitAt, consumedMs: consumedAtEval * MIN };
}

export function referenceSla(
  policy: SlaPolicy,
  history: readonly SlaEvent[],
  now: number,
  cal = new ReferenceCalendar(policy),
): { firstResponse: ReferenceClock; resolution: ReferenceClock | null } {
  return {
    firstResponse: referenceClock(policy, cal, history, 'firstResponse', now)!,
    resolution: referenceClock(policy, cal, history, 'resolution', now),
  };
}
