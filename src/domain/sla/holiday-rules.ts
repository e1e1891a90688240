// Which local days (or parts of days) a calendar is closed for holidays.
// Region holidays come from date-holidays; custom rules and one-off closures
// are evaluated here. Everything is resolved once per year and cached.
import Holidays from 'date-holidays';
import type { CalendarSpec, HolidayRule, PartialClosure } from './policy-types';
import { WEEKDAYS } from './policy-types';
import { civilDateOf, dayNumberOf, daysInMonth, parseIsoDate, parseTimeOfDay, weekdayIndexOf } from './civil-date';

/** A closed stretch of one local day, in minutes after local midnight. */
export interface HolidayClosure {
  name: string;
  fromMinute: number;
  toMinute: number;
}

interface RegionEntry {
  dayNumber: number;
  /** The holiday's own name, without the "(substitute day)" suffix. */
  baseName: string;
  name: string;
  type: string;
  substitute: boolean;
  fromMinute: number;
}

const SUBSTITUTE_SUFFIX = ' (substitute day)';

function regionEngine(country: string, state: string | undefined): Holidays {
  // The country's own default language: 'en' would spell the US's "Labor Day" as "Labour Day".
  return state ? new Holidays(country, state) : new Holidays(country);
}

function readRegionYear(engine: Holidays, year: number): RegionEntry[] {
  return engine.getHolidays(year).map((h) => {
    const dn = parseIsoDate(h.date.slice(0, 10)) ?? NaN;
    const substitute = h.substitute === true;
    const baseName = substitute && h.name.endsWith(SUBSTITUTE_SUFFIX) ? h.name.slice(0, -SUBSTITUTE_SUFFIX.length) : h.name;
    return { dayNumber: dn, baseName, name: h.name, type: h.type, substitute, fromMinute: parseTimeOfDay(h.date.slice(11, 16)) ?? 0 };
  });
}

/** Countries and states date-holidays knows, for validation. */
export function regionProblem(country: string, state: string | undefined): string | null {
  const countries = new Holidays().getCountries('en');
  if (!Object.hasOwn(countries, country))
    return `'${country}' is not a country known to date-holidays (use an ISO 3166-1 code such as 'US')`;
  if (state === undefined) return null;
  const states = new Holidays().getStates(country, 'en') ?? {};
  if (!Object.hasOwn(states, state))
    return `'${state}' is not a state of ${country} known to date-holidays (known: ${Object.keys(states).join(', ') || 'none'})`;
  return null;
}

/** Every holiday name the region uses in a span of years, for validating `only` and `of`. */
export function regionHolidayNames(country: string, state: string | undefined, years = { from: 2020, to: 2035 }): Set<string> {
  const engine = regionEngine(country, state);
  const names = new Set<string>();
  for (let y = years.from; y <= years.to; y++) for (const e of readRegionYear(engine, y)) names.add(e.baseName);
  return names;
}

function closureMinutes(closed: PartialClosure | undefined): { fromMinute: number; toMinute: number } {
  if (!closed) return { fromMinute: 0, toMinute: 1440 };
  return { fromMinute: parseTimeOfDay(closed.from) ?? 0, toMinute: parseTimeOfDay(closed.to) ?? 1440 };
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): number | null {
  if (nth > 0) {
    const first = dayNumberOf(year, month, 1);
    const dn = first + ((weekday - weekdayIndexOf(first) + 7) % 7) + (nth - 1) * 7;
    return civilDateOf(dn).month === month ? dn : null;
  }
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - ((weekdayIndexOf(last) - weekday + 7) % 7);
}

export class HolidayBook {
  private readonly engine: Holidays | null;
  private readonly regionYears = new Map<number, RegionEntry[]>();
  private readonly closureYears = new Map<number, Map<number, HolidayClosure[]>>();
  private readonly rulesByName = new Map<string, HolidayRule>();
  private readonly closuresByDay = new Map<number, HolidayClosure[]>();

