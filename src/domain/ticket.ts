// Ticket vocabulary: statuses and channels (docs/domain/ticket-workflow.md).
import type { SlaEvent } from './sla/history';
import type { TicketLeadTime } from './lead-times';
import type { TicketIntake } from './intake';

export type { Client } from './client';

export const TICKET_STATUSES = ['new', 'open', 'awaiting_reply', 'on_hold', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  awaiting_reply: 'Awaiting your reply',
  on_hold: 'On-Hold',
  closed: 'Closed',
};

export const CHANNELS = ['phone', 'email', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = { phone: 'Phone', email: 'Email', portal: 'Portal' };

export interface Ticket {
  /** UUIDv7: time-ordered, generated offline without coordination. */
  id: string;
  clientId: string;
  title: string;
  description: string;
  status: TicketStatus;
  /** A key of the client's priority scheme (src/domain/priority-schemes.ts). */
  priority: string;
  channel: Channel;
  assigneeId: string | null;
  /** ISO-8601 UTC instants. */
  openedAt: string;
  updatedAt: string;
  /** The events the SLA engine reads, in the server's order (src/domain/sla-history.ts); deadlines are computed from it. */
  sla: readonly SlaEvent[];
  /** A request with a lead time: its type, count, wanted date and promised dates (src/domain/lead-times.ts). */
  leadTime?: TicketLeadTime;
  /** Opened from a phone call: who called, on which number, and what intake was told (src/domain/intake.ts). */
  intake?: TicketIntake;
}

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  /**
   * From the server's user record, for the Staff screen. Absent in the local
   * demo and on rows a desk stored before it kept them, until that person's
   * record changes or the desk downloads again; absent `active` is shown as active.
   */
  email?: string;
  active?: boolean;
}

export const STAFF_ROLES = [
  'intake',
  'technician',
  'engineer',
  'service_coordinator',
  'supervisor',
  'site_director',
  'scheduler',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
