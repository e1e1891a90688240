// How one SLA clock reads on screen: its state in words and an icon as well as
// a colour, the time left in the clock's own measure (business or wall time),
// and the deadline in the client's zone for the hover text. Pure, so the
// ticket view can re-read it every second and tests can pin it.
import { DateTime } from 'luxon';
import type { SlaClock } from '../../domain/sla';

/** "on target" is a running clock before its target; the engine calls it running. */
export type ClockTone = 'on_target' | 'late' | 'breached' | 'paused' | 'met';

export interface ClockView {
  tone: ClockTone;
  /** The state in words (never colour alone). */
  label: string;
  icon: string;
  /** Time left, or how far past, in the clock's measure. */
  reading: string;
  /** The deadline (or when the clock stopped) in the client's zone. */
  title: string;
}

/**
 * The one icon per state, in the queue and the ticket view alike. Plain
 * symbols every system font has: an emoji (⛔, ⏸) showed as an empty box on a
 * Linux desk without an emoji font.
 */
export const SLA_STATE_ICONS: Record<ClockTone, string> = { on_target: '◷', late: '▲', breached: '✖', paused: '❚❚', met: '✓' };

const LABELS: Record<ClockTone, { label: string; icon: string }> = {
  on_target: { label: 'On target', icon: SLA_STATE_ICONS.on_target },
  late: { label: 'Late', icon: SLA_STATE_ICONS.late },
  breached: { label: 'Breached', icon: SLA_STATE_ICONS.breached },
  paused: { label: 'Paused', icon: SLA_STATE_ICONS.paused },
  met: { label: 'Met', icon: SLA_STATE_ICONS.met },
};

/** h, min and s: the view ticks every second. */
export function formatClockDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h} h ${pad(m)} min ${pad(s)} s` : `${m} min ${pad(s)} s`;
}

export function formatInZone(iso: string, zone: string, locale?: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(zone)
    .setLocale(locale ?? (typeof navigator !== 'undefined' ? navigator.language : 'en-US'))
    .toLocaleString({ ...DateTime.DATETIME_MED_WITH_SECONDS, timeZoneName: 'short' });
}

export function clockView(clock: SlaClock, clientZone: string, locale?: string): ClockView {
  const stopped = clock.stoppedAtMs !== null;
  const tone: ClockTone =
    clock.state === 'running' ? 'on_target' : clock.state === 'met' ? 'met' : clock.state === 'paused' ? 'paused' : clock.state;
  const measure = clock.measure === 'business' ? ' business time' : '';
  const deadline = `due ${formatInZone(clock.targetAt, clientZone, locale)}, breached after ${formatInZone(clock.limitAt, clientZone, locale)}`;
  let reading: string;
  let title: string;
  if (stopped) {
    reading = `${tone === 'met' ? 'met' : 'stopped'} ${formatInZone(clock.stoppedAt!, clientZone, locale)}`;
    title = `Stopped ${formatInZone(clock.stoppedAt!, clientZone, locale)}; was ${deadline}`;
  } else {
    const remaining = clock.remainingMs;
    reading =
      remaining >= 0
        ? `${formatClockDuration(remaining)}${measure} left`
        : clock.state === 'breached'
          ? `${formatClockDuration(-clock.limitRemainingMs)}${measure} past the limit`
          : `${formatClockDuration(-remaining)}${measure} past the target`;
    title = tone === 'paused' ? `Paused; if resumed now, ${deadline}` : deadline;
  }
  return { tone, ...LABELS[tone], reading, title };
}
