// Bad policies and bad histories are refused with an error naming the field
// and the value; never a wrong deadline.
import { describe, expect, it } from 'vitest';
import {
  checkCalendarSpec,
  checkSlaPolicy,
  computeSla,
  parseSlaPolicy,
  SlaInputError,
  SlaPolicyError,
  type SlaPolicy,
} from '../../../../src/domain/sla';
import { FIVE_PRIORITY_AFTER_HOURS, FOUR_SEVERITY_US_HOLIDAYS, FOUR_TIER_BUSINESS_HOURS } from '../../../../resources/sla-presets';

const base = FOUR_TIER_BUSINESS_HOURS;
const withCalendar = (patch: Partial<SlaPolicy['calendar']>): unknown => ({ ...base, calendar: { ...base.calendar, ...patch } });

function issuesOf(input: unknown): string[] {
  const r = checkSlaPolicy(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('policies', () => {
  it.each([
    {
      case: 'invalid time zone',
      input: withCalendar({ timeZone: 'America/Chicgo' }),
      issue: "calendar.timeZone: 'America/Chicgo' is not an IANA time zone (e.g. 'America/Chicago')",
    },
    {
      case: 'a window ending before it starts',
      input: withCalendar({ week: { mon: [{ from: '17:00', to: '08:00' }] } }),
      issue: 'calendar.week.mon[0]: window 17:00–08:00 ends before it starts (a window cannot cross midnight: split it at 24:00)',
    },
    {
      case: 'overlapping windows',
      input: withCalendar({
        week: {
          tue: [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '13:00' },
          ],
        },
      }),
      issue: 'calendar.week.tue[1]: window 11:00–13:00 overlaps window 08:00–12:00 (calendar.week.tue[0])',
    },
    {
      case: 'a malformed time',
      input: withCalendar({ week: { mon: [{ from: '7:00', to: '17:00' }] } }),
      issue: "calendar.week.mon[0].from: '7:00' is not a time of day: write HH:MM, 00:00 to 24:00",
    },
    {
      case: 'a window starting at 24:00',
      input: withCalendar({ week: { mon: [{ from: '24:00', to: '24:00' }] } }),
      issue: 'calendar.week.mon[0]: window 24:00–24:00 starts at 24:00: start it at 00:00 on the next day',
    },
    {
      case: 'no window at all',
      input: withCalendar({ week: {} }),
      issue: 'calendar.week: the calendar has no opening window: give at least one weekday a window such as { from: "09:00", to: "17:00" }',
    },
    {
      case: 'weekdays of different lengths without businessDayMinutes',
      input: withCalendar({ week: { mon: [{ from: '08:00', to: '17:00' }], sat: [{ from: '09:00', to: '12:00' }] } }),
      issue:
        'calendar.businessDayMinutes: weekdays have different lengths (mon 540 min, sat 180 min): set businessDayMinutes to say how long one business day is',
    },
    {
      case: 'an unknown country',
      input: withCalendar({ holidays: { region: { country: 'XX' } } }),
      issue: "calendar.holidays.region.country: 'XX' is not a country known to date-holidays (use an ISO 3166-1 code such as 'US')",
    },
    {
      case: 'a misspelt holiday name',
      input: withCalendar({ holidays: { region: { country: 'US', only: ['Thanksgiving'] } } }),
      issue:
        "calendar.holidays.region.only[0]: 'Thanksgiving' is not a holiday of US in date-holidays (did you mean 'Thanksgiving Day' or 'Day after Thanksgiving Day'?)",
    },
    {
      case: 'a relative rule pointing nowhere',
      input: withCalendar({ holidays: { rules: [{ kind: 'relative', name: 'Boxing Day', of: 'Xmas', days: 1 }] } }),
      issue: "calendar.holidays.rules[0].of: 'Xmas' is neither a rule name nor a holiday of the region",
    },
    {
      case: 'rules depending on each other',
      input: withCalendar({
        holidays: {
          rules: [
            { kind: 'relative', name: 'A', of: 'B', days: 1 },
            { kind: 'relative', name: 'B', of: 'A', days: 1 },
          ],
        },
      }),
      issue: "calendar.holidays.rules[0].of: 'A' depends on itself through 'B'",
    },
    {
      case: 'a priority with no first-response target',
      input: {
        ...FIVE_PRIORITY_AFTER_HOURS,
        priorities: { ...FIVE_PRIORITY_AFTER_HOURS.priorities, p6: { resolution: { target: { unit: 'business-days', value: 5 } } } },
      },
      issue: "priorities.p6.firstResponse: priority 'p6' has no first-response target",
    },
    {
      case: 'a priority outside the scheme',
      input: {
        ...FIVE_PRIORITY_AFTER_HOURS,
        priorities: { ...FIVE_PRIORITY_AFTER_HOURS.priorities, p6: FIVE_PRIORITY_AFTER_HOURS.priorities.p5 },
      },
      issue: "priorities.p6: priority 'p6' is not in the five-priority scheme (p1, p2, p3, p4, p5)",
    },
    {
      case: 'a priority of the scheme left out',
      input: { ...FOUR_SEVERITY_US_HOLIDAYS, priorities: { sev1: FOUR_SEVERITY_US_HOLIDAYS.priorities.sev1 } },
      issue: "priorities.sev2: priority 'sev2' of the four-severity scheme has no targets",
    },
    {
      case: 'an unknown unit',
      input: { ...base, priorities: { ...base.priorities, high: { firstResponse: { target: { unit: 'fortnights', value: 1 } } } } },
      issue:
        "priorities.high.firstResponse.target: a duration is { unit, value } with unit one of business-minutes, business-hours, business-days, wall-minutes, wall-hours, or { unit: 'next-business-day' }",
    },
    {
      case: 'a limit shorter than the target',
      input: {
        ...base,
        priorities: {
          ...base.priorities,
          high: { firstResponse: { target: { unit: 'business-hours', value: 4 }, limit: { unit: 'business-hours', value: 2 } } },
        },
      },
      issue: 'priorities.high.firstResponse.limit: the limit (2 business-hours) is shorter than the target (4 business-hours)',
    },
    {
      case: 'a limit in another kind of time',
      input: {
        ...base,
        priorities: {
          ...base.priorities,
          high: { firstResponse: { target: { unit: 'business-hours', value: 2 }, limit: { unit: 'wall-hours', value: 4 } } },
        },
      },
      issue:
        'priorities.high.firstResponse.limit: the limit counts wall time but the target counts business time: use the same kind of unit for both',
    },
    {
      case: "'closed' as a pause status",
      input: { ...base, pauseStatuses: { resolution: ['on_hold', 'closed'] } },
      issue: "pauseStatuses.resolution[1]: 'closed' stops a clock; it cannot pause one",
    },
    {
      case: 'a typo in a key',
      input: { ...base, priorities: { ...base.priorities, high: { firstRespone: { target: { unit: 'business-hours', value: 2 } } } } },
      issue: 'priorities.high: Unrecognized key: "firstRespone"',
    },
  ])('refuses $case', ({ input, issue }) => {
    expect(issuesOf(input)).toContain(issue);
  });

  it('throws SlaPolicyError listing every issue, and computeSla refuses the policy the same way', () => {
    const bad = withCalendar({ timeZone: 'Mars/Olympus', week: { mon: [{ from: '17:00', to: '08:00' }] } }) as SlaPolicy;
    expect(() => parseSlaPolicy(bad)).toThrow(SlaPolicyError);
    expect(() =>
      computeSla(bad, [{ type: 'opened', at: '2026-03-02T14:00:00.000Z', priority: 'high' }], '2026-03-02T14:00:00.000Z'),
    ).toThrow(
      /calendar\.timeZone: 'Mars\/Olympus' is not an IANA time zone[\s\S]*calendar\.week\.mon\[0\]: window 17:00–08:00 ends before it starts/,
    );
  });
});

describe('histories', () => {
  const at = '2026-03-02T14:00:00.000Z';
  it.each([
    { case: 'an empty history', history: [], field: 'history', value: [] },
    {
      case: 'an event before the opening',
      history: [
        { type: 'status_changed', at, status: 'open' },
        { type: 'opened', at, priority: 'high' },
      ],
      field: 'history[0].type',
      value: 'status_changed',
    },
    {
      case: 'a second opening',
      history: [
        { type: 'opened', at, priority: 'high' },
        { type: 'opened', at, priority: 'high' },
      ],
      field: 'history[1].type',
      value: 'opened',
    },
    {
      case: 'events out of order',
      history: [
        { type: 'opened', at, priority: 'high' },
        { type: 'status_changed', at: '2026-03-02T15:00:00.000Z', status: 'open' },
        { type: 'public_reply', at: '2026-03-02T14:30:00.000Z' },
      ],
      field: 'history[2].at',
      value: '2026-03-02T14:30:00.000Z',
    },
    { case: 'an unknown priority', history: [{ type: 'opened', at, priority: 'p9' }], field: 'history[0].priority', value: 'p9' },
    {
      case: 'a priority change to nothing',
      history: [
        { type: 'opened', at, priority: 'high' },
        { type: 'priority_changed', at },
      ],
      field: 'history[1].priority',
      value: undefined,
    },
    {
      case: 'an unknown status',
      history: [
        { type: 'opened', at, priority: 'high' },
        { type: 'status_changed', at, status: 'pending' },
      ],
      field: 'history[1].status',
      value: 'pending',
    },
    {
      case: 'an instant without a zone',
      history: [{ type: 'opened', at: '2026-03-02T14:00:00', priority: 'high' }],
      field: 'history[0].at',
      value: '2026-03-02T14:00:00',
    },
    {
      case: 'an impossible date',
      history: [{ type: 'opened', at: '2026-02-30T14:00:00Z', priority: 'high' }],
      field: 'history[0].at',
      value: '2026-02-30T14:00:00Z',
    },
    {
      case: 'an unknown event type',
      history: [
        { type: 'opened', at, priority: 'high' },
        { type: 'escalated', at },
      ],
      field: 'history[1].type',
      value: 'escalated',
    },
  ])('refuses $case, naming $field', ({ history, field, value }) => {
    let error: unknown;
    try {
      computeSla(base, history as never, at);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SlaInputError);
    expect((error as SlaInputError).field).toBe(field);
    expect((error as SlaInputError).value).toEqual(value);
    expect((error as Error).message.startsWith(`${field} = `)).toBe(true);
  });

  it("names the policy's priorities when a priority is unknown", () => {
    expect(() => computeSla(base, [{ type: 'opened', at, priority: 'p9' }], at)).toThrow(
      "history[0].priority = \"p9\": unknown priority: this policy has targets for 'critical', 'high', 'medium', 'standard' (policy 'four-tier-business-hours')",
    );
  });

  it('refuses a now that is not an instant', () => {
    expect(() => computeSla(base, [{ type: 'opened', at, priority: 'high' }], 'tomorrow')).toThrow(
      'now = "tomorrow": expected an ISO-8601 instant with a zone',
    );
  });
});

describe("a calendar on its own (a person's working hours)", () => {
  const day = [{ from: '08:00', to: '17:00' }];
  it('accepts the calendar a policy would', () => {
    expect(checkCalendarSpec(FOUR_TIER_BUSINESS_HOURS.calendar)).toEqual({ ok: true, calendar: FOUR_TIER_BUSINESS_HOURS.calendar });
  });

  it.each([
    ['a shape error', { timeZone: 'America/Chicago', week: { mon: [{ from: '8am', to: '17:00' }] } }, 'calendar.week.mon[0].from'],
    ['an unknown zone', { timeZone: 'Atlantis/Capital', week: { mon: day } }, 'calendar.timeZone'],
    ['a window ending before it starts', { timeZone: 'UTC', week: { tue: [{ from: '17:00', to: '08:00' }] } }, 'calendar.week.tue[0]'],
    ['overlapping windows', { timeZone: 'UTC', week: { wed: [...day, { from: '16:00', to: '18:00' }] } }, 'calendar.week.wed[1]'],
    ['no window at all', { timeZone: 'UTC', week: {} }, 'calendar.week'],
  ])('refuses %s, naming the path as inside a policy', (_name, input, path) => {
    const r = checkCalendarSpec(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toContain(path);
  });
});
