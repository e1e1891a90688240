// Which SLA notifications are due for one person (docs/domain/escalations-and-notifications.md):
// a warning a set time before a clock breaches, then when it turns late, then
// when it breaches; each once per ticket, clock and kind. Outside the person's
// working hours only Critical tickets notify; the rest wait for the next opening.
import type { BusinessCalendar, CalendarSpec, SlaClockName, SlaResult, SlaState } from './sla';

export const NOTIFICATION_KINDS = ['warning', 'late', 'breached'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DEFAULT_WARN_BEFORE_MS = 30 * 60_000;

/** Working hours when a person has set none: Monday to Friday, 08:00 to 17:00, in the given zone. */
export function defaultWorkingHours(timeZone: string): CalendarSpec {
  const day = [{ from: '08:00', to: '17:00' }];
  return { timeZone, week: { mon: day, tue: day, wed: day, thu: day, fri: day } };
}

/** One clock as notifications see it: what computeSla says of it, in epoch ms. */
export interface ClockStanding {
  clock: SlaClockName;
  state: SlaState;
  /** Breached after this instant (the limit; equal to the target when the policy sets no separate limit). */
  limitAtMs: number;
}

export interface WatchedTicket {
  ticketId: string;
  title: string;
  /** The priority's rank (src/domain/priority-schemes.ts): 1 is Critical. */
  priorityRank: number;
  clocks: readonly ClockStanding[];
}

export interface DueNotification {
  /** Dedupe key: `${ticketId}:${clock}:${kind}`. */
  key: string;
  ticketId: string;
  clock: SlaClockName;
  kind: NotificationKind;
  title: string;
  body: string;
}

export interface NotificationCheck {
  nowMs: number;
  /** Keys of notifications already delivered (kept by the desk). */
  sent: ReadonlySet<string>;
  /** The recipient's working hours. */
  workingHours: BusinessCalendar;
  warnBeforeMs?: number;
}

export interface NotificationPlan {
  /** Deliver these now. */
  deliver: DueNotification[];
  /** Keys to remember as sent: the delivered ones and the milder kinds they make pointless. */
  record: string[];
  /** Due but held outside working hours; delivered (if still due) at heldUntilMs. */
  held: DueNotification[];
  /** The next opening of the working hours when something is held, else null. */
  heldUntilMs: number | null;
}

export const notificationKey = (ticketId: string, clock: SlaClockName, kind: NotificationKind): string => `${ticketId}:${clock}:${kind}`;

const CLOCK_LABELS: Record<SlaClockName, string> = { firstResponse: 'First response', resolution: 'Resolution' };

/** The clocks of a computed SLA, for watchedTicket(). */
export function clockStandings(sla: SlaResult): ClockStanding[] {
  const clocks = sla.resolution ? [sla.firstResponse, sla.resolution] : [sla.firstResponse];
  return clocks.map((c) => ({ clock: c.clock, state: c.state, limitAtMs: c.limitAtMs }));
}

/** The most severe kind a clock has reached now, or null (met, paused, or far from its limit). */
export function reachedKind(c: ClockStanding, nowMs: number, warnBeforeMs: number): NotificationKind | null {
  if (c.state === 'breached') return 'breached';
  if (c.state === 'late') return 'late';
  if (c.state === 'running' && c.limitAtMs - nowMs <= warnBeforeMs) return 'warning';
  return null;
}

function describe(ticket: WatchedTicket, c: ClockStanding, kind: NotificationKind, nowMs: number): { title: string; body: string } {
  const clock = CLOCK_LABELS[c.clock];
  if (kind === 'warning') {
    const minutes = Math.max(1, Math.ceil((c.limitAtMs - nowMs) / 60_000));
    return { title: `${clock} breaches in ${minutes} min`, body: ticket.title };
  }
  return { title: kind === 'late' ? `${clock} is late` : `${clock} breached`, body: ticket.title };
}

export function dueNotifications(tickets: readonly WatchedTicket[], check: NotificationCheck): NotificationPlan {
  const { nowMs, sent, workingHours } = check;
  const warnBeforeMs = check.warnBeforeMs ?? DEFAULT_WARN_BEFORE_MS;
  const working = workingHours.isOpenAt(nowMs);
  const plan: NotificationPlan = { deliver: [], record: [], held: [], heldUntilMs: null };
  for (const ticket of tickets) {
    for (const c of ticket.clocks) {
      const kind = reachedKind(c, nowMs, warnBeforeMs);
      if (kind === null) continue;
      const key = notificationKey(ticket.ticketId, c.clock, kind);
      if (sent.has(key)) continue;
      const due: DueNotification = { key, ticketId: ticket.ticketId, clock: c.clock, kind, ...describe(ticket, c, kind, nowMs) };
      if (!working && ticket.priorityRank > 1) {
        plan.held.push(due);
        continue;
      }
      plan.deliver.push(due);
      // Only the most severe: a clock found breached is not also announced as late and nearly breached.
      const milder = NOTIFICATION_KINDS.slice(0, NOTIFICATION_KINDS.indexOf(kind) + 1);
      plan.record.push(...milder.map((k) => notificationKey(ticket.ticketId, c.clock, k)));
    }
  }
  if (plan.held.length > 0) plan.heldUntilMs = workingHours.nextOpening(nowMs);
  return plan;
}

/** Tickets with a breached clock: the window's badge. */
export function breachedCount(tickets: readonly WatchedTicket[]): number {
  return tickets.filter((t) => t.clocks.some((c) => c.state === 'breached')).length;
}
