import { useMemo } from 'react';
import { describeLeadTime } from '../../domain/lead-times';
import type { Client, Ticket } from '../../domain/ticket';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { describeDates, formatCivilDate, previewLeadTime } from './lead-time-view';

/**
 * A request's type and the dates it promised (docs/domain/lead-times.md). The
 * server's dates once they have arrived; until then the desk's own, computed
 * the same way from when the ticket was opened, and marked as such.
 */
export function TicketLeadTime({ ticket, client }: { ticket: Ticket; client: Client | undefined }) {
  const { repos } = useServices();
  const types = useLive(useMemo(() => repos.requestTypes.live(), [repos]));
  const lead = ticket.leadTime;
  if (!lead) return null;
  const type = types?.find((t) => t.id === lead.requestTypeId);
  let dates: { earliest: string; latest: string | null } | null =
    lead.promisedEarliest === undefined ? null : { earliest: lead.promisedEarliest, latest: lead.promisedLatest ?? null };
  const provisional = dates === null;
  if (dates === null && type && client) {
    const preview = previewLeadTime(type, lead.requestParam, null, client, Date.parse(ticket.openedAt));
    if (preview.ok) dates = preview.dates;
  }
  const inside = dates !== null && lead.customerWantedDate !== null && lead.customerWantedDate < dates.earliest;
  return (
    <section className="ticket-lead-time" aria-label="Request and lead time" data-testid="ticket-lead-time">
      <dl>
        <dt>Request type</dt>
        <dd data-testid="ticket-request-type">
          {type ? `${type.name} (${describeLeadTime(type.unit, type.minDays, type.maxDays)})` : 'Unknown request type'}
          {type?.archived ? ' · archived' : ''}
        </dd>
        {type?.parameter && lead.requestParam !== null && (
          <>
            <dt>{type.parameter.label}</dt>
            <dd>{lead.requestParam}</dd>
          </>
        )}
        <dt>Promised</dt>
        <dd data-testid="ticket-promised-dates">
          {dates ? describeDates(dates.earliest, dates.latest) : '—'}
          {dates && provisional ? <span className="muted"> (this desk&apos;s estimate until the server&apos;s arrives)</span> : null}
        </dd>
        {lead.customerWantedDate !== null && (
          <>
            <dt>Customer wants it by</dt>
            <dd>
              {formatCivilDate(lead.customerWantedDate)}
              {inside ? <strong className="lead-time-warning-inline"> · inside the minimum lead time: best effort</strong> : null}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
