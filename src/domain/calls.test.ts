// Call times come from the desk's clock, which is not trusted
// (docs/domain/phone-intake.md, "Call log"): a call may not end before it
// starts, last more than 12 hours, or end more than 10 minutes after the
// server's now.
import { describe, expect, it } from 'vitest';
import { callSeconds, callTimesProblem, formatCallDuration } from './calls';

const NOW = Date.parse('2026-03-04T19:30:00Z');

describe('callTimesProblem', () => {
  it.each([
    ['a 4-minute call that just ended', '2026-03-04T19:20:00Z', '2026-03-04T19:24:00Z', null],
    ['a call of zero seconds', '2026-03-04T19:20:00Z', '2026-03-04T19:20:00Z', null],
    ['a desk clock 9 minutes fast', '2026-03-04T19:35:00Z', '2026-03-04T19:39:00Z', null],
    ['a call of exactly 12 hours', '2026-03-04T07:20:00Z', '2026-03-04T19:20:00Z', null],
    ['an end before the start', '2026-03-04T19:24:00Z', '2026-03-04T19:20:00Z', /ends before it starts/],
    ['a call of 12 hours and a second', '2026-03-04T07:19:59Z', '2026-03-04T19:20:00Z', /at most 12 hours/],
    ['a desk clock 11 minutes fast', '2026-03-04T19:37:00Z', '2026-03-04T19:41:00Z', /future.*clock/],
  ])('%s', (_what, start, end, expected) => {
    const problem = callTimesProblem(start, end, NOW);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('call durations', () => {
  it.each([
    [0, '0 s'],
    [58, '58 s'],
    [60, '1 min 00 s'],
    [245, '4 min 05 s'],
    [3599, '59 min 59 s'],
    [3720, '1 h 02 min'],
  ])('%i seconds reads "%s"', (seconds, words) => expect(formatCallDuration(seconds)).toBe(words));

  it('counts whole seconds and never goes negative', () => {
    expect(callSeconds('2026-03-04T19:20:00Z', '2026-03-04T19:24:05.400Z')).toBe(245);
    expect(callSeconds('2026-03-04T19:24:00Z', '2026-03-04T19:20:00Z')).toBe(0);
  });
});
