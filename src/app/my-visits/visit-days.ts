// The days "My visits" lists: today and the next few, each day from midnight
// to midnight in the technician's own zone (a visit's own times are shown in
// its site's zone; which day it falls on is the technician's).
import { DateTime } from 'luxon';
import { isValidTimeZone } from '../../domain/sla/zone-time';

/** Today and the six days after it: a technician's week ahead. */
export const DAYS_AHEAD = 6;

export interface VisitDay {
  /** "2026-03-04" in the technician's zone. */
  key: string;
  /** "Today, Wed 4 Mar", "Tomorrow, Thu 5 Mar", "Fri 6 Mar". */
  label: string;
  fromIso: string;
  toIso: string;
}

/** The days from today to `daysAhead` days after it, in `zone`; [first.fromIso, last.toIso) is the range to read. */
export function visitDays(nowMs: number, zone: string, daysAhead = DAYS_AHEAD): VisitDay[] {
  const today = DateTime.fromMillis(nowMs, { zone: isValidTimeZone(zone) ? zone : 'UTC' }).startOf('day');
  const days: VisitDay[] = [];
  for (let i = 0; i <= daysAhead; i++) {
    const start = today.plus({ days: i });
    const name = start.toFormat('ccc d LLL');
    days.push({
      key: start.toISODate()!,
      label: i === 0 ? `Today, ${name}` : i === 1 ? `Tomorrow, ${name}` : name,
      fromIso: start.toUTC().toISO()!,
      // Plus one calendar day, not 24 h: a day that changes clocks is 23 or 25 hours long.
      toIso: start.plus({ days: 1 }).toUTC().toISO()!,
    });
  }
  return days;
}

/** Each day with its visits in start order; a visit with no start, or outside every day, is left out. */
export function byDay<V extends { id: string; startsAt: string | null }>(
  visits: readonly V[],
  days: readonly VisitDay[],
): { day: VisitDay; visits: V[] }[] {
  const sorted = visits
    .filter((v): v is V & { startsAt: string } => v.startsAt !== null)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id));
  return days.map((day, i) => {
    // A visit still going from before today's midnight (onsite past it) is today's work: it shows first under today.
    const from = i === 0 ? -Infinity : Date.parse(day.fromIso);
    const to = Date.parse(day.toIso);
    return { day, visits: sorted.filter((v) => Date.parse(v.startsAt) >= from && Date.parse(v.startsAt) < to) };
  });
}

/** The instants [fromIso, toIso) the days cover: what the screen reads from the desk. */
export function visitWindow(nowMs: number, zone: string, daysAhead = DAYS_AHEAD): { fromIso: string; toIso: string } {
  const days = visitDays(nowMs, zone, daysAhead);
  return { fromIso: days[0]!.fromIso, toIso: days[days.length - 1]!.toIso };
}
