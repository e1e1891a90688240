// Booking technicians onsite (docs/domain/onsite-visits.md, "Scheduling"): a
// technician is in one place at a time (touching visits do not overlap, and a
// visit being moved does not clash with itself), visits start on a quarter
// hour, downtime work falls inside the client's maintenance window read in the
// client's zone, a gap shorter than the travel warns, and the customer is told
// the slot in the site's zone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../../src/domain/client';
import {
  BookingIndex,
  bookingEnd,
  describeSlot,
  maintenanceWindowProblem,
  slotProblem,
  travelWarnings,
  type Booking,
} from '../../../src/domain/visit-schedule';

const H = 3_600_000;
const M = 60_000;
// Hours of Wednesday 4 March 2026 (UTC) as milliseconds.
const day = Date.parse('2026-03-04T00:00:00Z');
const at = (hours: number) => day + hours * H;
const booking = (visitId: string, technicianId: string, from: number, to: number): Booking => ({
  visitId,
  technicianId,
  startMs: at(from),
  endMs: at(to),
});

describe('overlapping bookings', () => {
  const index = new BookingIndex([
    booking('a', 'ana', 9, 12),
    booking('b', 'ana', 13, 14),
    booking('c', 'ana', 15, 16),
    booking('other-tech', 'ben', 9, 17),
  ]);
  const ids = (from: number, to: number, except?: string, technician = 'ana') =>
    index.overlapping(technician, at(from), at(to), except).map((b) => b.visitId);

  it.each([
    ['a slot ending as a visit starts (touching ends do not overlap)', 8, 9, []],
    ['a slot starting as a visit ends', 12, 13, []],
    ['a slot filling the gap between two visits exactly', 14, 15, []],
    ['a minute into a visit from before', 8, 9 + 1 / 60, ['a']],
    ['a minute before a visit ends', 12 - 1 / 60, 13, ['a']],
    ['a slot inside a visit', 10, 11, ['a']],
    ['a slot around a visit', 8, 12.5, ['a']],
    ['a slot across two visits, in time order', 11, 15.5, ['a', 'b', 'c']],
    ['a slot after every visit', 16, 18, []],
  ])('%s', (_name, from, to, expected) => {
    expect(ids(from, to)).toEqual(expected);
  });

  it('is per technician', () => {
    expect(ids(10, 11, undefined, 'ben')).toEqual(['other-tech']);
    expect(ids(10, 11, undefined, 'carla')).toEqual([]);
  });

  it('does not count the visit being moved against itself', () => {
    expect(ids(10, 13, 'a')).toEqual([]);
    expect(ids(11, 13.5, 'a')).toEqual(['b']);
  });

  it('finds a long visit that started well before a later short one', () => {
    const longFirst = new BookingIndex([booking('all-day', 'ana', 7, 18), booking('short', 'ana', 8, 9)]);
    expect(longFirst.overlapping('ana', at(12), at(13)).map((b) => b.visitId)).toEqual(['all-day']);
  });

  it('does not count a visit touching the slot behind a longer one', () => {
    const nested = new BookingIndex([booking('all-day', 'ana', 7, 18), booking('morning', 'ana', 8, 12)]);
    expect(nested.overlapping('ana', at(12), at(13)).map((b) => b.visitId)).toEqual(['all-day']);
  });

  it('lists a technician’s bookings in time order', () => {
    const unordered = new BookingIndex([booking('late', 'ana', 15, 16), booking('early', 'ana', 8, 9)]);
    expect(unordered.of('ana').map((b) => b.visitId)).toEqual(['early', 'late']);
    expect(unordered.of('nobody')).toEqual([]);
  });

  it('equals a scan of every booking (property)', () => {
    const bookingArb = fc.record({
      technicianId: fc.constantFrom('ana', 'ben', 'carla'),
      startMs: fc.integer({ min: 0, max: 40 }).map((q) => q * 15 * M),
      // Whole quarter hours, as visits are booked, so touching ends come up often.
      minutes: fc.integer({ min: 1, max: 24 }).map((q) => q * 15),
    });
    fc.assert(
      fc.property(
        fc.array(bookingArb, { minLength: 5, maxLength: 60, size: 'max' }),
        fc.constantFrom('ana', 'ben', 'carla', 'dee'),
        fc.integer({ min: -8, max: 48 }).map((q) => q * 15 * M),
        fc.integer({ min: 1, max: 24 }).map((q) => q * 15),
        fc.option(fc.nat(59), { nil: undefined }),
        (raw, technicianId, startMs, minutes, exceptIndex) => {
          const all: Booking[] = raw.map((r, i) => ({
            visitId: `v${i}`,
            technicianId: r.technicianId,
            startMs: r.startMs,
            endMs: r.startMs + r.minutes * M,
          }));
          const except = exceptIndex === undefined ? undefined : `v${exceptIndex}`;
          const endMs = startMs + minutes * M;
          const expected = all
            .filter((b) => b.technicianId === technicianId && b.startMs < endMs && b.endMs > startMs && b.visitId !== except)
            .map((b) => b.visitId)
            .sort();
          const found = new BookingIndex(all).overlapping(technicianId, startMs, endMs, except);
          expect(found.map((b) => b.visitId).sort()).toEqual(expected);
          const starts = found.map((b) => b.startMs);
          expect(starts).toEqual([...starts].sort((x, y) => x - y));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the slot', () => {
  it('lasts the hours booked', () => {
    expect(bookingEnd('2026-03-04T15:00:00Z', 3)).toBe('2026-03-04T18:00:00.000Z');
    expect(bookingEnd('2026-03-04T09:00:00-06:00', 1)).toBe('2026-03-04T16:00:00.000Z');
  });

  const now = Date.parse('2026-03-04T12:00:00Z');
  it.each([
    ['on the hour', '2026-03-05T15:00:00Z', null],
    ['at :45', '2026-03-05T15:45:00Z', null],
    ['on a quarter hour in a half-hour zone (India)', '2026-03-05T09:15:00+05:30', null],
    ['on a quarter hour in a quarter-hour zone (Nepal)', '2026-03-05T09:00:00+05:45', null],
    ['at :10', '2026-03-05T15:10:00Z', /quarter hour/],
    ['30 seconds past a quarter', '2026-03-05T15:15:30Z', /quarter hour/],
    ['300 days ahead', '2026-12-29T15:00:00Z', null],
    ['more than a year ahead', '2027-03-10T15:00:00Z', /at most a year ahead/],
    ['an unreadable time', 'next Tuesday', /date and time/],
  ])('%s', (_name, startsAt, expected) => {
    const problem = slotProblem(startsAt, now);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('the maintenance window, read in the client’s zone', () => {
  const saturdayMorning: MaintenanceWindow = { weekdays: ['sat'], from: '08:00', to: '12:00' };
  // Saturday 7 March 2026 in Chicago is CST (UTC-6).
  const chicago = (local: string) => `2026-03-07T${local}:00-06:00`;
  it.each([
    ['exactly the window', chicago('08:00'), chicago('12:00'), null],
    ['inside it', chicago('09:00'), chicago('11:00'), null],
    [
      'starting a quarter before it',
      chicago('07:45'),
      chicago('10:45'),
      /inside the client's maintenance window, sat 08:00–12:00 \(America\/Chicago\)/,
    ],
    ['ending a quarter after it', chicago('09:15'), chicago('12:15'), /maintenance window/],
    ['on a day outside it (Friday)', '2026-03-06T08:00:00-06:00', '2026-03-06T10:00:00-06:00', /maintenance window/],
    // 14:00Z–18:00Z is 08:00–12:00 in Chicago, but 15:00–19:00 in Paris: the client's zone decides.
    ['given in UTC, inside it in Chicago', '2026-03-07T14:00:00Z', '2026-03-07T18:00:00Z', null],
  ])('%s', (_name, startsAt, endsAt, expected) => {
    const problem = maintenanceWindowProblem(saturdayMorning, 'America/Chicago', startsAt, endsAt);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('reads the same instants in the client’s zone, not the desk’s', () => {
    expect(maintenanceWindowProblem(saturdayMorning, 'Europe/Paris', '2026-03-07T14:00:00Z', '2026-03-07T18:00:00Z')).toMatch(
      /maintenance window/,
    );
    expect(maintenanceWindowProblem(saturdayMorning, 'Europe/Paris', '2026-03-07T07:00:00Z', '2026-03-07T11:00:00Z')).toBeNull();
  });

  // Sunday 8 March 2026: Chicago's clocks go from 02:00 CST to 03:00 CDT.
  const sundayNight: MaintenanceWindow = { weekdays: ['sun'], from: '01:00', to: '05:00' };
  it.each([
    // 07:00Z is 01:00 CST; three real hours later, 10:00Z, the clock reads 05:00 CDT.
    ['three hours from 01:00 end at 05:00 on the wall clock', 3, null],
    ['four hours from 01:00 end at 06:00 on the wall clock', 4, /maintenance window/],
  ])('on the day the clocks go forward, %s', (_name, hours, expected) => {
    const problem = maintenanceWindowProblem(
      sundayNight,
      'America/Chicago',
      '2026-03-08T07:00:00Z',
      bookingEnd('2026-03-08T07:00:00Z', hours),
    );
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it.each([
    ['to midnight, in a window to 24:00', '2026-03-07T21:00:00-06:00', '2026-03-08T00:00:00-06:00', null],
    ['past midnight', '2026-03-07T22:00:00-06:00', '2026-03-08T01:00:00-06:00', /maintenance window/],
  ])('a late window: %s', (_name, startsAt, endsAt, expected) => {
    const lateSaturday: MaintenanceWindow = { weekdays: ['sat'], from: '20:00', to: '24:00' };
    const problem = maintenanceWindowProblem(lateSaturday, 'America/Chicago', startsAt, endsAt);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it.each([
    ['no window', null],
    ['a window with no days', { weekdays: [], from: '08:00', to: '12:00' } satisfies MaintenanceWindow],
  ])('refuses downtime work for a client with %s, saying to record one', (_name, window) => {
    expect(maintenanceWindowProblem(window, 'America/Chicago', chicago('09:00'), chicago('10:00'))).toMatch(
      /no maintenance window: record one/,
    );
  });
});

describe('travel warnings', () => {
  const visit = (visitId: string, from: number, to: number) => ({ visitId, startMs: at(from), endMs: at(to) });
  const travel = (minutes: Record<string, number | null>) => (a: string, b: string) => minutes[`${a}>${b}`] ?? null;

  it.each([
    ['a 30-minute gap for 45 minutes of travel', 45, [{ fromVisitId: 'a', toVisitId: 'b', gapMinutes: 30, travelMinutes: 45 }]],
    ['a gap just long enough', 30, []],
    ['an unknown travel time (no coordinates)', null, []],
  ])('%s', (_name, minutes, expected) => {
    expect(travelWarnings([visit('a', 9, 10), visit('b', 10.5, 11.5)], travel({ 'a>b': minutes }))).toEqual(expected);
  });

  it('checks each consecutive pair, not the first and the last', () => {
    const ordered = [visit('a', 9, 10), visit('b', 10.25, 11), visit('c', 13, 14)];
    const warnings = travelWarnings(ordered, travel({ 'a>b': 20, 'b>c': 60, 'a>c': 500 }));
    expect(warnings).toEqual([{ fromVisitId: 'a', toVisitId: 'b', gapMinutes: 15, travelMinutes: 20 }]);
  });

  it('warns nothing for one visit or none', () => {
    expect(travelWarnings([visit('a', 9, 10)], () => 999)).toEqual([]);
    expect(travelWarnings([], () => 999)).toEqual([]);
  });
});

describe('the slot as the customer is told it, in the site’s zone', () => {
  const start = '2026-12-08T15:00:00Z';
  const end = '2026-12-08T18:00:00Z';
  it.each([
    [
      'Chicago in winter',
      'America/Chicago',
      'en-US',
      [/Tue/, /Dec/, /\b8\b/, /2026/, /9:00\sAM/, /12:00\sPM/, /CST/, /\(America\/Chicago\)$/],
    ],
    ['New York', 'America/New_York', 'en-US', [/Tue/, /10:00\sAM/, /1:00\sPM/, /EST/, /\(America\/New_York\)$/]],
    ['London, in a 24-hour locale', 'Europe/London', 'en-GB', [/Tue/, /8 Dec 2026/, /15:00–18:00/, /\(Europe\/London\)$/]],
    ['Honolulu, early the same morning', 'Pacific/Honolulu', 'en-US', [/Tue/, /5:00\sAM/, /8:00\sAM/, /\(Pacific\/Honolulu\)$/]],
    ['Kolkata (a half-hour offset)', 'Asia/Kolkata', 'en-GB', [/Tue/, /20:30–23:30/, /\(Asia\/Kolkata\)$/]],
    ['an unknown zone, shown in UTC', 'Mars/Olympus', 'en-GB', [/15:00–18:00/, /\(UTC\)$/]],
  ])('%s', (_name, zone, locale, parts) => {
    const text = describeSlot(start, end, zone, locale);
    for (const part of parts) expect(text).toMatch(part);
  });

  it('gives the local date, which may differ from the UTC date', () => {
    // 03:00Z on 8 December is the evening of Monday 7 December in Chicago.
    const text = describeSlot('2026-12-08T03:00:00Z', '2026-12-08T05:00:00Z', 'America/Chicago', 'en-GB');
    expect(text).toMatch(/Mon/);
    expect(text).toMatch(/7 Dec 2026/);
    expect(text).toMatch(/21:00–23:00/);
  });

  it('names daylight time in summer', () => {
    expect(describeSlot('2026-07-07T14:00:00Z', '2026-07-07T16:00:00Z', 'America/Chicago', 'en-US')).toMatch(/9:00\sAM.*11:00\sAM CDT/);
  });
});
