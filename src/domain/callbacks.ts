// Callback rules (docs/domain/phone-intake.md, "Callbacks") the desk checks
// before queueing and the server checks again against its own rows and clock.
import { DateTime } from 'luxon';
import { CALLBACK_HORIZON_DAYS, type CallbackStatus } from './calls';
import { isValidTimeZone } from './sla/zone-time';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/**
 * A promise may be this far before the moment it was made: the time picked in
 * the form while the caller was still talking, rounded to the minute.
 */
export const CALLBACK_PAST_GRACE_MS = 5 * MINUTE_MS;

export function timeZoneProblem(timeZone: string): string | null {
  return isValidTimeZone(timeZone)
    ? null
    : `"${timeZone}" is not a time zone this system knows: choose the caller's zone from the list (e.g. America/Chicago).`;
}

/**
 * Problems with when a callback is promised, or null. `madeAtMs` is when it
 * was promised (the desk's clock, never later than the server's); `nowMs` the
 * checking side's clock. A promise made offline is not refused for falling due
 * before it synced, only for being in the past when it was made.
 */
export function promisedByProblem(promisedBy: string, madeAtMs: number, nowMs: number): string | null {
  const at = Date.parse(promisedBy);
  if (Number.isNaN(at)) return 'Give the promised time as a date and time.';
  if (at < madeAtMs - CALLBACK_PAST_GRACE_MS || at < nowMs - CALLBACK_HORIZON_DAYS * DAY_MS)
    return 'The promised time is already past: promise a time still to come (or call them back now).';
  if (at > nowMs + CALLBACK_HORIZON_DAYS * DAY_MS) return `A callback is promised within ${CALLBACK_HORIZON_DAYS} days: check the date.`;
  return null;
}

export interface ClosedFacts {
  status: CallbackStatus;
  closedByName: string;
  closedAt: string | null;
  timeZone: string;
}

/** Why a callback may not be completed or cancelled, or null when it is open: names who closed it and when. */
export function closeProblem(c: ClosedFacts): string | null {
  if (c.status === 'open') return null;
  const when = c.closedAt ? ` on ${formatInZone(c.closedAt, c.timeZone)}` : '';
  const what = c.status === 'done' ? 'already called back' : 'already cancelled';
  return `This callback was ${what} by ${c.closedByName}${when}: nothing more to do. Refresh the list.`;
}

/** "Tue 4 Mar, 14:10 CST (America/Chicago)": the promise as the caller heard it, with the zone named. */
export function formatInZone(iso: string, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const t = DateTime.fromISO(iso, { zone });
  return `${t.toFormat('ccc d LLL, HH:mm')} ${t.offsetNameShort ?? t.toFormat('ZZ')} (${zone})`;
}

function spell(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}

export interface Due {
  overdue: boolean;
  /** "in 25 min", "overdue by 10 min", "due now". */
  text: string;
}

/** How far the promise is from `nowMs`, in words. */
export function dueIn(promisedBy: string, nowMs: number): Due {
  const ms = Date.parse(promisedBy) - nowMs;
  if (Math.abs(ms) < MINUTE_MS) return { overdue: false, text: 'due now' };
  return ms > 0 ? { overdue: false, text: `in ${spell(ms)}` } : { overdue: true, text: `overdue by ${spell(-ms)}` };
}

/** Open callbacks are worked earliest promise first; ties by when they were promised, then id. */
export function byPromise<T extends { promisedBy: string; createdAt: string; id: string }>(a: T, b: T): number {
  const pa = Date.parse(a.promisedBy);
  const pb = Date.parse(b.promisedBy);
  if (pa !== pb) return pa - pb;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A wall time typed in the caller's zone ("2026-03-04T14:10", from a
 * datetime-local input) as an ISO instant; null when it is not a time.
 */
export function wallTimeToInstant(wall: string, timeZone: string): string | null {
  if (!isValidTimeZone(timeZone)) return null;
  const t = DateTime.fromISO(wall, { zone: timeZone });
  return t.isValid ? t.toUTC().toISO() : null;
}

/** The instant as a datetime-local value in `timeZone`. */
export function instantToWallTime(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: isValidTimeZone(timeZone) ? timeZone : 'UTC' }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** The quick choices of the promise form: in 30 min, 1 h, 2 h, and tomorrow 09:00 in the caller's zone. */
export function quickPromises(nowMs: number, timeZone: string): { label: string; iso: string }[] {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const now = DateTime.fromMillis(nowMs, { zone });
  const later = (minutes: number) => now.plus({ minutes }).startOf('minute').toUTC().toISO()!;
  return [
    { label: 'In 30 min', iso: later(30) },
    { label: 'In 1 h', iso: later(60) },
    { label: 'In 2 h', iso: later(120) },
    {
      label: 'Tomorrow 09:00 caller time',
      iso: now.plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO()!,
    },
  ];
}
