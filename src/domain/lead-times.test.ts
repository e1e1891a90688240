// Lead times from the four-tier guide's "Planning ahead" table, on the
// contracts' calendars (docs/domain/lead-times.md). Dates worked out by hand
// from a 2026 calendar: 2 March is a Monday, Thanksgiving is 26 November,
// Christmas Day a Friday, 1 January 2027 a Friday.
import { describe, expect, it } from 'vitest';
import { FOUR_SEVERITY_US_HOLIDAYS, FOUR_TIER_BUSINESS_HOURS } from '../../resources/sla-presets';
import { DEFAULT_REQUEST_TYPES } from './default-request-types';
import { LeadTimeError, leadTimeCalendar, leadTimeWarning, promisedDates, requestTypeProblems, type RequestTypeSpec } from './lead-times';

const fourTier = leadTimeCalendar(FOUR_TIER_BUSINESS_HOURS.calendar); // Chicago, Mon–Fri 07:00–17:00, no holidays
const fourSeverity = leadTimeCalendar(FOUR_SEVERITY_US_HOLIDAYS.calendar); // New York, 08:00–17:00, US holidays

function type(name: string): RequestTypeSpec {
  const found = DEFAULT_REQUEST_TYPES.find((t) => t.name.startsWith(name));
  if (!found) throw new Error(`no default request type ${name}`);
  return found;
}