  constructor(private readonly spec: CalendarSpec['holidays']) {
    const region = spec?.region;
    this.engine = region ? regionEngine(region.country, region.state) : null;
    for (const rule of spec?.rules ?? []) this.rulesByName.set(rule.name, rule);
    for (const c of spec?.closures ?? []) {
      const dn = parseIsoDate(c.date);
      if (dn === null) continue;
      const list = this.closuresByDay.get(dn) ?? [];
      list.push({ name: c.name, ...closureMinutes(c.closed) });
      this.closuresByDay.set(dn, list);
    }
  }

  /** Closed stretches of one local day (empty when it is an ordinary day). */
  closuresOn(dayNumber: number): readonly HolidayClosure[] {
    const year = civilDateOf(dayNumber).year;
    let book = this.closureYears.get(year);
    if (!book) {
      book = this.buildYear(year);
      this.closureYears.set(year, book);
    }
    return book.get(dayNumber) ?? NO_CLOSURES;
  }

  /** All closures of a year by local date, for display and tests. */
  listYear(year: number): Array<{ date: number } & HolidayClosure> {
    this.closuresOn(dayNumberOf(year, 1, 1));
    const book = this.closureYears.get(year) ?? new Map<number, HolidayClosure[]>();
    return [...book.entries()].sort((a, b) => a[0] - b[0]).flatMap(([date, list]) => list.map((c) => ({ date, ...c })));
  }

  private region(year: number): RegionEntry[] {
    if (!this.engine) return [];
    let entries = this.regionYears.get(year);
    if (!entries) {
      entries = readRegionYear(this.engine, year);
      this.regionYears.set(year, entries);
    }
    return entries;
  }

  /** Actual dates of a named holiday computed for `year` (a relative rule may spill into the next or previous year). */
  private datesOf(name: string, year: number, depth = 0): number[] {
    if (depth > 32) return []; // cycles are refused by validation; this only guards
    const rule = this.rulesByName.get(name);
    if (rule) return this.ruleDates(rule, year, depth);
    return this.region(year)
      .filter((e) => e.baseName === name && !e.substitute)
      .map((e) => e.dayNumber);
  }

  private ruleDates(rule: HolidayRule, year: number, depth: number): number[] {
    switch (rule.kind) {
      case 'fixed':
        return rule.day <= daysInMonth(year, rule.month) ? [dayNumberOf(year, rule.month, rule.day)] : [];
      case 'nth-weekday': {
        const dn = nthWeekday(year, rule.month, WEEKDAYS.indexOf(rule.weekday), rule.nth);
        return dn === null ? [] : [dn];
      }
      case 'relative':
        return this.datesOf(rule.of, year, depth + 1).map((d) => d + rule.days);
    }
  }

  private buildYear(year: number): Map<number, HolidayClosure[]> {
    const book = new Map<number, HolidayClosure[]>();
    const add = (dn: number, c: HolidayClosure): void => {
      if (civilDateOf(dn).year !== year) return;
      const list = book.get(dn) ?? [];
      if (!list.some((x) => x.name === c.name && x.fromMinute === c.fromMinute)) list.push(c);
      book.set(dn, list);
    };
    const region = this.spec?.region;
    if (region) {
      const types = new Set<string>(region.types ?? ['public']);
      const only = region.only ? new Set(region.only) : null;
      const substitutes = region.substitutes ?? true;
      for (const y of [year - 1, year, year + 1]) {
        for (const e of this.region(y)) {
          if (!types.has(e.type) || (only && !only.has(e.baseName)) || (e.substitute && !substitutes)) continue;
          add(e.dayNumber, { name: e.name, fromMinute: e.fromMinute, toMinute: 1440 });
        }
      }
    }
    for (const rule of this.spec?.rules ?? []) {
      for (const y of [year - 1, year, year + 1]) {
        for (const dn of this.ruleDates(rule, y, 0)) add(dn, { name: rule.name, ...closureMinutes(rule.closed) });
      }
    }
    for (const [dn, list] of this.closuresByDay) for (const c of list) add(dn, c);
    return book;
  }
}

const NO_CLOSURES: readonly HolidayClosure[] = Object.freeze([]);
