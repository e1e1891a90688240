// Throughput of computeSla on realistic histories, and its speed against the
// minute-stepping reference on the same inputs. Run: npx tsx test/bench/sla.bench.ts
// Prints `name: value unit` lines; not part of the test suite.
import { computeSla, type SlaPolicy } from '../../src/domain/sla';
import { SLA_PRESETS } from '../../resources/sla-presets';
import { ReferenceCalendar, referenceSla } from '../unit/domain/sla/reference/minute-stepping';
import { prng, randomTicket, withResolution, type TicketCase } from '../unit/domain/sla/reference/random-tickets';

const GOAL_PER_S = 200_000;
const GOAL_RATIO = 100;

const policies: SlaPolicy[] = Object.values(SLA_PRESETS).map((p) => withResolution(p, 2));
const rand = prng(20260302);
const cases: Array<{ policy: SlaPolicy } & TicketCase> = [];
for (let i = 0; i < 3000; i++) {
  const policy = policies[i % policies.length]!;
  const events = 5 + Math.floor(rand() * 16);
  // Two years, so holidays and both DST changes of each zone are crossed.
  cases.push({ policy, ...randomTicket(rand, policy, { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 11, 20), events, maxGapMinutes: 600 }) });
}

function timeEngine(subset: typeof cases, minMs: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  let sink = 0;
  while (elapsed < minMs) {
    for (const c of subset) sink += computeSla(c.policy, c.history, c.now).firstResponse.remainingMs;
    n += subset.length;
    elapsed = performance.now() - start;
  }
  if (sink === 42) console.log('');
  return elapsed / n;
}

// Warm the per-calendar day caches and the JIT, as a running console would be.
timeEngine(cases, 1500);
const perCallMs = timeEngine(cases, 3000);
const perS = Math.round(1000 / perCallMs);

const sample = cases.slice(0, 30);
const refCals = new Map(policies.map((p) => [p, new ReferenceCalendar(p)]));
for (const c of sample) referenceSla(c.policy, c.history, c.now, refCals.get(c.policy));
const refStart = performance.now();
for (const c of sample) referenceSla(c.policy, c.history, c.now, refCals.get(c.policy));
const refPerCallMs = (performance.now() - refStart) / sample.length;
const enginePerCallMs = timeEngine(sample, 1000);
const ratio = Math.round(refPerCallMs / enginePerCallMs);

console.log(`sla.compute_per_s: ${perS} per_s`);
console.log(`sla.vs_minute_stepping_ratio: ${ratio} x`);
const ok = (v: number, goal: number): string => (v >= goal ? 'PASS' : 'FAIL');
console.log(
  `goals: compute_per_s >= ${GOAL_PER_S} (${ok(perS, GOAL_PER_S)}), vs_minute_stepping_ratio >= ${GOAL_RATIO} (${ok(ratio, GOAL_RATIO)}); ` +
    `${cases.length} tickets, 5-20 events, both clocks, holidays on; reference ${refPerCallMs.toFixed(1)} ms/ticket on ${sample.length} tickets`,
);
