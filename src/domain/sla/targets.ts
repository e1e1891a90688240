// Turning a target as written in a policy ("1 business day", "next business
// day", "2 hours") into an amount of counted time for one clock.
import type { BusinessCalendar } from './business-calendar';
import type { Measure } from './business-time';
import type { SlaDuration, TargetSpec } from './policy-types';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export function measureOf(d: SlaDuration): Measure {
  return d.unit === 'wall-minutes' || d.unit === 'wall-hours' ? 'wall' : 'business';
}

/** The amount a duration stands for when fixed, in ms; null for next-business-day. */
export function fixedAmount(d: SlaDuration, businessDayMs: number): number | null {
  switch (d.unit) {
    case 'business-minutes':
    case 'wall-minutes':
      return d.value * MINUTE_MS;
    case 'business-hours':
    case 'wall-hours':
      return d.value * HOUR_MS;
    case 'business-days':
      return d.value * businessDayMs;
    case 'next-business-day':
      return null;
  }
}

export interface ResolvedTarget {
  measure: Measure;
  /** Counted ms until late. */
  target: number;
  /** Counted ms until breached (never less than target). */
  limit: number;
}

/**
 * `countFrom` is where the clock starts counting (the opening); `anchor` is
 * the instant whose local day "next business day" is counted from.
 */
export function resolveTarget(spec: TargetSpec, calendar: BusinessCalendar, countFrom: number, anchor: number): ResolvedTarget {
  const target = amountOf(spec.target, calendar, countFrom, anchor);
  const limit = spec.limit ? Math.max(target, amountOf(spec.limit, calendar, countFrom, anchor)) : target;
  return { measure: measureOf(spec.target), target, limit };
}

function amountOf(d: SlaDuration, calendar: BusinessCalendar, countFrom: number, anchor: number): number {
  return fixedAmount(d, calendar.businessDayMs) ?? calendar.businessTimeBetween(countFrom, calendar.closeOfNextBusinessDay(anchor));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeDuration(d: SlaDuration): string {
  switch (d.unit) {
    case 'business-minutes':
      return plural(d.value, 'business minute');
    case 'business-hours':
      return plural(d.value, 'business hour');
    case 'business-days':
      return plural(d.value, 'business day');
    case 'wall-minutes':
      return `${plural(d.value, 'minute')}, around the clock`;
    case 'wall-hours':
      return `${plural(d.value, 'hour')}, around the clock`;
    case 'next-business-day':
      return 'by the close of the next business day';
  }
}

/** "2–4 business hours", "1 business day", "1 hour, around the clock". */
export function describeTarget(spec: TargetSpec): string {
  const { target, limit } = spec;
  if (!limit) return describeDuration(target);
  if (target.unit === limit.unit && 'value' in target && 'value' in limit) {
    const words = describeDuration(limit).replace(/^\S+ /, '');
    return `${target.value}–${limit.value} ${words}`;
  }
  return `${describeDuration(target)} (breached: ${describeDuration(limit)})`;
}
