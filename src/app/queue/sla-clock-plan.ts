// What a queue row needs to show one SLA clock at any instant, derived once
// from computeSla and then read every second without computing it again.
//
// computeSla replays the ticket's history; nothing in that replay changes while
// time passes, except where "now" falls against the deadlines it found. So a
// running clock's state and time left follow from its deadlines alone (the
// same comparisons computeSla makes), and a paused clock's time left does not
// move at all. The plan is made again only when the ticket changes.
import type { BusinessCalendar, Measure, SlaClock, SlaClockName, SlaState } from '../../domain/sla';

export interface ClockPlan {
  clock: SlaClockName;
  measure: Measure;
  /** Counts open hours; null when the clock counts all time (wall). */
  calendar: BusinessCalendar | null;
  /** The state the clock stopped in (met, late, breached), or null while it runs or is paused. */
  stoppedAs: SlaState | null;
  stoppedAtMs: number | null;
  /** The ticket is in a status that pauses this clock: its time left is frozen. */
  paused: boolean;
  /** Late after this instant, breached after limitAtMs (epoch ms). */
  targetAtMs: number;
  limitAtMs: number;
  /** Counted time left to the target and to the limit when the plan was made (negative: past it); what a paused clock shows. */
  remainingMs: number;
  limitRemainingMs: number;
}

/** One clock as it stands at an instant: its state and the figure the cell shows. */
export interface ClockReading {
  /** 'running' is on target. */
  state: SlaState;
  stopped: boolean;
  paused: boolean;
  /**
   * Counted time in the clock's measure: left to the target (on target, paused),
   * left to the limit (late), past the limit (breached); 0 once stopped.
   */
  ms: number;
  /** The next instant the state changes by itself, or Infinity (stopped, paused, breached). */
  changesAtMs: number;
}

export function planClock(clock: SlaClock, calendar: BusinessCalendar, paused: boolean): ClockPlan {
  const stopped = clock.stoppedAtMs !== null;
  return {
    clock: clock.clock,
    measure: clock.measure,
    calendar: clock.measure === 'business' ? calendar : null,
    stoppedAs: stopped ? clock.state : null,
    stoppedAtMs: clock.stoppedAtMs,
    paused: !stopped && paused,
    targetAtMs: clock.targetAtMs,
    limitAtMs: clock.limitAtMs,
    remainingMs: clock.remainingMs,
    limitRemainingMs: clock.limitRemainingMs,
  };
}

/** Counted time between two instants in the plan's measure. */
function counted(plan: ClockPlan, from: number, to: number): number {
  if (to <= from) return 0;
  return plan.calendar ? plan.calendar.businessTimeBetween(from, to) : to - from;
}

export function readClock(plan: ClockPlan, nowMs: number): ClockReading {
  if (plan.stoppedAs) return { state: plan.stoppedAs, stopped: true, paused: false, ms: 0, changesAtMs: Infinity };
  if (plan.paused) {
    // Frozen while paused: the state is what the time already counted says.
    const state: SlaState = plan.remainingMs >= 0 ? 'paused' : plan.limitRemainingMs >= 0 ? 'late' : 'breached';
    const ms = state === 'breached' ? -plan.limitRemainingMs : state === 'late' ? plan.limitRemainingMs : plan.remainingMs;
    return { state, stopped: false, paused: true, ms, changesAtMs: Infinity };
  }
  // The same comparisons computeSla makes for a running clock.
  if (nowMs > plan.limitAtMs) {
    return { state: 'breached', stopped: false, paused: false, ms: counted(plan, plan.limitAtMs, nowMs), changesAtMs: Infinity };
  }
  if (nowMs > plan.targetAtMs) {
    return { state: 'late', stopped: false, paused: false, ms: counted(plan, nowMs, plan.limitAtMs), changesAtMs: plan.limitAtMs + 1 };
  }
  return { state: 'running', stopped: false, paused: false, ms: counted(plan, nowMs, plan.targetAtMs), changesAtMs: plan.targetAtMs + 1 };
}
