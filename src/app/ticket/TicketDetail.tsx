import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { findPriority } from '../../domain/priority-schemes';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../domain/ticket';
import { nextStatuses } from '../../domain/ticket-workflow';
import { useLive } from '../hooks/useLive';
import { formatInClientZone } from '../queue/format-instant';
import { useServices } from '../services';
import { TimePanel } from './TimePanel';
import { EscalateAction } from './EscalateAction';

export function TicketDetail({ ticketId, onClose }: { ticketId: string; onClose(): void }) {
  const { repos } = useServices();
  const ticketLive = useMemo(() => repos.tickets.liveOne(ticketId), [repos, ticketId]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const ticket = useLive(ticketLive);
  const reference = useLive(referenceLive);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [ticketId]);

  if (!ticket) return null;
  const client = reference?.clients.find((c) => c.id === ticket.clientId);
  const assignee = reference?.staff.find((s) => s.id === ticket.assigneeId);
  const zone = client?.timeZone ?? 'UTC';

  return (
    <aside className="detail" role="dialog" aria-labelledby={headingId} data-testid="ticket-detail">
      <header>
        <h2 id={headingId}>{ticket.title}</h2>
        <button ref={closeRef} type="button" onClick={onClose} aria-label="Close ticket (Esc)">
          ✕
        </button>
      </header>
      <dl>
        <dt>Client</dt>
        <dd>{client?.name ?? 'Unknown client'}</dd>
        <dt>Status</dt>
        <dd data-testid="detail-status">{STATUS_LABELS[ticket.status]}</dd>
        <dt>Priority</dt>
        <dd>{findPriority(ticket.priority)?.label ?? ticket.priority}</dd>
        <dt>Channel</dt>
        <dd>{CHANNEL_LABELS[ticket.channel]}</dd>
        <dt>Assignee</dt>
        <dd>{assignee?.name ?? 'Unassigned'}</dd>
        <dt>Opened</dt>
        <dd>{formatInClientZone(ticket.openedAt, zone)}</dd>
        <dt>Ticket id</dt>
        <dd className="mono">{ticket.id}</dd>
      </dl>
      <p className="description">{ticket.description || <span className="muted">No description.</span>}</p>
      <div className="status-actions" role="group" aria-label="Change status">
        {nextStatuses(ticket.status).map((s) => (
          <button
            key={s}
            type="button"
            onClick={() => {
              setError(null);
              repos.tickets.setStatus(ticket.id, s).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
            }}
          >
            {STATUS_LABELS[s]}
          </button>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <TimePanel ticketId={ticket.id} timeZone={zone} />
      <EscalateAction ticket={ticket} />
    </aside>
  );
}
