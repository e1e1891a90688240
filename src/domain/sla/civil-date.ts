// Calendar arithmetic on plain numbers. A "day number" is a local calendar date
// counted from 1970-01-01, independent of any zone; the hot loop steps through
// these instead of building date objects.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function civilDateOf(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndexOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after local midnight for "HH:MM" (24:00 = 1440), or null if malformed. */
export function parseTimeOfDay(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  if (text === '24:00') return 1440;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid "YYYY-MM-DD", or null. */
export function parseIsoDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dn = dayNumberOf(y, mo, d);
  const back = civilDateOf(dn);
  return back.month === mo && back.day === d ? dn : null;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, in integer arithmetic (H. Hinnant). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DIGIT0 = 48;

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - DIGIT0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Epoch ms of an ISO-8601 instant with an explicit zone ("Z" or "±HH:MM"),
 * or NaN. Hand-rolled because it runs for every event on every countdown tick,
 * and because Date.parse accepts zoneless and non-ISO text we must refuse.
 */
export function parseIsoInstant(s: string): number {
  if (typeof s === 'string' && s.length === 24 && s.charCodeAt(23) === 90 && s.charCodeAt(19) === 46) return parseCanonical(s);
  return parseGeneral(s);
}

/** Indexed by month 1-12; February is handled apart. */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The character at `i` as a digit 0-9, or a value above 9 for anything else. */
const dig = (s: string, i: number): number => (s.charCodeAt(i) - DIGIT0) >>> 0;

/**
 * "YYYY-MM-DDTHH:MM:SS.sssZ", the form Date#toISOString writes and the ticket
 * log stores: checked position by position, the same rules as parseGeneral.
 */
function parseCanonical(s: string): number {
  const y0 = dig(s, 0),
    y1 = dig(s, 1),
    y2 = dig(s, 2),
    y3 = dig(s, 3),
    mo0 = dig(s, 5),
    mo1 = dig(s, 6),
    d0 = dig(s, 8),
    d1 = dig(s, 9);
  const h0 = dig(s, 11),
    h1 = dig(s, 12),
    mi0 = dig(s, 14),
    mi1 = dig(s, 15),
    s0 = dig(s, 17),
    s1 = dig(s, 18),
    f0 = dig(s, 20),
    f1 = dig(s, 21),
    f2 = dig(s, 22);
  if (
    y0 > 9 ||
    y1 > 9 ||
    y2 > 9 ||
    y3 > 9 ||
    mo0 > 9 ||
    mo1 > 9 ||
    d0 > 9 ||
    d1 > 9 ||
    h0 > 9 ||
    h1 > 9 ||
    mi0 > 9 ||
    mi1 > 9 ||
    s0 > 9 ||
    s1 > 9 ||
    f0 > 9 ||
    f1 > 9 ||
    f2 > 9
  )
    return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3,
    mo = mo0 * 10 + mo1,
    d = d0 * 10 + d1,
    h = h0 * 10 + h1,
    mi = mi0 * 10 + mi1,
    sec = s0 * 10 + s1;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return NaN;
  const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 ? (leap ? 29 : 28) : MONTH_DAYS[mo]!)) return NaN;
  // Leap days since 1970 in int32 arithmetic (0 <= y <= 9999 keeps every dividend positive).
  const leapDays = ((y - 1969) >> 2) - (((y + 99) / 100) | 0) + 20 + (((y + 399) / 400) | 0) - 5;
  const days = 365 * (y - 1970) + leapDays + DAYS_BEFORE_MONTH[mo]! + (leap && mo > 2 ? 1 : 0) + d - 1;
  return days * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + f0 * 100 + f1 * 10 + f2;
}

function parseGeneral(s: string): number {
  if (
    typeof s !== 'string' ||
    s.length < 17 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58
  )
    return NaN;
  const y = digits(s, 0, 4),
    mo = digits(s, 5, 2),
    d = digits(s, 8, 2),
    h = digits(s, 11, 2),
    mi = digits(s, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 59) return NaN;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      let j = i + 1;
      let frac = 0;
      let scale = 100;
      while (j < s.length && s.charCodeAt(j) >= DIGIT0 && s.charCodeAt(j) <= DIGIT0 + 9) {
        frac += (s.charCodeAt(j) - DIGIT0) * scale;
        scale /= 10;
        j++;
      }
      if (j === i + 1) return NaN;
      ms = Math.floor(frac);
      i = j;
    }
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 && i === s.length - 1) offsetMin = 0;
  else if ((z === 43 || z === 45) && i + 6 === s.length && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2),
      om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return NaN;
  // Date.UTC would roll 02-30 over to March; refuse instead.
  if (d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
}
