// Lead times of request types (docs/domain/lead-times.md): how long a kind of
// request takes, as a range of business or calendar days, and the dates that
// promises on the client's calendar. Pure: the desk and the server compute the
// same dates from the same request type, instant and calendar.
import { BusinessCalendar, type BusinessDay } from './sla/business-calendar';
import { isoDateOf, parseIsoDate } from './sla/civil-date';
import type { CalendarSpec } from './sla/policy-types';

/** What a ticket records of its request type; the promised dates are the server's, computed when the ticket was created. */
export interface TicketLeadTime {
  requestTypeId: string;
  requestParam: number | null;
  /** "YYYY-MM-DD" on the client's calendar. */
  customerWantedDate: string | null;
  promisedEarliest?: string;
  promisedLatest?: string | null;
}

export const LEAD_TIME_UNITS = ['business_days', 'calendar_days'] as const;
export type LeadTimeUnit = (typeof LEAD_TIME_UNITS)[number];

/** The longest lead time a request type may name: a typo of 9000 days is refused, a year and more is not. */
export const MAX_LEAD_DAYS = 730;
/** The largest parameter a band may start at, and a request may give. */
export const MAX_PARAM = 1_000_000;

/** Parameter values `from`..`to` (inclusive; `to` null: and above) take `minDays`..`maxDays`. */
export interface LeadTimeBand {
  from: number;
  to: number | null;
  minDays: number;
  /** null: no latest date ("minimum N"). */
  maxDays: number | null;
}

/** A count the lead time depends on, e.g. how many numbers to port. Values are whole numbers from 1. */
export interface RequestParameter {
  label: string;
  bands: readonly LeadTimeBand[];
}

export interface RequestTypeSpec {
  name: string;
  unit: LeadTimeUnit;
  /** With a parameter: the span of its bands (smallest minimum, largest maximum), the range before the count is known. */
  minDays: number;
  maxDays: number | null;
  parameter: RequestParameter | null;
  /** What the range depends on beyond the count, in the guide's words (shown beside the dates). */
  note: string;
}

export const unitWords = (unit: LeadTimeUnit) => (unit === 'business_days' ? 'business days' : 'calendar days');

export function describeLeadTime(unit: LeadTimeUnit, minDays: number, maxDays: number | null): string {
  if (maxDays === null) return `at least ${minDays} ${unitWords(unit)}`;
  if (maxDays === minDays) return `${minDays} ${unitWords(unit)}`;
  return `${minDays}–${maxDays} ${unitWords(unit)}`;
}

/** The range a set of bands spans: what a parameterised type's own minDays and maxDays must be. */
export function spanOfBands(bands: readonly LeadTimeBand[]): { minDays: number; maxDays: number | null } {
  const minDays = Math.min(...bands.map((b) => b.minDays));
  const maxDays = bands.some((b) => b.maxDays === null) ? null : Math.max(...bands.map((b) => b.maxDays!));
  return { minDays, maxDays };
}

function dayRangeProblems(where: string, minDays: number, maxDays: number | null): string[] {
  const out: string[] = [];
  const whole = (label: string, v: number) => {
    if (!Number.isInteger(v)) out.push(`${where}: the ${label} must be a whole number of days (it is ${v}).`);
    else if (v < 0) out.push(`${where}: the ${label} cannot be negative (it is ${v}); use 0 for "the same day".`);
    else if (v > MAX_LEAD_DAYS) out.push(`${where}: the ${label} is ${v} days, more than the ${MAX_LEAD_DAYS} allowed; check for a typo.`);
  };
  whole('minimum', minDays);
  if (maxDays !== null) {
    whole('maximum', maxDays);
    if (maxDays < minDays)
      out.push(`${where}: the minimum (${minDays}) exceeds the maximum (${maxDays}); the minimum must not exceed the maximum.`);
  }
  return out;
}

/**
 * Every rule a request type breaks, each message naming the rule and what to
 * do; empty when it is valid. Bands must cover every count from 1 upwards
 * exactly once, in order, the last one open-ended.
 */
