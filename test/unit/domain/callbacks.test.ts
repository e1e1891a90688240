// Callback rules shared by the desk and the server (src/domain/callbacks.ts).
import { describe, expect, it } from 'vitest';
import {
  byPromise,
  closeProblem,
  dueIn,
  formatInZone,
  promisedByProblem,
  quickPromises,
  wallTimeToInstant,
} from '../../../src/domain/callbacks';

const NOW = Date.parse('2026-03-04T19:10:00Z');
const MIN = 60_000;

describe('promisedByProblem', () => {
  // [label, promised (min from now), made (min from now)]
  it.each([
    ['30 min ahead', 30, 0],
    ['2 min before it was made (still on the phone)', -2, 0],
    ['made offline 2 h ago for 1 h ago: not refused when it syncs', -60, -120],
  ])('accepts %s', (_label, at, made) => {
    expect(promisedByProblem(new Date(NOW + at * MIN).toISOString(), NOW + made * MIN, NOW)).toBeNull();
  });

  it.each([
    ['10 min before it was made', -10, 0, /already past/],
    ['61 days ahead', 61 * 1440, 0, /within 60 days/],
  ])('refuses %s', (_label, at, made, message) => {
    expect(promisedByProblem(new Date(NOW + at * MIN).toISOString(), NOW + made * MIN, NOW)).toMatch(message);
  });
});

describe('dueIn', () => {
  it.each([
    [NOW + 25 * MIN, { overdue: false, text: 'in 25 min' }],
    [NOW - 10 * MIN, { overdue: true, text: 'overdue by 10 min' }],
    [NOW + 90 * MIN, { overdue: false, text: 'in 1 h 30 min' }],
    [NOW + 20_000, { overdue: false, text: 'due now' }],
  ])('at %i ms', (at, expected) => {
    expect(dueIn(new Date(at).toISOString(), NOW)).toEqual(expected);
  });
});

describe('the caller zone', () => {
  it("reads a wall time in the caller's zone, across the spring change in Chicago", () => {
    // 8 March 2026 is the first day of CDT (UTC-5); 7 March is CST (UTC-6).
    expect(wallTimeToInstant('2026-03-07T09:00', 'America/Chicago')).toBe('2026-03-07T15:00:00.000Z');
    expect(wallTimeToInstant('2026-03-08T09:00', 'America/Chicago')).toBe('2026-03-08T14:00:00.000Z');
    expect(wallTimeToInstant('2026-03-08T09:00', 'Nowhere/Else')).toBeNull();
  });

  it('names the zone with the time', () => {
    expect(formatInZone('2026-03-04T20:00:00Z', 'America/Chicago')).toBe('Wed 4 Mar, 14:00 CST (America/Chicago)');
  });

  it("offers tomorrow 09:00 in the caller's zone, not the desk's", () => {
    const tomorrow = quickPromises(NOW, 'Europe/London').at(-1)!;
    expect(tomorrow).toEqual({ label: 'Tomorrow 09:00 caller time', iso: '2026-03-05T09:00:00.000Z' });
  });
});

describe('closing', () => {
  it('names who closed it and when, in the caller zone', () => {
    expect(closeProblem({ status: 'done', closedByName: 'Sam Lee', closedAt: '2026-03-04T20:00:00Z', timeZone: 'America/Chicago' })).toBe(
      'This callback was already called back by Sam Lee on Wed 4 Mar, 14:00 CST (America/Chicago): nothing more to do. Refresh the list.',
    );
    expect(closeProblem({ status: 'open', closedByName: '', closedAt: null, timeZone: 'UTC' })).toBeNull();
  });

  it('orders by promise, then by when promised', () => {
    const a = { id: 'a', promisedBy: '2026-03-04T20:00:00Z', createdAt: '2026-03-04T19:00:00Z' };
    const b = { id: 'b', promisedBy: '2026-03-04T19:30:00Z', createdAt: '2026-03-04T19:05:00Z' };
    const c = { id: 'c', promisedBy: '2026-03-04T20:00:00.000Z', createdAt: '2026-03-04T18:00:00Z' };
    expect([a, b, c].sort(byPromise).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});
