import { findPriority } from '../../domain/priority-schemes';
import type { SlaResult } from '../../domain/sla';
import { CHANNEL_LABELS, STATUS_LABELS, type Client, type StaffMember, type Ticket } from '../../domain/ticket';
import { formatInClientZone } from '../queue/format-instant';
import { SlaClockBadge } from './SlaClockBadge';

/**
 * Who and what the ticket is, and both clocks. A ticket records its channel
 * but not yet its caller (that comes with phone intake, docs/domain/phone-intake.md),
 * so the header shows how the request came in.
 */
export function TicketHeader({
  ticket,
  client,
  assignee,
  sla,
}: {
  ticket: Ticket;
  client: Client | undefined;
  assignee: StaffMember | undefined;
  sla: SlaResult | null;
}) {
  const zone = client?.timeZone ?? 'UTC';
  return (
    <section className="ticket-header" aria-label="Ticket summary">
      <dl>
        <dt>Client</dt>
        <dd>{client?.name ?? 'Unknown client'}</dd>
        <dt>Came in by</dt>
        <dd>{CHANNEL_LABELS[ticket.channel]}</dd>
        <dt>Status</dt>
        <dd data-testid="detail-status">{STATUS_LABELS[ticket.status]}</dd>
        <dt>Priority</dt>
        <dd data-testid="detail-priority">{findPriority(ticket.priority)?.label ?? ticket.priority}</dd>
        <dt>Assignee</dt>
        <dd data-testid="detail-assignee">{assignee?.name ?? 'Unassigned'}</dd>
        <dt>Opened</dt>
        <dd>{formatInClientZone(ticket.openedAt, zone)}</dd>
      </dl>
      {sla && (
        <div className="sla-clocks" role="group" aria-label="SLA clocks">
          <SlaClockBadge name="First response" clock={sla.firstResponse} zone={zone} testId="clock-first-response" />
          <SlaClockBadge name="Resolution" clock={sla.resolution} zone={zone} testId="clock-resolution" />
        </div>
      )}
    </section>
  );
}