export function requestTypeProblems(spec: RequestTypeSpec): string[] {
  const out: string[] = [];
  if (spec.name.trim().length === 0) out.push('Name: enter a name for the request type.');
  if (!(LEAD_TIME_UNITS as readonly string[]).includes(spec.unit))
    out.push(`Unit: '${String(spec.unit)}' is not a unit; use business_days or calendar_days.`);
  out.push(...dayRangeProblems('Lead time', spec.minDays, spec.maxDays));
  const p = spec.parameter;
  if (p === null) return out;
  if (p.label.trim().length === 0) out.push('Parameter: enter what is counted, e.g. "How many numbers".');
  if (p.bands.length === 0) {
    out.push('Parameter: give at least one band, or remove the parameter.');
    return out;
  }
  let expectedFrom = 1;
  p.bands.forEach((b, i) => {
    const where = `Band ${i + 1} (${b.from}${b.to === null ? ' or more' : `–${b.to}`})`;
    out.push(...dayRangeProblems(where, b.minDays, b.maxDays));
    if (!Number.isInteger(b.from) || (b.to !== null && !Number.isInteger(b.to))) out.push(`${where}: its bounds must be whole numbers.`);
    if (b.from < expectedFrom && Number.isFinite(expectedFrom))
      out.push(`${where}: it overlaps the band before it, which ends at ${expectedFrom - 1}; start it at ${expectedFrom}.`);
    else if (b.from > expectedFrom)
      out.push(
        `${where}: there is a gap before it (${expectedFrom}${b.from - 1 > expectedFrom ? `–${b.from - 1}` : ''} has no lead time); start it at ${expectedFrom}.`,
      );
    if (b.to !== null && b.to < b.from) out.push(`${where}: it ends (${b.to}) before it starts (${b.from}).`);
    if (b.from > MAX_PARAM) out.push(`${where}: it starts above ${MAX_PARAM}.`);
    const last = i === p.bands.length - 1;
    if (b.to === null && !last) out.push(`${where}: only the last band may be open-ended ("or more").`);
    if (b.to !== null && last) out.push(`${where}: the last band must be open-ended ("${b.from} or more") so every count has a lead time.`);
    expectedFrom = b.to === null ? Number.POSITIVE_INFINITY : Math.max(expectedFrom, b.to + 1);
  });
  const span = spanOfBands(p.bands);
  if (span.minDays !== spec.minDays || span.maxDays !== spec.maxDays)
    out.push(
      `Lead time: with bands, the type's range must be the span of its bands (${describeLeadTime(spec.unit, span.minDays, span.maxDays)}), not ${describeLeadTime(spec.unit, spec.minDays, spec.maxDays)}.`,
    );
  return out;
}

export class LeadTimeError extends Error {
  override readonly name = 'LeadTimeError';
}

/** The range that applies: the parameter's band, or the type's own (its bands' span while the count is unknown). */
export function leadTimeFor(
  spec: RequestTypeSpec,
  param: number | null,
): { minDays: number; maxDays: number | null; band: LeadTimeBand | null } {
  if (spec.parameter === null || param === null) return { minDays: spec.minDays, maxDays: spec.maxDays, band: null };
  if (!Number.isInteger(param) || param < 1 || param > MAX_PARAM)
    throw new LeadTimeError(`${spec.parameter.label}: enter a whole number from 1 to ${MAX_PARAM} (got ${param}).`);
  const band = spec.parameter.bands.find((b) => b.from <= param && (b.to === null || param <= b.to));
  if (!band) throw new LeadTimeError(`${spec.parameter.label}: ${param} falls in no band of "${spec.name}"; fix the request type's bands.`);
  return { minDays: band.minDays, maxDays: band.maxDays, band };
}

const calendars = new WeakMap<CalendarSpec, BusinessCalendar>();

/** One compiled calendar per spec object: the dialog recomputes on every keystroke. */
export function leadTimeCalendar(spec: CalendarSpec): BusinessCalendar {
  let calendar = calendars.get(spec);
  if (!calendar) calendars.set(spec, (calendar = new BusinessCalendar(spec)));
  return calendar;
}

export interface PromisedDates {
  /** Local dates ("YYYY-MM-DD") on the client's calendar. */
  earliest: string;
  /** null: the lead time has no upper figure. */
  latest: string | null;
  /** The local day counting starts after: the request's day, or for business days the day it is taken as received. */
  countedFrom: string;
  minDays: number;
  maxDays: number | null;
  unit: LeadTimeUnit;
}

