// What a priority or status change would do to a ticket's deadlines, before it
// is saved: the same history rule the mutation applies (appendSlaEvent), on a
// copy of the ticket's history, under the same policy.
import { computeSla, type SlaClock, type SlaEvent } from '../../domain/sla';
import { appendSlaEvent } from '../../domain/sla-history';
import type { Client, Ticket, TicketStatus } from '../../domain/ticket';
import { slaPolicyOf } from './ticket-sla';

export type PendingChange = { priority: string } | { status: TicketStatus };

export interface DeadlineChange {
  clock: 'firstResponse' | 'resolution';
  before: SlaClock | null;
  after: SlaClock | null;
}

export function previewDeadlines(
  ticket: Pick<Ticket, 'sla'>,
  client: Pick<Client, 'prioritySchemeId'>,
  change: PendingChange,
  now: number,
): DeadlineChange[] {
  const at = new Date(now).toISOString();
  const event: SlaEvent =
    'priority' in change
      ? { type: 'priority_changed', at, priority: change.priority }
      : { type: 'status_changed', at, status: change.status };
  const policy = slaPolicyOf(client);
  const before = computeSla(policy, ticket.sla, now);
  const after = computeSla(policy, appendSlaEvent(ticket.sla, event), now);
  return [
    { clock: 'firstResponse', before: before.firstResponse, after: after.firstResponse },
    { clock: 'resolution', before: before.resolution, after: after.resolution },
  ];
}
