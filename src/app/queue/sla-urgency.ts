// How urgent a ticket's SLA is at an instant, as one number to sort on, and
// the two SLA views ("Breaching soon", "Breached"). Pure: rows and now in.
import type { ClockPlan } from './sla-clock-plan';

/** Both clocks of a ticket; resolution is null when the policy sets no resolution target. */
export interface TicketClocks {
  firstResponse: ClockPlan;
  resolution: ClockPlan | null;
}

/** Order of the groups: breached, late, on target, paused, stopped (met or not), no SLA. */
export const URGENCY_GROUPS = ['breached', 'late', 'on-target', 'paused', 'stopped', 'none'] as const;
export type UrgencyGroup = (typeof URGENCY_GROUPS)[number];

// 2^42 ms (139 years): above any instant's epoch ms until 2109, so a group's keys never reach the next group,
// and small enough that urgency * 128 + priority rank stays an exact integer in a double (queue-order.ts).
export const GROUP_SPAN = 2 ** 42;
// Paused clocks sort by counted time left to the limit, which may be negative: shifted to stay inside the group.
const PAUSED_SHIFT = GROUP_SPAN / 2;

export function clockGroup(plan: ClockPlan, nowMs: number): UrgencyGroup {
  if (plan.stoppedAs) return 'stopped';
  if (plan.paused) return 'paused';
  // The same comparisons as readClock, without counting time: this runs for every ticket.
  return nowMs > plan.limitAtMs ? 'breached' : nowMs > plan.targetAtMs ? 'late' : 'on-target';
}

/**
 * Smaller is more urgent. Within breached, late and on target: the earlier the
 * limit (the breach), the more urgent; within paused: the less counted time
 * left to the limit. Whole milliseconds, so it packs exactly with a rank.
 */
export function clockUrgency(plan: ClockPlan, nowMs: number): number {
  const group = clockGroup(plan, nowMs);
  const base = URGENCY_GROUPS.indexOf(group) * GROUP_SPAN;
  if (group === 'stopped') return base;
  if (group === 'paused') return base + PAUSED_SHIFT + Math.floor(plan.limitRemainingMs);
  return base + Math.floor(plan.limitAtMs);
}

/** The more urgent of the ticket's clocks; no SLA (null) sorts last. */
export function ticketUrgency(clocks: TicketClocks | null, nowMs: number): number {
  if (!clocks) return URGENCY_GROUPS.indexOf('none') * GROUP_SPAN;
  const first = clockUrgency(clocks.firstResponse, nowMs);
  return clocks.resolution ? Math.min(first, clockUrgency(clocks.resolution, nowMs)) : first;
}

export function urgencyGroupOf(urgency: number): UrgencyGroup {
  return URGENCY_GROUPS[Math.floor(urgency / GROUP_SPAN)]!;
}

/** 'any': no SLA view. */
export type SlaView = 'any' | 'breaching-soon' | 'breached';

// Plain functions, no callbacks: the filter calls these for every ticket.
function clockBreached(p: ClockPlan, nowMs: number): boolean {
  return !p.stoppedAs && (p.paused ? p.limitRemainingMs < 0 : nowMs > p.limitAtMs);
}

function clockBreachingSoon(p: ClockPlan, nowMs: number, withinMs: number): boolean {
  return !p.stoppedAs && !p.paused && nowMs <= p.limitAtMs && p.limitAtMs - nowMs <= withinMs;
}

/** A clock past its limit and not stopped (paused ones too: on hold does not undo a breach). */
export function isBreached(clocks: TicketClocks | null, nowMs: number): boolean {
  if (clocks === null) return false;
  return clockBreached(clocks.firstResponse, nowMs) || (clocks.resolution !== null && clockBreached(clocks.resolution, nowMs));
}

/** A running clock (on target or late) whose limit comes within `withinMs` of now. */
export function isBreachingSoon(clocks: TicketClocks | null, nowMs: number, withinMs: number): boolean {
  if (clocks === null) return false;
  return (
    clockBreachingSoon(clocks.firstResponse, nowMs, withinMs) ||
    (clocks.resolution !== null && clockBreachingSoon(clocks.resolution, nowMs, withinMs))
  );
}

export function inSlaView(view: SlaView, clocks: TicketClocks | null, nowMs: number, withinMs: number): boolean {
  if (view === 'any') return true;
  return view === 'breached' ? isBreached(clocks, nowMs) : isBreachingSoon(clocks, nowMs, withinMs);
}