describe('promisedDates', () => {
  it.each([
    // [case, type, param, requested at, calendar, earliest, latest]
    [
      'porting 20 numbers, calendar days (guide example)',
      'Number porting',
      20,
      '2026-03-02T10:00:00-06:00',
      fourTier,
      '2026-03-17',
      '2026-03-22',
    ],
    ['porting 14 numbers takes the lower band', 'Number porting', 14, '2026-03-02T10:00:00-06:00', fourTier, '2026-03-09', '2026-03-12'],
    ['porting 15 numbers takes the upper band', 'Number porting', 15, '2026-03-02T10:00:00-06:00', fourTier, '2026-03-17', '2026-03-22'],
    [
      'porting, count not known yet: the span of the bands',
      'Number porting',
      null,
      '2026-03-02T10:00:00-06:00',
      fourTier,
      '2026-03-09',
      '2026-03-22',
    ],
    [
      '23:30 Chicago is still the 2nd there (the 3rd in UTC)',
      'Number porting',
      20,
      '2026-03-02T23:30:00-06:00',
      fourTier,
      '2026-03-17',
      '2026-03-22',
    ],
    [
      'hardware on a Friday skips the weekends (guide example)',
      'Hardware',
      null,
      '2026-03-06T10:00:00-06:00',
      fourTier,
      '2026-03-13',
      '2026-03-20',
    ],
    [
      'license during business hours counts from the next day',
      'License',
      null,
      '2026-03-02T10:00:00-06:00',
      fourTier,
      '2026-03-04',
      '2026-03-04',
    ],
    [
      'license at 23:30 Chicago is taken as received the next morning',
      'License',
      null,
      '2026-03-02T23:30:00-06:00',
      fourTier,
      '2026-03-05',
      '2026-03-05',
    ],
    ['license before opening is received that morning', 'License', null, '2026-03-03T06:30:00-06:00', fourTier, '2026-03-05', '2026-03-05'],
    ['license at 16:59 on a Friday counts the Friday', 'License', null, '2026-03-06T16:59:00-06:00', fourTier, '2026-03-10', '2026-03-10'],
    [
      'license at 17:00 on a Friday is received on Monday',
      'License',
      null,
      '2026-03-06T17:00:00-06:00',
      fourTier,
      '2026-03-11',
      '2026-03-11',
    ],
    ['license on a Saturday is received on Monday', 'License', null, '2026-03-07T12:00:00-06:00', fourTier, '2026-03-11', '2026-03-11'],
    ['hardware across a month end', 'Hardware', null, '2026-03-26T10:00:00-05:00', fourTier, '2026-04-02', '2026-04-09'],
    ['SMS 30 calendar days across February', 'New SMS', null, '2026-01-31T10:00:00-06:00', fourTier, '2026-03-02', '2026-03-02'],
    ['new hire: at least 3 business days, no latest', 'New hire', null, '2026-03-05T10:00:00-06:00', fourTier, '2026-03-10', null],
    [
      'travel exception: minimum 2 calendar days, no latest',
      'International travel',
      null,
      '2026-03-05T10:00:00-06:00',
      fourTier,
      '2026-03-07',
      null,
    ],
    [
      'license over Thanksgiving on a calendar without holidays',
      'License',
      null,
      '2026-11-25T10:00:00-06:00',
      fourTier,
      '2026-11-27',
      '2026-11-27',
    ],
    [
      'license over Thanksgiving and the Friday after',
      'License',
      null,
      '2026-11-25T10:00:00-05:00',
      fourSeverity,
      '2026-12-01',
      '2026-12-01',
    ],
    [
      'security change over Christmas Eve and Christmas Day',
      'Security policy',
      null,
      '2026-12-23T10:00:00-05:00',
      fourSeverity,
      '2026-12-28',
      '2026-12-29',
    ],
    ['hardware over New Year into 2027', 'Hardware', null, '2026-12-30T10:00:00-05:00', fourSeverity, '2027-01-07', '2027-01-14'],
    ['calendar days ignore holidays', 'International travel', null, '2026-11-25T10:00:00-05:00', fourSeverity, '2026-11-27', null],
    [
      'a request on Thanksgiving is received the Monday after',
      'License',
      null,
      '2026-11-26T10:00:00-05:00',
      fourSeverity,
      '2026-12-02',
      '2026-12-02',
    ],
  ] as const)('%s', (_case, name, param, at, calendar, earliest, latest) => {
    const dates = promisedDates(type(name), param, at, calendar);
    expect({ earliest: dates.earliest, latest: dates.latest }).toEqual({ earliest, latest });
  });

  it('says which day counting starts after', () => {
    expect(promisedDates(type('License'), null, '2026-03-07T12:00:00-06:00', fourTier).countedFrom).toBe('2026-03-09');
    expect(promisedDates(type('Number porting'), 3, '2026-03-07T12:00:00-06:00', fourTier).countedFrom).toBe('2026-03-07');
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a count of %s naming what to enter', (param) => {
    expect(() => promisedDates(type('Number porting'), param, '2026-03-02T10:00:00-06:00', fourTier)).toThrow(
      /How many numbers: enter a whole number from 1/,
    );
  });

  it('refuses an instant that is not one', () => {
    expect(() => promisedDates(type('License'), null, 'yesterday', fourTier)).toThrow(LeadTimeError);
  });
});

describe('leadTimeWarning', () => {
  it.each([
    ['porting 20: wanted 10 days out is inside the 15-day minimum', 'Number porting', 20, '2026-03-12', 'inside_minimum', '2026-03-17'],
    ['porting 20: wanted on the earliest date is fine', 'Number porting', 20, '2026-03-17', null, null],
    ['porting 20: wanted later than the latest is fine', 'Number porting', 20, '2026-04-30', null, null],
    ['new hire on the Monday after a Thursday request is best effort', 'New hire', null, '2026-03-09', 'inside_minimum', '2026-03-10'],
    ['wanted before the request day', 'New hire', null, '2026-03-01', 'before_request', '2026-03-10'],
  ] as const)('%s', (_case, name, param, wanted, kind, earliest) => {
    const at = name === 'New hire' ? '2026-03-05T10:00:00-06:00' : '2026-03-02T10:00:00-06:00';
    const warning = leadTimeWarning(type(name), param, at, wanted, fourTier);
    expect(warning === null ? null : { kind: warning.kind, earliest: warning.earliest }).toEqual(kind === null ? null : { kind, earliest });
  });

  it('names the type, its lead time and the earliest date', () => {
    expect(leadTimeWarning(type('Number porting'), 20, '2026-03-02T10:00:00-06:00', '2026-03-12', fourTier)?.message).toBe(
      'The wanted date 2026-03-12 is inside the minimum lead time of Number porting (15–20 calendar days): the earliest promised date is 2026-03-17. Take it as best effort or agree a later date.',
    );
  });

  it('refuses a wanted date that is not a date', () => {
    expect(() => leadTimeWarning(type('License'), null, '2026-03-02T10:00:00-06:00', '2026-02-30', fourTier)).toThrow(/not a date/);
  });
});

