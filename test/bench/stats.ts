// How every benchmark reports: the median of several runs and their spread, so
// a reader can tell noise from a regression, and whether the goal is met.
// Goals are checked on the median, never on the best run.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no samples');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of no samples');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface Goal {
  /** Lower is better ('<') or higher is better ('>='). */
  op: '<' | '>=';
  value: number;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max - min) / median, in percent: how far apart the runs were. */
  spreadPct: number;
  runs: number;
}

export function summarize(runs: readonly number[]): Summary {
  const m = median(runs);
  const min = Math.min(...runs);
  const max = Math.max(...runs);
  return { median: m, min, max, spreadPct: m === 0 ? 0 : ((max - min) / Math.abs(m)) * 100, runs: runs.length };
}

const fmt = (v: number): string => (Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(1));

export function meets(value: number, goal: Goal): boolean {
  return goal.op === '<' ? value < goal.value : value >= goal.value;
}

/**
 * Prints `name: <median> unit` (the line other tools read), then the runs, the
 * spread and the goal. At least three runs: one run says nothing about noise.
 */
export function reportRuns(name: string, runs: readonly number[], unit: string, goal?: Goal, note?: string): Summary {
  if (runs.length < 3) throw new Error(`${name}: a benchmark reports the median of at least 3 runs, got ${runs.length}`);
  const s = summarize(runs);
  console.log(`${name}: ${fmt(s.median)} ${unit}`);
  console.log(
    `  median of ${s.runs} runs, min ${fmt(s.min)}, max ${fmt(s.max)}, spread ${s.spreadPct.toFixed(0)}%; runs: ${runs.map(fmt).join(', ')}`,
  );
  if (goal) {
    const margin = goal.op === '<' ? (goal.value - s.median) / goal.value : (s.median - goal.value) / goal.value;
    console.log(
      `  goal ${goal.op} ${fmt(goal.value)} ${unit}: ${meets(s.median, goal) ? 'met' : 'NOT met'} (margin ${(margin * 100).toFixed(0)}%)${note ? `; ${note}` : ''}`,
    );
  } else if (note) console.log(`  ${note}`);
  return s;
}
