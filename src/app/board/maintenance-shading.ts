// Where a client's maintenance window falls on the board's days, for visits
// that take systems down (docs/domain/onsite-visits.md, "Scheduling board"):
// the window is read in the client's zone, the board's columns are the
// scheduler's days, so each window is turned into instants and cut by the days.
import { DateTime } from 'luxon';
import type { MaintenanceWindow } from '../../domain/client';
import { parseTimeOfDay } from '../../domain/sla/civil-date';
import { WEEKDAYS } from '../../domain/sla/policy-types';
import { isValidTimeZone } from '../../domain/sla/zone-time';
import type { BoardDay } from './board-layout';

export interface WindowSpan {
  dayIndex: number;
  startMs: number;
  endMs: number;
}

/** The parts of the client's maintenance window inside each board day (none when there is no readable window). */
export function windowSpans(window: MaintenanceWindow | null, clientZone: string, days: readonly BoardDay[]): WindowSpan[] {
  if (!window || window.weekdays.length === 0 || days.length === 0) return [];
  const from = parseTimeOfDay(window.from);
  const to = parseTimeOfDay(window.to);
  if (from === null || to === null || to <= from) return [];
  const zone = isValidTimeZone(clientZone) ? clientZone : 'UTC';
  const first = days[0]!.startMs;
  const last = days[days.length - 1]!.endMs;
  const spans: WindowSpan[] = [];
  // The client's dates that can touch the board: a day either side, for zones ahead or behind.
  for (
    let date = DateTime.fromMillis(first, { zone }).startOf('day').minus({ days: 1 });
    date.toMillis() < last;
    date = date.plus({ days: 1 })
  ) {
    if (!window.weekdays.includes(WEEKDAYS[date.weekday - 1]!)) continue;
    // Wall-clock times, so a DST change that night does not move the window.
    const at = (minutes: number) => date.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
    const startMs = at(from);
    const endMs = to >= 1440 ? date.plus({ days: 1 }).toMillis() : at(to);
    days.forEach((d, dayIndex) => {
      const s = Math.max(startMs, d.startMs);
      const e = Math.min(endMs, d.endMs);
      if (e > s) spans.push({ dayIndex, startMs: s, endMs: e });
    });
  }
  return spans;
}

export function describeWindow(window: MaintenanceWindow | null, clientZone: string): string {
  if (!window || window.weekdays.length === 0)
    return 'The client has no maintenance window: record one on the client’s page before booking.';
  return `Client’s maintenance window: ${window.weekdays.join(', ')} ${window.from}–${window.to} (${clientZone})`;
}
