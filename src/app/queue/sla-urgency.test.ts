import { describe, expect, it } from 'vitest';
import type { ClockPlan } from './sla-clock-plan';
import { readClock } from './sla-clock-plan';
import { inSlaView, ticketUrgency, urgencyGroupOf, type TicketClocks } from './sla-urgency';

const NOW = Date.parse('2026-03-04T17:00:00Z');
const MIN = 60_000;

function plan(patch: Partial<ClockPlan>): ClockPlan {
  return {
    clock: 'firstResponse',
    measure: 'wall',
    calendar: null,
    stoppedAs: null,
    stoppedAtMs: null,
    paused: false,
    targetAtMs: NOW + 60 * MIN,
    limitAtMs: NOW + 120 * MIN,
    remainingMs: 60 * MIN,
    limitRemainingMs: 120 * MIN,
    ...patch,
  };
}

const running = (targetIn: number, limitIn: number) => plan({ targetAtMs: NOW + targetIn * MIN, limitAtMs: NOW + limitIn * MIN });
const clocks = (firstResponse: ClockPlan, resolution: ClockPlan | null = null): TicketClocks => ({ firstResponse, resolution });

const CASES: [string, TicketClocks | null][] = [
  ['no SLA', null],
  ['met', clocks(plan({ stoppedAs: 'met', stoppedAtMs: NOW - MIN }))],
  ['stopped after its breach', clocks(plan({ stoppedAs: 'breached', stoppedAtMs: NOW - MIN }))],
  ['paused, 30 min left', clocks(plan({ paused: true, remainingMs: 30 * MIN, limitRemainingMs: 30 * MIN }))],
  ['paused, 10 min left', clocks(plan({ paused: true, remainingMs: 10 * MIN, limitRemainingMs: 10 * MIN }))],
  ['on target, breach in 90 min', clocks(running(60, 90))],
  ['on target, breach in 45 min', clocks(running(30, 45))],
  ['late, breach in 20 min', clocks(running(-10, 20))],
  ['late, breach in 5 min', clocks(running(-30, 5))],
  ['breached 1 min ago', clocks(running(-60, -1))],
  ['breached 2 hours ago', clocks(running(-180, -120))],
  ['met first response, resolution breached 3 min ago', clocks(plan({ stoppedAs: 'met', stoppedAtMs: NOW }), running(-60, -3))],
];

describe('ticketUrgency: breached before late before on target; paused, then stopped, then no SLA last', () => {
  it('orders the table from the most urgent down', () => {
    const order = [...CASES].sort((a, b) => ticketUrgency(a[1], NOW) - ticketUrgency(b[1], NOW)).map(([name]) => name);
    expect(order).toEqual([
      'breached 2 hours ago',
      'met first response, resolution breached 3 min ago',
      'breached 1 min ago',
      'late, breach in 5 min',
      'late, breach in 20 min',
      'on target, breach in 45 min',
      'on target, breach in 90 min',
      'paused, 10 min left',
      'paused, 30 min left',
      'met',
      'stopped after its breach',
      'no SLA',
    ]);
  });

  it.each([
    ['on target until its target', running(0, 30), 'on-target'],
    ['late one moment after its target', running(-0.001, 30), 'late'],
    ['late at its limit', running(-30, 0), 'late'],
    ['breached one moment after its limit', running(-30, -0.001), 'breached'],
  ] as const)('%s', (_n, p, group) => {
    expect(urgencyGroupOf(ticketUrgency(clocks(p), NOW))).toBe(group);
  });
});

describe('the SLA views', () => {
  it.each([
    ['breached', clocks(running(-60, -1)), { breached: true, soon: false }],
    [
      'paused past its limit is still breached',
      clocks(plan({ paused: true, remainingMs: -20 * MIN, limitRemainingMs: -MIN })),
      { breached: true, soon: false },
    ],
    ['late, breach in 5 min', clocks(running(-30, 5)), { breached: false, soon: true }],
    ['on target, breach in exactly 60 min', clocks(running(30, 60)), { breached: false, soon: true }],
    ['on target, breach in 61 min', clocks(running(30, 61)), { breached: false, soon: false }],
    [
      'paused with 10 min left: not counting down',
      clocks(plan({ paused: true, remainingMs: 10 * MIN, limitRemainingMs: 10 * MIN })),
      { breached: false, soon: false },
    ],
    [
      'stopped after its breach: history, not work',
      clocks(plan({ stoppedAs: 'breached', stoppedAtMs: NOW - MIN })),
      { breached: false, soon: false },
    ],
    [
      'resolution breaching soon, first response met',
      clocks(plan({ stoppedAs: 'met', stoppedAtMs: NOW }), running(10, 40)),
      { breached: false, soon: true },
    ],
    ['no SLA', null, { breached: false, soon: false }],
  ] as const)('%s', (_n, c, want) => {
    expect({ breached: inSlaView('breached', c, NOW, 60 * MIN), soon: inSlaView('breaching-soon', c, NOW, 60 * MIN) }).toEqual(want);
    expect(inSlaView('any', c, NOW, 60 * MIN)).toBe(true);
  });

  it('the threshold is the one given', () => {
    const c = clocks(running(30, 90));
    expect(inSlaView('breaching-soon', c, NOW, 60 * MIN)).toBe(false);
    expect(inSlaView('breaching-soon', c, NOW, 120 * MIN)).toBe(true);
  });
});

describe('readClock: what the cell shows at an instant, from the deadlines alone', () => {
  it.each([
    ['on target: time left to the target', running(25, 60), { state: 'running', ms: 25 * MIN }],
    ['late: time left to the limit', running(-10, 20), { state: 'late', ms: 20 * MIN }],
    ['breached: time past the limit', running(-60, -15), { state: 'breached', ms: 15 * MIN }],
    ['paused: frozen time left', plan({ paused: true, remainingMs: 7 * MIN, limitRemainingMs: 9 * MIN }), { state: 'paused', ms: 7 * MIN }],
    ['stopped: met', plan({ stoppedAs: 'met', stoppedAtMs: NOW - MIN }), { state: 'met', ms: 0 }],
  ] as const)('%s', (_n, p, want) => {
    const r = readClock(p, NOW);
    expect({ state: r.state, ms: r.ms }).toEqual(want);
  });

  it('turns late when its target passes, without computing the SLA again', () => {
    const p = running(0, 30);
    expect(readClock(p, NOW).state).toBe('running');
    expect(readClock(p, NOW).changesAtMs).toBe(NOW + 1);
    expect(readClock(p, NOW + 1).state).toBe('late');
  });
});
