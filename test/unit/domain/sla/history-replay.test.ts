// Replaying a ticket's history: when clocks stop, pause, resume and change
// targets. Policy: the severity preset (08:00–17:00 New York, 540-minute
// day) with resolution targets added for these tests.
import { describe, expect, it } from 'vitest';
import { computeSla, type SlaEvent, type SlaPolicy } from '../../../../src/domain/sla';
import { FOUR_SEVERITY_US_HOLIDAYS, FOUR_TIER_BUSINESS_HOURS } from '../../../../resources/sla-presets';

const P = FOUR_SEVERITY_US_HOLIDAYS.priorities;
const policy: SlaPolicy = {
  ...FOUR_SEVERITY_US_HOLIDAYS,
  id: 'severity-with-resolution',
  priorities: {
    sev1: { ...P.sev1!, resolution: { target: { unit: 'business-days', value: 1 }, limit: { unit: 'business-days', value: 2 } } },
    sev2: { ...P.sev2!, resolution: { target: { unit: 'business-days', value: 2 }, limit: { unit: 'business-days', value: 3 } } },
    sev3: { ...P.sev3!, resolution: { target: { unit: 'business-days', value: 3 } } },
    sev4: { ...P.sev4!, resolution: { target: { unit: 'business-days', value: 5 } } },
  },
};

const opened = (at: string, priority: string, status?: SlaEvent['status']): SlaEvent =>
  status ? { type: 'opened', at, priority, status } : { type: 'opened', at, priority };
const status = (at: string, s: SlaEvent['status']): SlaEvent => ({ type: 'status_changed', at, status: s });
const reprioritize = (at: string, priority: string): SlaEvent => ({ type: 'priority_changed', at, priority });
const reply = (at: string): SlaEvent => ({ type: 'public_reply', at });
const MIN = 60_000;

describe('pauses', () => {
  // Thu 2026-03-05 09:00 EST opened; Fri 15:00 EST awaiting the customer; Mon 2026-03-09 10:00 EDT open again.
  const history = [
    opened('2026-03-05T14:00:00.000Z', 'sev2'),
    status('2026-03-05T14:30:00.000Z', 'open'),
    status('2026-03-06T20:00:00.000Z', 'awaiting_reply'),
    status('2026-03-09T14:00:00.000Z', 'open'),
  ];

  it('paused across a weekend: 900 of 1080 minutes used before the pause, the rest from Monday 10:00', () => {
    const r = computeSla(policy, history, '2026-03-09T15:00:00.000Z');
    expect(r.firstResponse).toMatchObject({ state: 'met', stoppedAt: '2026-03-05T14:30:00.000Z' });
    expect(r.resolution).toMatchObject({
      state: 'running',
      targetAt: '2026-03-09T17:00:00.000Z', // Mon 13:00 EDT
      limitAt: '2026-03-10T17:00:00.000Z', // Tue 13:00 EDT
      consumedMs: 960 * MIN,
      remainingMs: 120 * MIN,
    });
  });

  it('explains the deadline as the stretches that made it, the pause winning over the weekend', () => {
    const segments = computeSla(policy, history, '2026-03-09T15:00:00.000Z').resolution!.explanation.segments;
    expect(segments.map((s) => [s.kind, s.start, s.end, s.minutes, s.label ?? ''])).toEqual([
      ['business', '2026-03-05T14:00:00.000Z', '2026-03-05T22:00:00.000Z', 480, ''],
      ['closed', '2026-03-05T22:00:00.000Z', '2026-03-06T13:00:00.000Z', 900, ''],
      ['business', '2026-03-06T13:00:00.000Z', '2026-03-06T20:00:00.000Z', 420, ''],
      ['paused', '2026-03-06T20:00:00.000Z', '2026-03-09T14:00:00.000Z', 3960, 'Awaiting your reply'],
      ['business', '2026-03-09T14:00:00.000Z', '2026-03-09T21:00:00.000Z', 420, ''],
      ['closed', '2026-03-09T21:00:00.000Z', '2026-03-10T12:00:00.000Z', 900, ''],
      ['business', '2026-03-10T12:00:00.000Z', '2026-03-10T17:00:00.000Z', 300, ''],
    ]);
  });

  it('while still paused, shows the deadline as if resumed now and the time left frozen', () => {
    const r = computeSla(policy, history.slice(0, 3), '2026-03-09T14:00:00.000Z').resolution!;
    expect(r).toMatchObject({ state: 'paused', targetAt: '2026-03-09T17:00:00.000Z', remainingMs: 180 * MIN });
  });

  it('a ticket created directly in a paused status counts nothing until it leaves it', () => {
    // Mon 2026-03-02 09:00 EST created as Awaiting your reply; Open Tue 11:00 EST.
    const r = computeSla(
      policy,
      [opened('2026-03-02T14:00:00.000Z', 'sev2', 'awaiting_reply'), status('2026-03-03T16:00:00.000Z', 'open')],
      '2026-03-03T16:00:00.000Z',
    );
    expect(r.firstResponse).toMatchObject({ state: 'met', stoppedAt: '2026-03-02T14:00:00.000Z' });
    expect(r.resolution).toMatchObject({ consumedMs: 0, targetAt: '2026-03-05T16:00:00.000Z', limitAt: '2026-03-06T16:00:00.000Z' });
  });

  it('On-Hold pauses too, and time spent closed before a reopen does not count', () => {
    // Mon 09:00 EST sev1: 120 min, closed 11:00–14:00, 180 min, On-Hold all Tuesday, closed Wed 10:00 after 120 min more.
    const r = computeSla(
      policy,
      [
        opened('2026-03-02T14:00:00.000Z', 'sev1'),
        status('2026-03-02T14:05:00.000Z', 'open'),
        status('2026-03-02T16:00:00.000Z', 'closed'),
        status('2026-03-02T19:00:00.000Z', 'open'),
        status('2026-03-02T22:00:00.000Z', 'on_hold'),
        status('2026-03-04T13:00:00.000Z', 'open'),
        status('2026-03-04T15:00:00.000Z', 'closed'),
      ],
      '2026-03-05T15:00:00.000Z',
    ).resolution!;
    expect(r).toMatchObject({
      state: 'met',
      stoppedAt: '2026-03-04T15:00:00.000Z',
      consumedMs: 420 * MIN,
      targetAt: '2026-03-04T17:00:00.000Z',
    });
  });
});

