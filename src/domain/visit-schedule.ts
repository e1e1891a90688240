// Booking technicians onsite (docs/domain/onsite-visits.md, "Scheduling"): a
// technician is in one place at a time (an overlap is refused, on the desk and
// by the server), the gap before the next visit should allow the travel
// between the sites (a warning), and work that takes systems down runs inside
// the client's maintenance window, read in the client's zone.
import { DateTime } from 'luxon';
import type { MaintenanceWindow } from './client';
import { parseTimeOfDay } from './sla/civil-date';
import { WEEKDAYS } from './sla/policy-types';
import { isValidTimeZone } from './sla/zone-time';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Visits start on a quarter hour (every zone's offset is a whole number of quarter hours, so this holds in all of them). */
export const SLOT_MINUTES = 15;
/** How far ahead a visit may be booked. */
export const BOOKING_HORIZON_DAYS = 366;

/** One technician's time taken by a visit: [startMs, endMs). */
export interface Booking {
  visitId: string;
  technicianId: string;
  startMs: number;
  endMs: number;
}

/** The visit's slot: it starts when booked and lasts its authorized hours. */
export function bookingEnd(startsAt: string, hours: number): string {
  return new Date(Date.parse(startsAt) + hours * HOUR_MS).toISOString();
}

export function slotProblem(startsAt: string, nowMs: number): string | null {
  const at = Date.parse(startsAt);
  if (Number.isNaN(at)) return 'Give the start as a date and time.';
  if (at % (SLOT_MINUTES * MINUTE_MS) !== 0) return `Start visits on a quarter hour (:00, :15, :30 or :45).`;
  if (at > nowMs + BOOKING_HORIZON_DAYS * 24 * HOUR_MS) return `Book visits at most a year ahead: check the date.`;
  return null;
}

/**
 * Every technician's bookings, sorted by start, with the latest end so far at
 * each position, so finding the overlaps of one slot is a binary search and a
 * short walk back, not a scan: the board checks each drop against it.
 */
export class BookingIndex {
  readonly #byTechnician = new Map<string, { bookings: Booking[]; maxEnd: number[] }>();

  constructor(bookings: Iterable<Booking>) {
    const groups = new Map<string, Booking[]>();
    for (const b of bookings) {
      const list = groups.get(b.technicianId);
      if (list) list.push(b);
      else groups.set(b.technicianId, [b]);
    }
    for (const [technicianId, list] of groups) {
      list.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
      const maxEnd: number[] = [];
      let max = -Infinity;
      for (const b of list) maxEnd.push((max = Math.max(max, b.endMs)));
      this.#byTechnician.set(technicianId, { bookings: list, maxEnd });
    }
  }

  /** The bookings of `technicianId` that overlap [startMs, endMs), other than `exceptVisitId` (the visit being moved). */
  overlapping(technicianId: string, startMs: number, endMs: number, exceptVisitId?: string): Booking[] {
    const entry = this.#byTechnician.get(technicianId);
    if (!entry) return [];
    const { bookings, maxEnd } = entry;
    // The last booking that starts before the slot ends.
    let lo = 0;
    let hi = bookings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bookings[mid]!.startMs < endMs) lo = mid + 1;
      else hi = mid;
    }
    const found: Booking[] = [];
    for (let i = lo - 1; i >= 0 && maxEnd[i]! > startMs; i--) {
      const b = bookings[i]!;
      if (b.endMs > startMs && b.visitId !== exceptVisitId) found.push(b);
    }
    return found.reverse();
  }

  /** The technician's bookings in time order (for travel gaps). */
  of(technicianId: string): readonly Booking[] {
    return this.#byTechnician.get(technicianId)?.bookings ?? [];
  }
}

/**
 * Why work that takes systems down cannot run in [startsAt, endsAt), or null:
 * it has to fall inside one day's maintenance window in the client's zone.
 * A client without a window has not said when downtime suits them.
 */
export function maintenanceWindowProblem(
  window: MaintenanceWindow | null,
  clientZone: string,
  startsAt: string,
  endsAt: string,
): string | null {
  if (!window || window.weekdays.length === 0)
    return "This work takes systems down, and the client has no maintenance window: record one on the client's page first.";
  const zone = isValidTimeZone(clientZone) ? clientZone : 'UTC';
  const start = DateTime.fromISO(startsAt, { zone });
  const end = DateTime.fromISO(endsAt, { zone });
  const from = parseTimeOfDay(window.from);
  const to = parseTimeOfDay(window.to);
  const describe = `${window.weekdays.join(', ')} ${window.from}–${window.to} (${zone})`;
  if (from === null || to === null) return `The client's maintenance window (${describe}) is not readable; fix it on the client's page.`;
  const day = WEEKDAYS[start.weekday - 1]!;
  const startMinute = start.hour * 60 + start.minute;
  const sameDay = start.hasSame(end, 'day') || (end.hour === 0 && end.minute === 0 && end.minus({ days: 1 }).hasSame(start, 'day'));
  const endMinute = end.hasSame(start, 'day') ? end.hour * 60 + end.minute : 1440;
  if (!window.weekdays.includes(day) || !sameDay || startMinute < from || endMinute > to)
    return `This work takes systems down: book it inside the client's maintenance window, ${describe}.`;
  return null;
}

/** A gap before a visit that is shorter than the travel to it. */
export interface TravelWarning {
  fromVisitId: string;
  toVisitId: string;
  gapMinutes: number;
  travelMinutes: number;
}

/**
 * Consecutive visits of one technician (in time order) whose gap is shorter
 * than the travel between their sites; an unknown travel time (null) warns
 * nothing, the board shows "travel unknown" instead.
 */
export function travelWarnings(
  ordered: readonly { visitId: string; startMs: number; endMs: number }[],
  travel: (fromVisitId: string, toVisitId: string) => number | null,
): TravelWarning[] {
  const found: TravelWarning[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const a = ordered[i - 1]!;
    const b = ordered[i]!;
    const minutes = travel(a.visitId, b.visitId);
    const gapMinutes = Math.floor((b.startMs - a.endMs) / MINUTE_MS);
    if (minutes !== null && gapMinutes < minutes)
      found.push({ fromVisitId: a.visitId, toVisitId: b.visitId, gapMinutes, travelMinutes: minutes });
  }
  return found;
}

/** "Tue 8 Dec 2026, 09:00–12:00 CST (America/Chicago)": the booking as the customer is told it, in the site's zone. */
export function describeSlot(startsAt: string, endsAt: string, siteZone: string, locale = 'en-US'): string {
  const zone = isValidTimeZone(siteZone) ? siteZone : 'UTC';
  const start = DateTime.fromISO(startsAt, { zone, locale });
  const end = DateTime.fromISO(endsAt, { zone, locale });
  const day = start.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = (t: DateTime) => t.toLocaleString(DateTime.TIME_SIMPLE);
  return `${day}, ${time(start)}–${time(end)} ${start.offsetNameShort ?? start.toFormat('ZZ')} (${zone})`;
}
