// The engine against the minute-stepping reference (reference/minute-stepping.ts)
// on random calendars and histories: same states, same instants, same time used.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSla, parseSlaPolicy, type SlaClock, type SlaPolicy } from '../../../../src/domain/sla';
import { SLA_PRESETS } from '../../../../resources/sla-presets';
import { policyArb, startArb } from './reference/arbitraries';
import { ReferenceCalendar, referenceSla, type ReferenceClock } from './reference/minute-stepping';
import { prng, randomTicket, withResolution } from './reference/random-tickets';

function same(engine: SlaClock | null, reference: ReferenceClock | null, context: string): void {
  if (!engine || !reference) {
    expect(engine === null, context).toBe(reference === null);
    return;
  }
  expect({ state: engine.state, targetAt: engine.targetAtMs, limitAt: engine.limitAtMs, consumed: engine.consumedMs }, context).toEqual({
    state: reference.state,
    targetAt: reference.targetAt,
    limitAt: reference.limitAt,
    consumed: reference.consumedMs,
  });
}

describe('engine = minute-stepping reference', () => {
  it('on random calendars (DST zones, windows at midnight, holidays, partial closures) and random histories', () => {
    fc.assert(
      fc.property(policyArb, startArb, fc.integer(), (policy: SlaPolicy, start, seed) => {
        parseSlaPolicy(policy);
        const rand = prng(seed);
        const { history, now } = randomTicket(rand, policy, {
          from: start,
          to: start + 60_000,
          events: 1 + Math.floor(rand() * 8),
          maxGapMinutes: 300,
        });
        const engine = computeSla(policy, history, now);
        const reference = referenceSla(policy, history, now);
        const context = JSON.stringify({
          calendar: policy.calendar,
          history,
          now: new Date(now).toISOString(),
          priority: engine.priority,
          targets: policy.priorities[engine.priority],
        });
        same(engine.firstResponse, reference.firstResponse, context);
        same(engine.resolution, reference.resolution, context);
      }),
      { seed: 424242, numRuns: 40 },
    );
  });

  it('on the three presets with resolution targets, across holidays and DST changes', () => {
    const rand = prng(99);
    for (const preset of Object.values(SLA_PRESETS)) {
      const policy = withResolution(preset, 1);
      const cal = new ReferenceCalendar(policy);
      for (const from of [Date.UTC(2026, 2, 5), Date.UTC(2026, 10, 24), Date.UTC(2026, 11, 22), Date.UTC(2026, 9, 29)]) {
        for (let i = 0; i < 3; i++) {
          const { history, now } = randomTicket(rand, policy, {
            from,
            to: from + 3 * 86_400_000,
            events: 5 + Math.floor(rand() * 6),
            maxGapMinutes: 400,
          });
          const engine = computeSla(policy, history, now);
          const reference = referenceSla(policy, history, now, cal);
          const context = JSON.stringify({ policy: policy.id, history, now: new Date(now).toISOString() });
          same(engine.firstResponse, reference.firstResponse, context);
          same(engine.resolution, reference.resolution, context);
        }
      }
    }
  });

  it('on windows whose edges fall inside the hours the clocks skip or repeat', () => {
    const night = [
      { from: '00:00', to: '01:30' },
      { from: '02:15', to: '24:00' },
    ];
    const cases = [
      { zone: 'America/New_York', days: [Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 9, 31, 12)] },
      { zone: 'Australia/Lord_Howe', days: [Date.UTC(2026, 3, 4, 2), Date.UTC(2026, 9, 3, 2)] },
      { zone: 'America/Santiago', days: [Date.UTC(2026, 3, 4, 12), Date.UTC(2026, 8, 5, 12)] },
    ];
    for (const { zone, days } of cases) {
      const policy: SlaPolicy = {
        id: `night-${zone}`,
        name: 'Night shifts',
        prioritySchemeId: 'four-tier',
        calendar: { timeZone: zone, week: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: night, sun: night } },
        priorities: {
          critical: { firstResponse: { target: { unit: 'business-minutes', value: 700 } } },
          high: { firstResponse: { target: { unit: 'business-minutes', value: 900 } } },
          medium: { firstResponse: { target: { unit: 'business-minutes', value: 1000 } } },
          standard: { firstResponse: { target: { unit: 'business-minutes', value: 1200 } } },
        },
      };
      const cal = new ReferenceCalendar(policy);
      for (const opened of days) {
        for (const priority of ['critical', 'high', 'medium', 'standard']) {
          const history = [{ type: 'opened' as const, at: new Date(opened).toISOString(), priority }];
          same(
            computeSla(policy, history, opened).firstResponse,
            referenceSla(policy, history, opened, cal).firstResponse,
            `${zone} ${priority} ${history[0]!.at}`,
          );
        }
      }
    }
  });
});