describe('priority changes recompute from the opening with the new targets', () => {
  // Sev3 Mon 2026-03-02 09:00 EST; open 09:10; awaiting the customer Tue 10:00 (600 min used); open again Wed 09:00.
  const base = [
    opened('2026-03-02T14:00:00.000Z', 'sev3'),
    status('2026-03-02T14:10:00.000Z', 'open'),
    status('2026-03-03T15:00:00.000Z', 'awaiting_reply'),
  ];

  it('raised to Sev1 while paused: already past the 540-minute target, limit at Wed 17:00', () => {
    const r = computeSla(
      policy,
      [...base, reprioritize('2026-03-03T17:00:00.000Z', 'sev1'), status('2026-03-04T14:00:00.000Z', 'open')],
      '2026-03-04T15:00:00.000Z',
    );
    expect(r.priority).toBe('sev1');
    expect(r.resolution).toMatchObject({
      priority: 'sev1',
      state: 'late',
      targetAt: '2026-03-03T14:00:00.000Z',
      limitAt: '2026-03-04T22:00:00.000Z',
      consumedMs: 660 * MIN,
    });
    // First response was met under Sev3, the priority in force when it stopped.
    expect(r.firstResponse).toMatchObject({ priority: 'sev3', state: 'met' });
  });

  it('lowered to Sev4 while paused: stays paused; 2100 minutes left, projected from now', () => {
    const r = computeSla(policy, [...base, reprioritize('2026-03-03T17:00:00.000Z', 'sev4')], '2026-03-03T18:00:00.000Z');
    expect(r.resolution).toMatchObject({
      state: 'paused',
      consumedMs: 600 * MIN,
      remainingMs: 2100 * MIN,
      targetAt: '2026-03-09T16:00:00.000Z',
    });
  });
});

