// Which tickets notify whom: those assigned to me, and those escalated to my
// role and not yet acknowledged (docs/domain/escalations-and-notifications.md).
import { clockStandings, type WatchedTicket } from '../../domain/notifications';
import { findPriority } from '../../domain/priority-schemes';
import type { Client, StaffMember, Ticket } from '../../domain/ticket';
import type { EscalationRecord } from '../../protocol/records';
import { ticketSla } from '../sla/ticket-sla';

export function watchedTickets(
  tickets: readonly Ticket[],
  openEscalations: readonly EscalationRecord[],
  me: Pick<StaffMember, 'id' | 'role'>,
  clients: ReadonlyMap<string, Client>,
  nowMs: number,
): WatchedTicket[] {
  const escalatedToMe = new Set(openEscalations.filter((e) => e.toRole === me.role).map((e) => e.ticketId));
  const watched: WatchedTicket[] = [];
  for (const ticket of tickets) {
    if (ticket.status === 'closed' || (ticket.assigneeId !== me.id && !escalatedToMe.has(ticket.id))) continue;
    const client = clients.get(ticket.clientId);
    if (!client) continue;
    try {
      const sla = ticketSla(ticket, client, nowMs);
      watched.push({
        ticketId: ticket.id,
        title: ticket.title,
        priorityRank: findPriority(ticket.priority)?.rank ?? Number.MAX_SAFE_INTEGER,
        clocks: clockStandings(sla),
      });
    } catch (error) {
      // A ticket whose history the policy cannot read shows its error in the queue; it cannot notify.
      console.warn('no SLA for ticket', ticket.id, error);
    }
  }
  return watched;
}
