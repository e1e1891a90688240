// Which days a calendar closes for, from date-holidays and from custom rules.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, computeSla, type CalendarSpec, type SlaPolicy } from '../../../../src/domain/sla';
import { isoDateOf } from '../../../../src/domain/sla/civil-date';
import { FOUR_SEVERITY_US_HOLIDAYS } from '../../../../resources/sla-presets';

function listed(calendar: BusinessCalendar, year: number): string[] {
  return calendar
    .holidaysOf(year)
    .map((h) => `${isoDateOf(h.date)} ${h.name}${h.fromMinute > 0 || h.toMinute < 1440 ? ` ${h.fromMinute}-${h.toMinute}` : ''}`);
}

describe('the severity preset closes on the eight US holidays of its contract', () => {
  const calendar = new BusinessCalendar(FOUR_SEVERITY_US_HOLIDAYS.calendar);

  it('in 2026, a weekend Independence Day observed on the Friday', () => {
    expect(listed(calendar, 2026)).toEqual([
      "2026-01-01 New Year's Day",
      '2026-05-25 Memorial Day',
      '2026-07-03 Independence Day (substitute day)',
      '2026-07-04 Independence Day',
      '2026-09-07 Labor Day',
      '2026-11-26 Thanksgiving Day',
      '2026-11-27 Friday after Thanksgiving',
      '2026-12-24 Christmas Eve',
      '2026-12-25 Christmas Day',
    ]);
  });

  it("in 2027, with Independence Day on Monday, Christmas on Friday and New Year's 2028 on Friday Dec 31", () => {
    expect(listed(calendar, 2027)).toEqual([
      "2027-01-01 New Year's Day",
      '2027-05-31 Memorial Day',
      '2027-07-04 Independence Day',
      '2027-07-05 Independence Day (substitute day)',
      '2027-09-06 Labor Day',
      '2027-11-25 Thanksgiving Day',
      '2027-11-26 Friday after Thanksgiving',
      '2027-12-24 Christmas Day (substitute day)',
      '2027-12-24 Christmas Eve',
      '2027-12-25 Christmas Day',
      "2027-12-31 New Year's Day (substitute day)",
    ]);
  });

  it('leaves the other federal holidays open (MLK Day, Juneteenth, Veterans Day)', () => {
    for (const openDay of ['2026-01-19T15:00:00.000Z', '2026-06-19T15:00:00.000Z', '2026-11-11T15:00:00.000Z']) {
      expect(calendar.isOpenAt(Date.parse(openDay))).toBe(true);
    }
  });
});

const customCalendar: CalendarSpec = {
  timeZone: 'Europe/London',
  week: {
    mon: [{ from: '09:00', to: '17:30' }],
    tue: [{ from: '09:00', to: '17:30' }],
    wed: [{ from: '09:00', to: '17:30' }],
    thu: [{ from: '09:00', to: '17:30' }],
    fri: [{ from: '09:00', to: '17:30' }],
  },
  holidays: {
    rules: [
      { kind: 'fixed', name: 'Founders Day', month: 2, day: 29 },
      { kind: 'nth-weekday', name: 'Summer outing', month: 8, weekday: 'fri', nth: -1 },
      { kind: 'nth-weekday', name: 'Spring training', month: 3, weekday: 'tue', nth: 2, closed: { from: '13:00', to: '17:30' } },
      { kind: 'fixed', name: 'Year end', month: 1, day: 1 },
      { kind: 'relative', name: 'Last day of the year', of: 'Year end', days: -1 },
      { kind: 'relative', name: 'Day after the day after', of: 'Last day of the year', days: 2 },
    ],
    closures: [
      { name: 'Office move', date: '2026-06-15' },
      { name: 'Fire drill', date: '2026-06-16', closed: { from: '09:00', to: '10:00' } },
    ],
  },
};

describe('custom holiday rules and one-off closures', () => {
  const calendar = new BusinessCalendar(customCalendar);

  it('resolves fixed, nth-weekday, last-weekday, relative (across the year boundary) and partial days', () => {
    expect(listed(calendar, 2026)).toEqual([
      '2026-01-01 Year end',
      '2026-01-02 Day after the day after',
      '2026-03-10 Spring training 780-1050',
      '2026-06-15 Office move',
      '2026-06-16 Fire drill 540-600',
      '2026-08-28 Summer outing',
      '2026-12-31 Last day of the year',
    ]);
    expect(listed(calendar, 2028).filter((l) => l.includes('Founders'))).toEqual(['2028-02-29 Founders Day']);
  });

  it('counts the morning of a partial closure and explains the afternoon as a holiday', () => {
    const policy: SlaPolicy = {
      id: 'london',
      name: 'London',
      prioritySchemeId: 'four-tier',
      calendar: customCalendar,
      priorities: {
        critical: { firstResponse: { target: { unit: 'wall-hours', value: 1 } } },
        high: { firstResponse: { target: { unit: 'business-hours', value: 4 } } },
        medium: { firstResponse: { target: { unit: 'business-days', value: 1 } } },
        standard: { firstResponse: { target: { unit: 'business-days', value: 2 } } },
      },
    };
    // Tue 2026-03-10 11:00 GMT: 2 h until the 13:00 closure, then Wed 09:00 + 2 h.
    const r = computeSla(
      policy,
      [{ type: 'opened', at: '2026-03-10T11:00:00.000Z', priority: 'high' }],
      '2026-03-10T11:00:00.000Z',
    ).firstResponse;
    expect(r.targetAt).toBe('2026-03-11T11:00:00.000Z');
    expect(r.explanation.segments.map((s) => [s.kind, s.start, s.end, s.label ?? ''])).toEqual([
      ['business', '2026-03-10T11:00:00.000Z', '2026-03-10T13:00:00.000Z', ''],
      ['holiday', '2026-03-10T13:00:00.000Z', '2026-03-10T17:30:00.000Z', 'Spring training'],
      ['closed', '2026-03-10T17:30:00.000Z', '2026-03-11T09:00:00.000Z', ''],
      ['business', '2026-03-11T09:00:00.000Z', '2026-03-11T11:00:00.000Z', ''],
    ]);
  });

  it("a state's own public holidays apply: California's include the day after Thanksgiving", () => {
    const ca = new BusinessCalendar({
      ...customCalendar,
      timeZone: 'America/Los_Angeles',
      holidays: { region: { country: 'US', state: 'CA' } },
    });
    const names = ca.holidaysOf(2026).map((h) => `${isoDateOf(h.date)} ${h.name}`);
    expect(names).toContain('2026-11-26 Thanksgiving Day');
    expect(names).toContain('2026-11-27 Day after Thanksgiving Day');
    expect(new BusinessCalendar(FOUR_SEVERITY_US_HOLIDAYS.calendar).isOpenAt(Date.parse('2026-03-31T16:00:00.000Z'))).toBe(true);
  });
});