describe('first response', () => {
  // High (2–4 business hours) Mon 2026-03-02 08:00 CST.
  const open = opened('2026-03-02T14:00:00.000Z', 'high');
  it.each([
    {
      case: 'reply within 2 h: met',
      events: [reply('2026-03-02T15:30:00.000Z')],
      now: '2026-03-02T20:00:00.000Z',
      state: 'met',
      stoppedAt: '2026-03-02T15:30:00.000Z',
    },
    {
      case: 'leaving New within 2 h: met',
      events: [status('2026-03-02T16:00:00.000Z', 'open')],
      now: '2026-03-02T20:00:00.000Z',
      state: 'met',
      stoppedAt: '2026-03-02T16:00:00.000Z',
    },
    {
      case: 'reply after 3 h: late',
      events: [reply('2026-03-02T17:00:00.000Z')],
      now: '2026-03-02T20:00:00.000Z',
      state: 'late',
      stoppedAt: '2026-03-02T17:00:00.000Z',
    },
    {
      case: 'reply after 4.5 h: breached',
      events: [reply('2026-03-02T18:30:00.000Z')],
      now: '2026-03-02T20:00:00.000Z',
      state: 'breached',
      stoppedAt: '2026-03-02T18:30:00.000Z',
    },
    { case: 'no reply at exactly 2 h: still running', events: [], now: '2026-03-02T16:00:00.000Z', state: 'running', stoppedAt: null },
    { case: 'no reply at 2.5 h: late', events: [], now: '2026-03-02T16:30:00.000Z', state: 'late', stoppedAt: null },
    { case: 'no reply at 4 h 1 min: breached', events: [], now: '2026-03-02T18:01:00.000Z', state: 'breached', stoppedAt: null },
  ])('$case', ({ events, now, state, stoppedAt }) => {
    const r = computeSla(FOUR_TIER_BUSINESS_HOURS, [open, ...events], now).firstResponse;
    expect(r).toMatchObject({ state, stoppedAt, targetAt: '2026-03-02T16:00:00.000Z', limitAt: '2026-03-02T18:00:00.000Z' });
  });

  it('a deadline that passed at Friday close shows late over the weekend, with no business time left', () => {
    // Medium (600 min) Fri 2026-03-06 07:00 CST: due Fri 17:00; looked at Saturday.
    const r = computeSla(
      FOUR_TIER_BUSINESS_HOURS,
      [opened('2026-03-06T13:00:00.000Z', 'medium')],
      '2026-03-07T16:00:00.000Z',
    ).firstResponse;
    expect(r).toMatchObject({ state: 'breached', targetAt: '2026-03-06T23:00:00.000Z', remainingMs: 0 });
  });

  it('explains itself in a sentence', () => {
    const r = computeSla(FOUR_TIER_BUSINESS_HOURS, [opened('2026-03-02T23:30:00.000Z', 'high')], '2026-03-02T23:30:00.000Z').firstResponse;
    expect(r.explanation.summary).toBe(
      'High first response: 2–4 business hours. Opened outside business hours, so the clock starts at the next opening. Late after 120, breached after 240 business minutes (America/Chicago).',
    );
  });
});

describe('replay is pure', () => {
  it('gives the same answer for the same inputs, and a now earlier than the last event reads as that event', () => {
    const h = [opened('2026-03-02T14:00:00.000Z', 'sev2'), status('2026-03-02T15:00:00.000Z', 'open')];
    expect(JSON.stringify(computeSla(policy, h, '2026-03-02T16:00:00.000Z'))).toBe(
      JSON.stringify(computeSla(policy, h, '2026-03-02T16:00:00.000Z')),
    );
    expect(computeSla(policy, h, '2026-03-02T14:30:00.000Z').evaluatedAt).toBe('2026-03-02T15:00:00.000Z');
  });

  it('serialises to plain data with ISO instants', () => {
    const json = JSON.parse(JSON.stringify(computeSla(policy, [opened('2026-03-02T14:00:00.000Z', 'sev1')], '2026-03-02T14:00:00.000Z')));
    expect(json).toMatchObject({
      policyId: 'severity-with-resolution',
      priority: 'sev1',
      openedAt: '2026-03-02T14:00:00.000Z',
      firstResponse: { targetAt: '2026-03-02T18:00:00.000Z', state: 'running' },
    });
    expect(json.firstResponse.explanation.segments).toEqual([
      { kind: 'business', start: '2026-03-02T14:00:00.000Z', end: '2026-03-02T18:00:00.000Z', minutes: 240 },
    ]);
  });
});
