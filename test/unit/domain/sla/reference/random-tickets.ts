// Seeded generators of plausible ticket histories, shared by the differential
// test and the benchmark. Every instant sits on a whole minute.
import type { SlaEvent, SlaPolicy } from '../../../../../src/domain/sla';
import type { TicketStatus } from '../../../../../src/domain/ticket';
import { createRandom } from '../../../../../resources/demo/prng';

const MIN = 60_000;

/** The demo data's seeded PRNG (mulberry32): small, fast, reproducible. */
export const prng = createRandom;

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const NEXT: Record<TicketStatus, TicketStatus[]> = {
  new: ['open', 'open', 'awaiting_reply', 'on_hold'],
  open: ['awaiting_reply', 'on_hold', 'closed', 'awaiting_reply'],
  awaiting_reply: ['open', 'open', 'on_hold', 'closed'],
  on_hold: ['open', 'awaiting_reply', 'closed'],
  closed: ['open'],
};

export interface TicketCase {
  history: SlaEvent[];
  now: number;
}

/**
 * A history of `events` events starting at a random minute in [from, to),
 * with gaps up to `maxGapMinutes`.
 */
export function randomTicket(
  rand: () => number,
  policy: SlaPolicy,
  opts: { from: number; to: number; events: number; maxGapMinutes: number },
): TicketCase {
  const keys = Object.keys(policy.priorities);
  let t = opts.from + Math.floor((rand() * (opts.to - opts.from)) / MIN) * MIN;
  let status: TicketStatus = rand() < 0.85 ? 'new' : pick(rand, ['open', 'awaiting_reply', 'on_hold'] as const);
  const history: SlaEvent[] = [{ type: 'opened', at: new Date(t).toISOString(), priority: pick(rand, keys), status }];
  for (let i = 1; i < opts.events; i++) {
    t += Math.floor(rand() * rand() * opts.maxGapMinutes) * MIN;
    const r = rand();
    const at = new Date(t).toISOString();
    if (r < 0.15) history.push({ type: 'priority_changed', at, priority: pick(rand, keys) });
    else if (r < 0.3) history.push({ type: 'public_reply', at });
    else {
      status = pick(rand, NEXT[status]);
      history.push({ type: 'status_changed', at, status });
    }
  }
  return { history, now: t + Math.floor(rand() * opts.maxGapMinutes) * MIN };
}

/** A preset with resolution targets added, so both clocks run. */
export function withResolution(policy: SlaPolicy, days: number): SlaPolicy {
  return {
    ...policy,
    id: `${policy.id}+resolution`,
    priorities: Object.fromEntries(
      Object.entries(policy.priorities).map(([k, v], i) => [
        k,
        { ...v, resolution: { target: { unit: 'business-days', value: days + i }, limit: { unit: 'business-days', value: days + i + 1 } } },
      ]),
    ),
  };
}
