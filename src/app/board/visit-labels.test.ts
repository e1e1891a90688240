import { describe, expect, it } from 'vitest';
import { slotTimes } from './visit-labels';

describe('slotTimes', () => {
  it.each([
    ['Chicago in winter', '2026-12-08T15:00:00Z', 3, 'America/Chicago', '09:00–12:00 CST'],
    ['Chicago in summer', '2026-07-08T14:00:00Z', 2, 'America/Chicago', '09:00–11:00 CDT'],
    ['across the spring change (start CST, end CDT)', '2026-03-08T07:00:00Z', 2, 'America/Chicago', '01:00–04:00 CST'],
    ['a half-hour zone', '2026-12-08T04:30:00Z', 1, 'Asia/Kolkata', '10:00–11:00 GMT+5:30'],
    ['past midnight', '2026-12-08T05:00:00Z', 2, 'America/Chicago', '23:00–01:00 CST'],
  ])('%s', (_, startsAt, hours, zone, expected) => {
    const start = Date.parse(startsAt);
    expect(slotTimes(start, start + hours * 3_600_000, zone)).toBe(expected);
  });
});
