import { describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../resources/sla-presets';
import {
  breachedCount,
  clockStandings,
  defaultWorkingHours,
  dueNotifications,
  notificationKey,
  type ClockStanding,
  type WatchedTicket,
} from './notifications';
import { BusinessCalendar, computeSla, type SlaState } from './sla';

// Warning 30 minutes before breach, then late, then breached; once each; non-Critical
// held outside working hours (docs/domain/escalations-and-notifications.md).
const hours = new BusinessCalendar(defaultWorkingHours('America/Chicago'));
const MIN = 60_000;
// Wednesday 4 March 2026, 10:00 in Chicago (UTC-6): inside the default hours.
const WED_10 = Date.parse('2026-03-04T16:00:00Z');
// The same Wednesday at 22:00, and Saturday 7 March at 10:00: outside them.
const WED_22 = Date.parse('2026-03-05T04:00:00Z');
const SAT_10 = Date.parse('2026-03-07T16:00:00Z');
const THU_08 = Date.parse('2026-03-05T14:00:00Z');
const MON_08 = Date.parse('2026-03-09T13:00:00Z'); // daylight saving time began on Sunday: UTC-5

function ticket(state: SlaState, limitInMin: number, nowMs: number, priorityRank = 2): WatchedTicket {
  const clock: ClockStanding = { clock: 'firstResponse', state, limitAtMs: nowMs + limitInMin * MIN };
  return { ticketId: 't1', title: 'Printer offline', priorityRank, clocks: [clock] };
}

describe('notifications due in working hours', () => {
  it.each([
    ['running', 45, [], undefined, null],
    ['running', 30, [], undefined, 'warning'],
    ['running', 10, [], undefined, 'warning'],
    ['running', 45, [], 60, 'warning'],
    ['late', -5, [], undefined, 'late'],
    ['breached', -5, [], undefined, 'breached'],
    ['paused', 5, [], undefined, null],
    ['met', -60, [], undefined, null],
    ['running', 10, ['warning'], undefined, null],
    ['late', -5, ['warning'], undefined, 'late'],
    ['late', -5, ['warning', 'late'], undefined, null],
    ['breached', -5, ['warning', 'late'], undefined, 'breached'],
  ] as const)('%s, %i min to breach, sent %j, warning %s min before: %s', (state, limitIn, sent, warnMin, expected) => {
    const plan = dueNotifications([ticket(state, limitIn, WED_10)], {
      nowMs: WED_10,
      sent: new Set(sent.map((k) => notificationKey('t1', 'firstResponse', k))),
      workingHours: hours,
      warnBeforeMs: warnMin === undefined ? undefined : warnMin * MIN,
    });
    expect(plan.deliver.map((n) => n.kind)).toEqual(expected === null ? [] : [expected]);
    expect(plan.held).toEqual([]);
  });

  it('remembers the milder kinds with the one delivered, so a breach found late is announced once', () => {
    const plan = dueNotifications([ticket('breached', -5, WED_10)], { nowMs: WED_10, sent: new Set(), workingHours: hours });
    expect(plan.record.sort()).toEqual(['t1:firstResponse:breached', 't1:firstResponse:late', 't1:firstResponse:warning']);
    const again = dueNotifications([ticket('breached', -5, WED_10)], { nowMs: WED_10, sent: new Set(plan.record), workingHours: hours });
    expect(again.deliver).toEqual([]);
  });
});

describe('notifications outside working hours', () => {
  it.each([
    ['a High ticket on Wednesday night', WED_22, 2, 'held', THU_08],
    ['a Standard ticket on Saturday', SAT_10, 4, 'held', MON_08],
    ['a Critical ticket on Wednesday night', WED_22, 1, 'delivered', null],
    ['a Critical ticket on Saturday', SAT_10, 1, 'delivered', null],
    ['a High ticket on Wednesday morning', WED_10, 2, 'delivered', null],
  ] as const)('%s is %s', (_, nowMs, rank, outcome, until) => {
    const plan = dueNotifications([ticket('late', -5, nowMs, rank)], { nowMs, sent: new Set(), workingHours: hours });
    expect({ delivered: plan.deliver.length, held: plan.held.length, heldUntilMs: plan.heldUntilMs }).toEqual({
      delivered: outcome === 'delivered' ? 1 : 0,
      held: outcome === 'held' ? 1 : 0,
      heldUntilMs: until,
    });
    // Held is not sent: nothing is remembered until it is delivered.
    expect(plan.record.length).toBe(plan.deliver.length * 2);
  });
});

describe('from computed SLA clocks', () => {
  // Four-tier contract: Critical is answered within 1 wall-clock hour (resources/sla-presets).
  const opened = [{ type: 'opened', at: '2026-03-04T15:00:00.000Z', priority: 'critical' }] as const;
  const watched = (nowMs: number): WatchedTicket => ({
    ticketId: 't1',
    title: 'Server down',
    priorityRank: 1,
    clocks: clockStandings(computeSla(SLA_PRESETS['four-tier'], opened, nowMs)),
  });

  it.each([
    ['20 min before the hour is up', Date.parse('2026-03-04T15:40:00Z'), ['warning'], 0],
    ['past the hour', Date.parse('2026-03-04T16:30:00Z'), ['breached'], 1],
    ['35 min before', Date.parse('2026-03-04T15:25:00Z'), [], 0],
  ] as const)('%s', (_, nowMs, kinds, breached) => {
    const plan = dueNotifications([watched(nowMs)], { nowMs, sent: new Set(), workingHours: hours });
    expect(plan.deliver.map((n) => `${n.clock}:${n.kind}`)).toEqual(kinds.map((k) => `firstResponse:${k}`));
    expect(breachedCount([watched(nowMs)])).toBe(breached);
  });
});
