// Throughput of computeSla on realistic histories, and its speed against the
// minute-stepping reference on the same inputs. Run: npx tsx test/bench/sla.bench.ts
// Prints `name: value unit` lines (the median of several runs, then their
// spread); not part of the test suite.
import { computeSla, type SlaPolicy } from '../../src/domain/sla';
import { SLA_PRESETS } from '../../resources/sla-presets';
import { ReferenceCalendar, referenceSla } from '../unit/domain/sla/reference/minute-stepping';
import { prng, randomTicket, withResolution, type TicketCase } from '../unit/domain/sla/reference/random-tickets';
import { reportRuns, summarize } from './stats';

const GOAL_PER_S = 200_000;
const GOAL_RATIO = 100;
const RUNS = 7;
const RUN_MS = 1000;

const policies: SlaPolicy[] = Object.values(SLA_PRESETS).map((p) => withResolution(p, 2));
const rand = prng(20260302);
const cases: Array<{ policy: SlaPolicy } & TicketCase> = [];
for (let i = 0; i < 3000; i++) {
  const policy = policies[i % policies.length]!;
  const events = 5 + Math.floor(rand() * 16);
  // Two years, so holidays and both DST changes of each zone are crossed.
  cases.push({
    policy,
    ...randomTicket(rand, policy, { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 11, 20), events, maxGapMinutes: 600 }),
  });
}

let sink = 0;

/**
 * Mean ms per computeSla call over whole passes of `subset` lasting at least
 * `minMs`, in wall time and in this process's CPU time (what the engine does
 * with the CPU it gets, whatever else the machine is running).
 */
function timeEngine(subset: typeof cases, minMs: number): { wall: number; cpu: number } {
  let n = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const c of subset) sink += computeSla(c.policy, c.history, c.now).firstResponse.remainingMs;
    n += subset.length;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: elapsed / n, cpu: (cpu.user + cpu.system) / 1000 / n };
}

// Warm the per-calendar day caches and the JIT, as a running console would be.
timeEngine(cases, 1500);
const perS: number[] = [];
const cpuPerS: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t = timeEngine(cases, RUN_MS);
  perS.push(1000 / t.wall);
  cpuPerS.push(1000 / t.cpu);
}

// The reference steps minute by minute, so it gets a small sample; each run
// times it and the engine on the same tickets, one right after the other.
const sample = cases.slice(0, 20);
const refCals = new Map(policies.map((p) => [p, new ReferenceCalendar(p)]));
for (const c of sample) referenceSla(c.policy, c.history, c.now, refCals.get(c.policy));
const ratios: number[] = [];
const refMs: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const refStart = performance.now();
  for (const c of sample) referenceSla(c.policy, c.history, c.now, refCals.get(c.policy));
  const refPerCallMs = (performance.now() - refStart) / sample.length;
  refMs.push(refPerCallMs);
  ratios.push(refPerCallMs / timeEngine(sample, 200).wall);
}
if (sink === 42) console.log('');

const setting = `${cases.length} tickets, 5-20 events, both clocks, holidays on`;
const cpu = summarize(cpuPerS);
reportRuns(
  'sla.compute_per_s',
  perS,
  'per_s',
  { op: '>=', value: GOAL_PER_S },
  `${setting}; ${RUN_MS} ms per run; per second of this process's CPU time: median ${Math.round(cpu.median)} (wall below that means the machine was busy)`,
);
reportRuns(
  'sla.vs_minute_stepping_ratio',
  ratios,
  'x',
  { op: '>=', value: GOAL_RATIO },
  `reference ${(refMs.reduce((a, b) => a + b, 0) / refMs.length).toFixed(1)} ms/ticket on ${sample.length} tickets`,
);
