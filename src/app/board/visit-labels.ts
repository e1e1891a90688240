// How the board words a visit: times in the SITE's zone with the zone named
// (a technician drives to the site's clock), and why a waiting visit cannot be
// booked yet. Formatters are built once per zone: the board labels thousands.
import type { VisitStage } from '../../domain/visits';

const formatters = new Map<string, Intl.DateTimeFormat>();

function timeFormat(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      });
    } catch {
      f = new Intl.DateTimeFormat(undefined, {
        timeZone: 'UTC',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      });
    }
    formatters.set(zone, f);
  }
  return f;
}

/** "09:00–12:00 CST": start and end in the site's zone, the zone's short name once. */
export function slotTimes(startMs: number, endMs: number, siteZone: string): string {
  const f = timeFormat(siteZone);
  const part = (ms: number) => {
    let time = '';
    let zoneName = '';
    for (const p of f.formatToParts(ms)) {
      if (p.type === 'timeZoneName') zoneName = p.value;
      else if (p.type === 'hour' || p.type === 'minute' || (p.type === 'literal' && p.value === ':')) time += p.value;
    }
    return { time, zoneName };
  };
  const s = part(startMs);
  const e = part(endMs);
  return `${s.time}–${e.time} ${s.zoneName}`;
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
