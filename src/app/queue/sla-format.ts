// What a countdown cell says, in words as well as colour: the state, the time
// in the clock's measure, and (for hover and screen readers) the deadline in
// the client's zone.
import type { SlaClockName } from '../../domain/sla';
import { SLA_STATE_ICONS } from '../sla/clock-view';
import { formatInClientZone } from './format-instant';
import type { ClockPlan, ClockReading } from './sla-clock-plan';

/** The colour a state is drawn in; every one also has its own icon and words. */
export type SlaTone = 'on-target' | 'late' | 'breached' | 'paused' | 'met';

const CLOCK_NAMES: Record<SlaClockName, string> = { firstResponse: 'First response', resolution: 'Resolution' };

const pad = (n: number) => String(n).padStart(2, '0');

/** "1h 05m 09s", "12m 05s", "45s": the seconds show, so a counting clock visibly counts. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s % 60)}s`;
  if (m > 0) return `${m}m ${pad(s % 60)}s`;
  return `${s}s`;
}

export function toneOf(r: ClockReading): SlaTone {
  if (r.stopped) return r.state === 'met' ? 'met' : r.state === 'late' ? 'late' : 'breached';
  if (r.state === 'running') return 'on-target';
  return r.state as SlaTone;
}

/** The icon beside the words; hidden from screen readers, which read the words. */
export const TONE_ICON: Record<SlaTone, string> = {
  'on-target': SLA_STATE_ICONS.on_target,
  late: SLA_STATE_ICONS.late,
  breached: SLA_STATE_ICONS.breached,
  paused: SLA_STATE_ICONS.paused,
  met: SLA_STATE_ICONS.met,
};

/** The words in the cell. */
export function clockText(r: ClockReading): string {
  if (r.stopped) return r.state === 'met' ? 'Met' : r.state === 'late' ? 'Met late' : 'Met after breach';
  const t = formatDuration(r.ms);
  if (r.paused) return r.state === 'paused' ? `Paused, ${t} left` : r.state === 'late' ? `Paused late, ${t} to breach` : `Paused, breached`;
  if (r.state === 'breached') return `Breached, ${t} over`;
  if (r.state === 'late') return `Late, breach in ${t}`;
  return `${t} left`;
}

/** The deadline that matters now, in the client's zone: for the tooltip and screen readers. Changes only with the state. */
export function clockDeadline(plan: ClockPlan, r: ClockReading, timeZone: string): string {
  const name = CLOCK_NAMES[plan.clock];
  const measure = plan.measure === 'business' ? 'counted in business hours' : 'counted around the clock';
  const at = (ms: number) => formatInClientZone(new Date(ms).toISOString(), timeZone);
  if (r.stopped) return `${name} stopped ${at(plan.stoppedAtMs!)} (${clockText(r).toLowerCase()})`;
  if (r.paused) return `${name} paused: the clock does not count while the ticket is in this status (${measure})`;
  if (r.state === 'breached') return `${name} breached at ${at(plan.limitAtMs)} (${measure})`;
  if (r.state === 'late') return `${name} target passed; breaches at ${at(plan.limitAtMs)} (${measure})`;
  return `${name} due ${at(plan.targetAtMs)}, breaches at ${at(plan.limitAtMs)} (${measure})`;
}
