// How the board words a visit: times in the SITE's zone with the zone named
// (a technician drives to the site's clock), and why a waiting visit cannot be
// booked yet. Formatters are built once per zone: the board labels thousands.
import type { VisitStage } from '../../domain/visits';

interface ZoneHour {
  offsetMs: number;
  name: string;
}

const zoneHours = new Map<string, ZoneHour>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'short',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The zone's offset and short name during the UTC hour holding `ms`: asked of
 * Intl once per zone and hour, then reused for every visit in that hour (the
 * board labels thousands; zones change offset on a whole UTC hour).
 */
function zoneHour(zone: string, ms: number): ZoneHour {
  const hourMs = Math.floor(ms / 3_600_000) * 3_600_000;
  const key = `${zone}|${hourMs}`;
  let found = zoneHours.get(key);
  if (!found) {
    const parts: Record<string, string> = {};
    for (const p of formatter(zone).formatToParts(hourMs)) parts[p.type] = p.value;
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
    found = { offsetMs: wall - hourMs, name: parts.timeZoneName ?? zone };
    zoneHours.set(key, found);
  }
  return found;
}

function wallTime(ms: number, zone: string): { time: string; name: string } {
  const { offsetMs, name } = zoneHour(zone, ms);
  const minutes = Math.floor((ms + offsetMs) / 60_000);
  const minuteOfDay = ((minutes % 1440) + 1440) % 1440;
  const time = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
  return { time, name };
}

/** "09:00–12:00 CST": start and end in the site's zone, the zone's short name (at the start) once. */
export function slotTimes(startMs: number, endMs: number, siteZone: string): string {
  const s = wallTime(startMs, siteZone);
  const e = wallTime(endMs, siteZone);
  return `${s.time}–${e.time} ${s.name}`;
}

/** Why a visit on the waiting list cannot be booked yet, or null when it can. */
export function notBookableReason(stage: VisitStage): string | null {
  switch (stage) {
    case 'to_schedule':
      return null;
    case 'awaiting_approval':
      return 'Waiting for the client’s approval of the quote (Held requests).';
    case 'awaiting_prepayment':
      return 'Approved; waiting for the prepayment to be recorded (Visits).';
    case 'declined':
      return 'The client declined the quote.';
    default:
      return `This visit is ${stage.replace(/_/g, ' ')}.`;
  }
}

/** The stages the waiting list shows: those to book, and those on their way to it (greyed). */
export const WAITING_STAGES: readonly VisitStage[] = ['to_schedule', 'awaiting_prepayment', 'awaiting_approval'];
