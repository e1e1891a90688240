// A compiled calendar keeps every local day it has built, links each day to
// the next and remembers the last day it was asked about. None of that may
// change an answer: a calendar warmed by other tickets, visited out of time
// order, across DST changes and holidays, and shared by two policies' worth of
// calls, must answer as the minute-stepping reference and as a cold calendar.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, computeSla, type SlaPolicy } from '../../../../src/domain/sla';
import { SLA_PRESETS } from '../../../../resources/sla-presets';
import { ReferenceCalendar, referenceSla } from './reference/minute-stepping';
import { prng, randomTicket, withResolution, type TicketCase } from './reference/random-tickets';

const rand = prng(5150);
const presets = Object.values(SLA_PRESETS).map((p) => withResolution(p, 1));
// Same calendar object, other pause rules: a second policy over one calendar.
const sibling: SlaPolicy = { ...presets[1]!, id: 'sibling', pauseStatuses: { firstResponse: ['on_hold'], resolution: ['on_hold'] } };
const policies = [...presets, sibling];

// Days around both DST changes of 2026 and 2027 (US zones) and around US holidays.
const edges = ['2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07', '2026-11-26', '2026-12-25', '2027-01-01', '2027-07-05'].map((d) =>
  Date.parse(`${d}T12:00:00Z`),
);
const tickets: Array<{ policy: SlaPolicy } & TicketCase> = [];
for (const policy of policies) {
  for (const edge of edges)
    tickets.push({
      policy,
      ...randomTicket(rand, policy, {
        from: edge - 2 * 86_400_000,
        to: edge + 86_400_000,
        events: 2 + Math.floor(rand() * 6),
        maxGapMinutes: 500,
      }),
    });
  for (let i = 0; i < 2; i++)
    tickets.push({
      policy,
      ...randomTicket(rand, policy, {
        from: Date.UTC(2026, 0, 1),
        to: Date.UTC(2027, 11, 20),
        events: 2 + Math.floor(rand() * 6),
        maxGapMinutes: 500,
      }),
    });
}
// Out of time order, policies interleaved.
for (let i = tickets.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [tickets[i], tickets[j]] = [tickets[j]!, tickets[i]!];
}

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('a warm calendar answers as a cold one', () => {
  it(`on ${tickets.length} tickets in shuffled order, four policies, two of them over one calendar`, () => {
    const refCals = new Map(policies.map((p) => [p, new ReferenceCalendar(p)]));
    tickets.forEach(({ policy, history, now }, i) => {
      const context = JSON.stringify({ policy: policy.id, history, now: new Date(now).toISOString() });
      const warm = computeSla(policy, history, now);
      // A copy of the policy is compiled afresh, so its calendar has built no
      // day yet; compiling checks holiday names over years, so only every
      // fourth ticket gets one. The comparison includes the explanation.
      if (i % 4 === 0) expect(plain(warm), context).toEqual(plain(computeSla(structuredClone(policy), history, now)));
      const ref = referenceSla(policy, history, now, refCals.get(policy));
      for (const clock of ['firstResponse', 'resolution'] as const) {
        const e = warm[clock]!;
        const r = ref[clock]!;
        expect({ state: e.state, targetAt: e.targetAtMs, limitAt: e.limitAtMs, consumed: e.consumedMs }, `${clock} ${context}`).toEqual({
          state: r.state,
          targetAt: r.targetAt,
          limitAt: r.limitAt,
          consumed: r.consumedMs,
        });
      }
    });
  });
});

describe('BusinessCalendar.nextDay', () => {
  it("steps from another calendar's day to this calendar's next day, never along the other calendar's link", () => {
    const ny = new BusinessCalendar(presets[1]!.calendar);
    const la = new BusinessCalendar(presets[2]!.calendar);
    const laDay = la.dayAt(Date.parse('2026-03-07T20:00:00Z'));
    la.nextDay(laDay); // links laDay to Los Angeles' next day
    const next = ny.nextDay(laDay);
    expect(next).toBe(ny.day(laDay.dayNumber + 1));
    expect(next.start).toBe(Date.parse('2026-03-08T05:00:00Z'));
  });
});
