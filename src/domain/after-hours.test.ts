// After hours is decided on the client's contract calendar, in its zone
// (docs/domain/phone-intake.md, "After hours"): the four-tier contract is open
// Monday–Friday 07:00–17:00 Chicago; after hours, work is emergency-only and
// billable unless Critical. The severity contract is open 08:00–17:00 New York
// and closed on US holidays.
import { describe, expect, it } from 'vitest';
import { afterHoursNotice } from './after-hours';
import type { PrioritySchemeId } from './priority-schemes';
import { FOUR_TIER_BUSINESS_HOURS } from '../../resources/sla-presets/four-tier-business-hours';

const client = (prioritySchemeId: PrioritySchemeId) => ({ name: 'Harbor Dental Group', prioritySchemeId, customPolicy: null });
const at = (iso: string) => Date.parse(iso);

describe('afterHoursNotice', () => {
  it.each([
    // Wednesday 4 March 2026; Chicago is UTC-6 until 8 March.
    ['four-tier', '2026-03-04T13:00:00-06:00', 'medium', false],
    ['four-tier', '2026-03-04T07:00:00-06:00', 'medium', false],
    ['four-tier', '2026-03-04T06:59:00-06:00', 'medium', true],
    ['four-tier', '2026-03-04T17:00:00-06:00', 'medium', true],
    ['four-tier', '2026-03-04T19:10:00-06:00', 'medium', true],
    ['four-tier', '2026-03-07T12:00:00-06:00', 'high', true], // Saturday
    // 13:00 in Chicago is 14:00 in New York: open for the severity contract too.
    ['four-severity', '2026-03-04T13:00:00-06:00', 'sev2', false],
    // 07:30 in Chicago is 08:30 in New York: open there, closed in Chicago.
    ['four-severity', '2026-03-04T07:30:00-06:00', 'sev2', false],
    ['four-tier', '2026-03-04T06:30:00-06:00', 'medium', true],
    // Thanksgiving 26 November 2026 closes the severity contract all day.
    ['four-severity', '2026-11-26T11:00:00-05:00', 'sev2', true],
  ] as const)('%s at %s (%s): after hours %s', (scheme, when, priority, expected) => {
    expect(afterHoursNotice(client(scheme), at(when), priority).afterHours).toBe(expected);
  });

  it('the worked example: Wednesday 19:10 in Chicago, Medium is billable; they reopen Thursday 07:00', () => {
    const notice = afterHoursNotice(client('four-tier'), at('2026-03-04T19:10:00-06:00'), 'medium');
    expect(notice.afterHours).toBe(true);
    if (!notice.afterHours) return;
    expect(notice.billable).toBe(true);
    expect(notice.opensAtMs).toBe(at('2026-03-05T07:00:00-06:00'));
    expect(notice.timeZone).toBe('America/Chicago');
    expect(notice.message).toContain('Wednesday 19:10 in Chicago');
    expect(notice.message).toContain('Thursday 07:00');
    expect(notice.message).toContain('billable unless the issue is Critical');
  });

  it.each([
    ['four-tier', 'critical'],
    ['four-severity', 'sev1'],
    ['five-priority', 'p1'],
  ] as const)('%s: %s after hours is included, not billable', (scheme, priority) => {
    const notice = afterHoursNotice(client(scheme), at('2026-03-07T12:00:00-06:00'), priority);
    expect(notice).toMatchObject({ afterHours: true, billable: false });
  });

  it("uses the client's custom calendar when it has one", () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const custom = {
      ...client('four-tier'),
      customPolicy: {
        ...FOUR_TIER_BUSINESS_HOURS,
        calendar: {
          timeZone: 'Europe/London',
          week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        },
      },
    };
    // Saturday 03:00 UTC: closed on the preset, open around the clock on the custom calendar.
    expect(afterHoursNotice(client('four-tier'), at('2026-03-07T03:00:00Z'), 'medium').afterHours).toBe(true);
    expect(afterHoursNotice(custom, at('2026-03-07T03:00:00Z'), 'medium').afterHours).toBe(false);
  });
});
