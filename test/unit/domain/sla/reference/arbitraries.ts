// fast-check generators of random but valid calendars and policies, with
// window edges near midnight and in zones whose clocks jump at odd hours.
import fc from 'fast-check';
import type { CalendarSpec, OpeningWindow, SlaDuration, SlaPolicy, TargetSpec, Weekday } from '../../../../../src/domain/sla';

export const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'UTC',
] as const;

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** 1 or 2 non-overlapping windows on quarter hours, possibly ending at 24:00. */
function windows(min: number): fc.Arbitrary<OpeningWindow[]> {
  return fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2 * min, maxLength: 4 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: OpeningWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ from: hhmm(sorted[i]! * 15), to: hhmm(sorted[i + 1]! * 15) });
    return out;
  });
}

const day = (y: number, m: number): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max: 28 }).map((d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

export const calendarArb: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekdays: fc.tuple(windows(1), windows(1), windows(1), windows(1), windows(1)),
    weekend: fc.tuple(windows(0), windows(0)),
    region: fc.boolean(),
    closures: fc.array(
      fc.record({
        date: fc.oneof(day(2026, 3), day(2026, 4), day(2026, 10), day(2026, 11)),
        partial: fc.option(fc.tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))),
      }),
      { maxLength: 4 },
    ),
    rules: fc.boolean(),
  })
  .map(({ timeZone, weekdays, weekend, region, closures, rules }) => {
    const names: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const all = [...weekdays, ...weekend];
    const cal: CalendarSpec = {
      timeZone,
      week: Object.fromEntries(names.map((n, i) => [n, all[i]!])),
      businessDayMinutes: 300,
      holidays: {},
    };
    if (region) cal.holidays!.region = { country: 'US', only: ['Memorial Day', 'Thanksgiving Day', 'Christmas Day'] };
    if (rules) {
      cal.holidays!.rules = [
        { kind: 'nth-weekday', name: 'Second Tuesday of March', month: 3, weekday: 'tue', nth: 2 },
        { kind: 'relative', name: 'Day after', of: 'Second Tuesday of March', days: 1, closed: { from: '12:00', to: '24:00' } },
        { kind: 'fixed', name: 'November 2', month: 11, day: 2 },
      ];
    }
    cal.holidays!.closures = closures.map((c, i) => {
      if (!c.partial) return { name: `Closure ${i}`, date: c.date };
      const [a, b] = c.partial[0] < c.partial[1] ? c.partial : [c.partial[1], c.partial[0] + 1];
      return { name: `Closure ${i}`, date: c.date, closed: { from: hhmm(a * 30), to: hhmm(Math.min(b, 48) * 30) } };
    });
    return cal;
  });

const business: fc.Arbitrary<SlaDuration> = fc.oneof(
  fc.integer({ min: 1, max: 600 }).map((value): SlaDuration => ({ unit: 'business-minutes', value })),
  fc.integer({ min: 1, max: 3 }).map((value): SlaDuration => ({ unit: 'business-hours', value })),
  fc.constant<SlaDuration>({ unit: 'business-days', value: 1 }),
  fc.constant<SlaDuration>({ unit: 'next-business-day' }),
);
const wall: fc.Arbitrary<SlaDuration> = fc.integer({ min: 1, max: 900 }).map((value): SlaDuration => ({ unit: 'wall-minutes', value }));

const targetArb: fc.Arbitrary<TargetSpec> = fc.oneof(
  fc.record({ target: business, extra: fc.option(fc.integer({ min: 0, max: 300 })) }).map(({ target, extra }): TargetSpec =>
    extra === null || target.unit === 'next-business-day'
      ? { target }
      : {
          target,
          limit: {
            unit: 'business-minutes',
            value:
              ('value' in target
                ? target.unit === 'business-hours'
                  ? target.value * 60
                  : target.unit === 'business-days'
                    ? 300
                    : target.value
                : 0) + extra,
          },
        },
  ),
  fc.record({ target: wall, extra: fc.integer({ min: 0, max: 300 }) }).map(({ target, extra }): TargetSpec => ({
    target,
    limit: { unit: 'wall-minutes', value: ('value' in target ? target.value : 0) + extra },
  })),
);

const prioritiesArb = fc.record({
  firstResponse: targetArb,
  resolution: fc.option(targetArb, { nil: undefined }),
  afterHours: fc.option(fc.record({ firstResponse: fc.option(targetArb, { nil: undefined }) }), { nil: undefined }),
});

export const policyArb: fc.Arbitrary<SlaPolicy> = fc
  .record({ calendar: calendarArb, critical: prioritiesArb, high: prioritiesArb, medium: prioritiesArb, standard: prioritiesArb })
  .map(({ calendar, ...priorities }): SlaPolicy => {
    const clean = Object.fromEntries(
      Object.entries(priorities).map(([k, v]) => {
        const p: SlaPolicy['priorities'][string] = { firstResponse: v.firstResponse };
        if (v.resolution) p.resolution = v.resolution;
        if (v.afterHours?.firstResponse) p.afterHours = { firstResponse: v.afterHours.firstResponse };
        return [k, p];
      }),
    );
    return { id: 'random', name: 'Random', prioritySchemeId: 'four-tier', calendar, priorities: clean };
  });

/** Starting instants on whole minutes around both DST changes of 2026, in either hemisphere. */
export const startArb: fc.Arbitrary<number> = fc
  .oneof(
    fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 3, 10) }),
    fc.integer({ min: Date.UTC(2026, 8, 25), max: Date.UTC(2026, 10, 10) }),
  )
  .map((t) => Math.floor(t / 60_000) * 60_000);
