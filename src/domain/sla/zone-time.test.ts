// Where a local wall time lands when the clocks jump: a time that never
// happens maps to the jump, a time that happens twice to its first occurrence.
import { describe, expect, it } from 'vitest';
import { dayNumberOf, parseIsoInstant } from './civil-date';
import { ZoneClock } from './zone-time';

describe('ZoneClock.instantOf', () => {
  it.each([
    {
      zone: 'America/New_York',
      date: [2026, 3, 8],
      time: '01:59',
      expected: '2026-03-08T06:59:00.000Z',
      why: 'just before the spring-forward gap (EST)',
    },
    {
      zone: 'America/New_York',
      date: [2026, 3, 8],
      time: '02:30',
      expected: '2026-03-08T07:00:00.000Z',
      why: 'inside the gap: the moment clocks jump to 03:00 EDT',
    },
    {
      zone: 'America/New_York',
      date: [2026, 3, 8],
      time: '03:00',
      expected: '2026-03-08T07:00:00.000Z',
      why: 'the first wall time after the gap',
    },
    {
      zone: 'America/New_York',
      date: [2026, 11, 1],
      time: '01:30',
      expected: '2026-11-01T05:30:00.000Z',
      why: 'the repeated hour: first occurrence, 01:30 EDT',
    },
    {
      zone: 'America/New_York',
      date: [2026, 11, 1],
      time: '02:00',
      expected: '2026-11-01T07:00:00.000Z',
      why: 'after the repeated hour (EST)',
    },
    { zone: 'America/Chicago', date: [2026, 3, 8], time: '24:00', expected: '2026-03-09T05:00:00.000Z', why: '24:00 is the next midnight' },
    {
      zone: 'Australia/Lord_Howe',
      date: [2026, 10, 4],
      time: '02:15',
      expected: '2026-10-03T15:30:00.000Z',
      why: 'a 30-minute gap: 02:00 jumps to 02:30 (+11)',
    },
    {
      zone: 'Australia/Lord_Howe',
      date: [2026, 4, 5],
      time: '01:45',
      expected: '2026-04-04T14:45:00.000Z',
      why: 'a 30-minute repeat: first occurrence (+11)',
    },
    {
      zone: 'America/Santiago',
      date: [2026, 9, 6],
      time: '00:00',
      expected: '2026-09-06T04:00:00.000Z',
      why: 'midnight does not exist: the day starts at 01:00 (-3)',
    },
    {
      zone: 'Asia/Kolkata',
      date: [2026, 3, 8],
      time: '09:00',
      expected: '2026-03-08T03:30:00.000Z',
      why: 'a half-hour offset without DST',
    },
  ])('$zone $time on $date: $why', ({ zone, date, time, expected }) => {
    const [h, m] = time.split(':').map(Number);
    const clock = new ZoneClock(zone);
    expect(new Date(clock.instantOf(dayNumberOf(date[0]!, date[1]!, date[2]!), h! * 60 + m!)).toISOString()).toBe(expected);
  });
});

describe('ZoneClock.steadyOffsetOn', () => {
  const ZONES = [
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Kolkata',
    'America/Los_Angeles',
    'UTC',
  ];
  const MIN = 60_000;
  const first = dayNumberOf(2026, 1, 1);

  it.each(ZONES)('%s: on a day with a steady offset, every wall time lands where instantOf puts it', (zone) => {
    const clock = new ZoneClock(zone);
    const mismatches: string[] = [];
    let steadyDays = 0;
    for (let dn = first; dn < first + 365; dn++) {
      const offset = clock.steadyOffsetOn(dn);
      if (offset === null) continue;
      steadyDays++;
      for (const m of [0, 90, 135, 720, 1439, 1440]) {
        const expected = clock.instantOf(dn, m);
        if (dn * 86_400_000 + m * MIN - offset !== expected) mismatches.push(`${dn} ${m}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Only the days near a change are left to instantOf: at most three per change, two changes a year.
    expect(steadyDays).toBeGreaterThanOrEqual(365 - 6);
  });

  it.each([
    ['America/New_York', [2026, 3, 8]],
    ['America/New_York', [2026, 11, 1]],
    ['Australia/Lord_Howe', [2026, 10, 4]],
    ['America/Santiago', [2026, 9, 6]],
  ] as const)('%s on %s: the day of a change has no steady offset', (zone, [y, m, d]) => {
    expect(new ZoneClock(zone).steadyOffsetOn(dayNumberOf(y, m, d))).toBeNull();
  });
});

describe('parseIsoInstant', () => {
  it.each([
    ['2026-03-02T15:00:00.000Z', Date.UTC(2026, 2, 2, 15)],
    ['2026-03-02T15:00Z', Date.UTC(2026, 2, 2, 15)],
    ['2026-03-02T10:00:00-05:00', Date.UTC(2026, 2, 2, 15)],
    ['2026-03-02T20:30:00.5+05:30', Date.UTC(2026, 2, 2, 15, 0, 0, 500)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('reads %s', (text, ms) => expect(parseIsoInstant(text)).toBe(ms));

  it.each([
    '2026-03-02T15:00:00',
    '2026-03-02',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02 15:00:00Z',
    'yesterday',
    '2026-03-02T15:00:00.Z',
  ])('refuses %s', (text) => {
    expect(parseIsoInstant(text)).toBeNaN();
  });
});
