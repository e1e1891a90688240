// A ticket's compact SLA history: the few events the SLA engine reads (opened,
// priority and status changes, the first public reply), carried on the ticket
// itself so the queue computes every deadline without the full timeline.
// The desk's prediction and the server's handlers keep it with these same
// functions; the server's copy wins. Why and how: docs/domain/sla-history.md.
import type { SlaEvent } from './sla/history';
import type { TicketStatus } from './ticket';

export type SlaHistoryEvent = SlaEvent;

/** The history of a ticket just opened. */
export function openedHistory(at: string, priority: string, status: TicketStatus = 'new'): SlaEvent[] {
  return [{ type: 'opened', at, priority, status }];
}

/** The status in force after the last event. */
export function statusOf(history: readonly SlaEvent[]): TicketStatus | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (e.type === 'status_changed' || e.type === 'opened') return e.status ?? 'new';
  }
  return undefined;
}

/** The priority in force after the last event. */
export function priorityOf(history: readonly SlaEvent[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (e.type === 'priority_changed' || e.type === 'opened') return e.priority;
  }
  return undefined;
}

/**
 * The history with `event` added, or the same list when the event changes
 * nothing the engine reads: a reply after the first, a "change" to the status
 * or priority already in force. Events stay in the order they are applied (the
 * server's order); one acted on earlier than the last event (another desk's
 * clock, a desk that was offline) counts from the last event's time, since
 * the engine reads events in time order and the server's order is the truth.
 * A history with no opening has nothing to add to and is returned as it is.
 */
export function appendSlaEvent(history: readonly SlaEvent[], event: SlaEvent): readonly SlaEvent[] {
  const last = history[history.length - 1];
  if (!last || event.type === 'opened') return history;
  if (event.type === 'public_reply' && history.some((e) => e.type === 'public_reply')) return history;
  if (event.type === 'status_changed' && statusOf(history) === event.status) return history;
  if (event.type === 'priority_changed' && priorityOf(history) === event.priority) return history;
  const at = Date.parse(event.at) < Date.parse(last.at) ? last.at : new Date(event.at).toISOString();
  return [...history, { ...event, at }];
}