describe('requestTypeProblems', () => {
  it.each(DEFAULT_REQUEST_TYPES.map((t) => [t.name, t] as const))('the default type "%s" is valid', (_name, t) => {
    expect(requestTypeProblems(t)).toEqual([]);
  });

  const plain: RequestTypeSpec = { name: 'X', unit: 'business_days', minDays: 2, maxDays: 4, parameter: null, note: '' };
  const porting = type('Number porting');
  const withBands = (bands: RequestTypeSpec['parameter'] extends infer P ? (P extends { bands: infer B } ? B : never) : never) => ({
    ...porting,
    parameter: { label: 'How many numbers', bands },
  });

  it.each([
    ['minimum exceeds maximum', { ...plain, minDays: 5, maxDays: 3 }, /minimum \(5\) exceeds the maximum \(3\)/],
    ['negative minimum', { ...plain, minDays: -1 }, /minimum cannot be negative/],
    ['fractional days', { ...plain, maxDays: 2.5 }, /maximum must be a whole number/],
    ['absurd lead time', { ...plain, maxDays: 9000 }, /more than the 730 allowed/],
    ['empty name', { ...plain, name: '  ' }, /Name: enter a name/],
    [
      'overlapping bands',
      withBands([
        { from: 1, to: 14, minDays: 7, maxDays: 10 },
        { from: 10, to: null, minDays: 15, maxDays: 20 },
      ]),
      /Band 2 \(10 or more\): it overlaps the band before it, which ends at 14; start it at 15/,
    ],
    [
      'a gap between bands',
      withBands([
        { from: 1, to: 14, minDays: 7, maxDays: 10 },
        { from: 16, to: null, minDays: 15, maxDays: 20 },
      ]),
      /there is a gap before it \(15 has no lead time\)/,
    ],
    ['bands not starting at 1', withBands([{ from: 3, to: null, minDays: 7, maxDays: 20 }]), /gap before it \(1–2 has no lead time\)/],
    [
      'last band closed',
      withBands([
        { from: 1, to: 14, minDays: 7, maxDays: 10 },
        { from: 15, to: 40, minDays: 15, maxDays: 20 },
      ]),
      /the last band must be open-ended/,
    ],
    [
      'open band before the last',
      withBands([
        { from: 1, to: null, minDays: 7, maxDays: 10 },
        { from: 15, to: null, minDays: 15, maxDays: 20 },
      ]),
      /only the last band may be open-ended/,
    ],
    [
      'a band whose minimum exceeds its maximum',
      withBands([
        { from: 1, to: 14, minDays: 7, maxDays: 10 },
        { from: 15, to: null, minDays: 21, maxDays: 20 },
      ]),
      /Band 2 \(15 or more\): the minimum \(21\) exceeds the maximum \(20\)/,
    ],
    ['no bands', withBands([]), /give at least one band/],
    ["a type's range that is not its bands' span", { ...porting, maxDays: 30 }, /must be the span of its bands \(7–20 calendar days\)/],
  ] as const)('%s is refused, naming the rule', (_case, spec, rule) => {
    const problems = requestTypeProblems(spec as RequestTypeSpec);
    expect(problems.join('\n')).toMatch(rule);
  });
});
