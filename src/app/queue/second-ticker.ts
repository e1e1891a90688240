// One 1-second clock for every countdown on screen. Only mounted countdown
// cells subscribe, so a tick re-renders the visible rows' clocks and nothing
// else: not the table, not the rows, not the 100,000 tickets behind them.
import { useSyncExternalStore } from 'react';

/** Measured by the queue benchmark: the main-thread work of one tick (see docs/benchmarks.md). */
export const TICK_MEASURE = 'queue:tick';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  // On the next whole second, so every cell changes its seconds together and in step with the wall clock.
  timer = setTimeout(tick, 1000 - (Date.now() % 1000));
}

function tick(): void {
  now = Date.now();
  const start = performance.now();
  for (const l of listeners) l();
  // React renders and commits the cells in a microtask it queued during the
  // first listener call; this one runs after it, so the measure spans the whole
  // tick's script work (style and layout of the changed text follow in the frame).
  queueMicrotask(() => {
    // Only the last tick is kept: one a second for a working day would pile up.
    performance.clearMeasures(TICK_MEASURE);
    performance.measure(TICK_MEASURE, { start, end: performance.now() });
  });
  schedule();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    now = Date.now();
    schedule();
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearTimeout(timer);
  };
}

/** The current second (epoch ms), shared by every countdown. */
export function useSecond(): number {
  return useSyncExternalStore(subscribe, () => now);
}
