// What a priority or status change would do to a ticket's deadlines, before it
// is saved: the same history rule the mutation applies (appendSlaEvent), on a
// copy of the ticket's history, under the same policy.
import { computeSla, SlaInputError, type SlaClock, type SlaEvent, type SlaResult } from '../../domain/sla';
import { appendSlaEvent } from '../../domain/sla-history';
import type { PolicySource } from '../../domain/client-policy';
import type { Ticket, TicketStatus } from '../../domain/ticket';
import { slaPolicyOf } from './ticket-sla';

export type PendingChange = { priority: string } | { status: TicketStatus };

export interface DeadlineChange {
  clock: 'firstResponse' | 'resolution';
  before: SlaClock | null;
  after: SlaClock | null;
}

export function previewDeadlines(
  ticket: Pick<Ticket, 'sla'>,
  client: PolicySource,
  change: PendingChange,
  now: number,
): DeadlineChange[] | null {
  const at = new Date(now).toISOString();
  const event: SlaEvent =
    'priority' in change
      ? { type: 'priority_changed', at, priority: change.priority }
      : { type: 'status_changed', at, status: change.status };
  const policy = slaPolicyOf(client);
  let before: SlaResult, after: SlaResult;
  try {
    before = computeSla(policy, ticket.sla, now);
    after = computeSla(policy, appendSlaEvent(ticket.sla, event), now);
  } catch (error) {
    // A priority the contract does not know (or a history the engine refuses) has no deadlines to preview.
    if (error instanceof SlaInputError) return null;
    throw error;
  }
  return [
    { clock: 'firstResponse', before: before.firstResponse, after: after.firstResponse },
    { clock: 'resolution', before: before.resolution, after: after.resolution },
  ];
}
