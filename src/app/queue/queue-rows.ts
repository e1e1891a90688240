import { findPriority } from '../../domain/priority-schemes';
import type { Client, StaffMember, Ticket } from '../../domain/ticket';

/** A ticket joined with the names the queue shows, and a lower-cased search key. */
export interface QueueRow extends Ticket {
  clientName: string;
  clientTimeZone: string;
  assigneeName: string;
  priorityLabel: string;
  priorityRank: number;
  search: string;
}

export function buildQueueRows(tickets: readonly Ticket[], clients: readonly Client[], staff: readonly StaffMember[]): QueueRow[] {
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const rows: QueueRow[] = new Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i]!;
    const client = clientById.get(t.clientId);
    const priority = findPriority(t.priority);
    const assigneeName = t.assigneeId ? (staffById.get(t.assigneeId)?.name ?? 'Unknown') : '';
    const clientName = client?.name ?? 'Unknown client';
    rows[i] = {
      ...t,
      clientName,
      clientTimeZone: client?.timeZone ?? 'UTC',
      assigneeName,
      priorityLabel: priority?.label ?? t.priority,
      priorityRank: priority?.rank ?? 99,
      search: `${t.title}\u0000${clientName}\u0000${assigneeName}\u0000${t.id.slice(-8)}`.toLowerCase(),
    };
  }
  return rows;
}
