// INTERIM, replaced by main's ticket-sla.ts when tickets carry their compact SLA
// history (issue 10): same signature. Until then the history is rebuilt from
// the ticket alone (opened, and its current status since its last update), which
// is what the escalations screen and notifications need to show a state.
import { SLA_PRESETS } from '../../../resources/sla-presets';
import { computeSla, type SlaEvent, type SlaResult } from '../../domain/sla';
import type { Client, Ticket } from '../../domain/ticket';

export function ticketSla(ticket: Ticket, client: Client, now: number | Date | string): SlaResult {
  const history: SlaEvent[] = [{ type: 'opened', at: ticket.openedAt, priority: ticket.priority, status: 'new' }];
  if (ticket.status !== 'new') history.push({ type: 'status_changed', at: ticket.updatedAt, status: ticket.status });
  return computeSla(SLA_PRESETS[client.prioritySchemeId], history, now);
}
