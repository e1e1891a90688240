// Why a deadline is where it is, in data a person can read: the stretches of
// time from the opening to the deadline and what each did to the clock.
import { findPriority } from '../priority-schemes';
import { STATUS_LABELS, type TicketStatus } from '../ticket';
import type { BusinessCalendar } from './business-calendar';
import { segmentsBetween, type LabelledPause, type Measure, type SegmentKind } from './business-time';
import type { TargetSpec } from './policy-types';
import { describeTarget } from './targets';

export interface SlaSegment {
  /** business/wall: counted; closed, holiday, paused: not counted. */
  kind: SegmentKind;
  start: string;
  end: string;
  minutes: number;
  /** Holiday name for 'holiday', status label for 'paused'. */
  label?: string;
}

export interface SlaExplanation {
  /** One or two sentences for a tooltip. */
  summary: string;
  segments: SlaSegment[];
}

export interface ExplainInput {
  calendar: BusinessCalendar;
  measure: Measure;
  clock: 'firstResponse' | 'resolution';
  priority: string;
  basis: 'business-hours' | 'after-hours';
  spec: TargetSpec;
  openedAt: number;
  openedOutsideHours: boolean;
  targetAt: number;
  limitAt: number;
  targetMs: number;
  limitMs: number;
  /** Flat [s0, e0, ...] pause intervals and the status each was spent in. */
  pauses: { flat: readonly number[]; labels: readonly TicketStatus[] };
}

const CLOCK_NAMES = { firstResponse: 'first response', resolution: 'resolution' } as const;

function minutes(ms: number): number {
  return Math.round((ms / 60_000) * 1000) / 1000;
}

export function explain(x: ExplainInput): SlaExplanation {
  const pauses = x.pauses.labels.map((st, i): LabelledPause => ({
    start: x.pauses.flat[2 * i]!,
    end: x.pauses.flat[2 * i + 1]!,
    label: STATUS_LABELS[st],
  }));
  const raw = segmentsBetween(x.measure === 'wall' ? null : x.calendar, x.openedAt, x.limitAt, pauses);
  const segments = raw.map((s): SlaSegment => {
    const seg: SlaSegment = {
      kind: s.kind,
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      minutes: minutes(s.end - s.start),
    };
    if (s.label !== null) seg.label = s.label;
    return seg;
  });
  const label = findPriority(x.priority)?.label ?? x.priority;
  const counted = x.measure === 'wall' ? 'minutes around the clock' : `business minutes (${x.calendar.timeZone})`;
  const amount = x.targetMs === x.limitMs ? `${minutes(x.targetMs)}` : `${minutes(x.targetMs)}, breached after ${minutes(x.limitMs)}`;
  const paused = segments.filter((s) => s.kind === 'paused').reduce((sum, s) => sum + s.minutes, 0);
  const parts = [
    `${label} ${CLOCK_NAMES[x.clock]}: ${describeTarget(x.spec)}${x.basis === 'after-hours' ? ' (after-hours target: opened outside business hours)' : ''}.`,
  ];
  if (x.openedOutsideHours && x.basis === 'business-hours' && x.measure === 'business')
    parts.push('Opened outside business hours, so the clock starts at the next opening.');
  parts.push(`Late after ${amount} ${counted}${paused > 0 ? `, not counting ${minutes(paused)} minutes paused` : ''}.`);
  return { summary: parts.join(' '), segments };
}
