import { findPriority, type PrioritySchemeId } from '../../domain/priority-schemes';
import type { SlaPolicy } from '../../domain/sla';
import type { Client, StaffMember, Ticket } from '../../domain/ticket';
import type { TicketClocks } from './sla-urgency';

/** A ticket joined with the names the queue shows. */
export interface QueueRow extends Ticket {
  clientName: string;
  clientTimeZone: string;
  assigneeName: string;
  priorityLabel: string;
  priorityRank: number;
  /** The client's scheme, which names its SLA policy; null for a client this desk does not know. */
  prioritySchemeId: PrioritySchemeId | null;
  /** The client's custom SLA policy, null for its scheme's preset (clientPolicy). */
  customPolicy: SlaPolicy | null;
  /** Lower-cased text the search matches against; built on first search (see searchKey). */
  search?: string;
  /** The ticket's SLA clocks once looked up (row-clocks.ts): the filter and sort read them for every row. */
  clocks?: TicketClocks | null;
}

export function buildQueueRows(tickets: readonly Ticket[], clients: readonly Client[], staff: readonly StaffMember[]): QueueRow[] {
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const rows: QueueRow[] = new Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i]!;
    const client = clientById.get(t.clientId);
    const priority = findPriority(t.priority);
    // An explicit literal, not a spread: one object shape for all rows, built
    // ~3x faster at 100,000 tickets.
    rows[i] = {
      id: t.id,
      clientId: t.clientId,
      title: t.title,
      description: t.description,
      status: t.status,
      priority: t.priority,
      channel: t.channel,
      assigneeId: t.assigneeId,
      openedAt: t.openedAt,
      updatedAt: t.updatedAt,
      sla: t.sla,
      clientName: client?.name ?? 'Unknown client',
      clientTimeZone: client?.timeZone ?? 'UTC',
      assigneeName: t.assigneeId ? (staffName.get(t.assigneeId) ?? 'Unknown') : '',
      priorityLabel: priority?.label ?? t.priority,
      priorityRank: priority?.rank ?? 99,
      prioritySchemeId: client?.prioritySchemeId ?? null,
      customPolicy: client?.customPolicy ?? null,
      search: undefined,
      clocks: undefined,
    };
  }
  return rows;
}

export function searchKey(row: QueueRow): string {
  row.search ??= `${row.title}\u0000${row.clientName}\u0000${row.assigneeName}\u0000${row.id.slice(-8)}`.toLowerCase();
  return row.search;
}