function toInstant(at: string | number | Date): number {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new LeadTimeError(`The request time ${String(at)} is not a valid instant.`);
  return ms;
}

const isBusinessDay = (day: BusinessDay) => day.open.length > 0;

function nthBusinessDayAfter(calendar: BusinessCalendar, from: BusinessDay, n: number): BusinessDay {
  let day = from;
  // A calendar open at least once a year steps at most 366 days per business day; more means no open days at all.
  for (let count = 0, guard = 0; count < n; guard++) {
    if (guard > (n + 1) * 366) throw calendar.neverOpen(from.start);
    day = calendar.nextDay(day);
    if (isBusinessDay(day)) count++;
  }
  return day;
}

/**
 * The earliest and latest dates a request promises, on the client's calendar.
 *
 * Calendar days count from the request's local date, whatever the hour:
 * N days after a request on day D is D + N. Business days count the calendar's
 * business days (a day with any open time: not a weekend, not a holiday), from
 * the day the request is taken as received: the request's day when it arrives
 * during business hours, else the day of the next opening (after close, before
 * open, at a weekend or on a holiday). N business days is the N-th business
 * day after that day.
 */
export function promisedDates(
  spec: RequestTypeSpec,
  param: number | null,
  requestedAt: string | number | Date,
  calendar: BusinessCalendar,
): PromisedDates {
  const { minDays, maxDays } = leadTimeFor(spec, param);
  const at = toInstant(requestedAt);
  if (spec.unit === 'calendar_days') {
    const day = calendar.dayAt(at).dayNumber;
    return {
      earliest: isoDateOf(day + minDays),
      latest: maxDays === null ? null : isoDateOf(day + maxDays),
      countedFrom: isoDateOf(day),
      minDays,
      maxDays,
      unit: spec.unit,
    };
  }
  const received = calendar.dayAt(calendar.nextOpening(at));
  const earliest = nthBusinessDayAfter(calendar, received, minDays);
  const latest = maxDays === null ? null : nthBusinessDayAfter(calendar, earliest, maxDays - minDays);
  return {
    earliest: isoDateOf(earliest.dayNumber),
    latest: latest === null ? null : isoDateOf(latest.dayNumber),
    countedFrom: isoDateOf(received.dayNumber),
    minDays,
    maxDays,
    unit: spec.unit,
  };
}

export interface LeadTimeWarning {
  kind: 'before_request' | 'inside_minimum';
  /** The wanted date and the earliest promised date, "YYYY-MM-DD". */
  wanted: string;
  earliest: string;
  message: string;
}

/**
 * A warning when the customer wants the request done before the earliest
 * promised date: inside the minimum lead time (or before the request itself).
 * Not a refusal: the desk takes it as best effort and tells the customer.
 */
export function leadTimeWarning(
  spec: RequestTypeSpec,
  param: number | null,
  requestedAt: string | number | Date,
  customerWants: string,
  calendar: BusinessCalendar,
): LeadTimeWarning | null {
  const wantedDay = parseIsoDate(customerWants);
  if (wantedDay === null) throw new LeadTimeError(`The wanted date '${customerWants}' is not a date; use YYYY-MM-DD.`);
  const dates = promisedDates(spec, param, requestedAt, calendar);
  const earliestDay = parseIsoDate(dates.earliest)!;
  if (wantedDay >= earliestDay) return null;
  const requestDay = calendar.dayAt(toInstant(requestedAt)).dayNumber;
  const lead = describeLeadTime(dates.unit, dates.minDays, dates.maxDays);
  if (wantedDay < requestDay)
    return {
      kind: 'before_request',
      wanted: customerWants,
      earliest: dates.earliest,
      message: `The wanted date ${customerWants} is before the request itself; the earliest promised date is ${dates.earliest} (${lead}).`,
    };
  return {
    kind: 'inside_minimum',
    wanted: customerWants,
    earliest: dates.earliest,
    message: `The wanted date ${customerWants} is inside the minimum lead time of ${spec.name} (${lead}): the earliest promised date is ${dates.earliest}. Take it as best effort or agree a later date.`,
  };
}
