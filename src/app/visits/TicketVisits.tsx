// A ticket's onsite visits: each with its stage and booking, linking to the
// Visits screen, and "Request onsite visit" (also Shift+V on the open ticket).
import { forwardRef, useId, useImperativeHandle, useMemo, useState } from 'react';
import { statusOfIn } from '../../data/visit-repository';
import type { Client } from '../../domain/ticket';
import { describeSlot } from '../../domain/visit-schedule';
import { visitStage, VISIT_STAGE_LABELS } from '../../domain/visits';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useCan } from '../session/use-can';
import { useNavStore } from '../shell/nav-store';
import { shortcutFor } from '../shell/shortcuts';
import { RequestVisitDialog } from './RequestVisitDialog';
import { useVisitsStore } from './visits-store';

export interface TicketVisitsHandle {
  /** Shift+V on the open ticket (src/app/shell/shortcuts.ts). */
  startRequest(): void;
}

export const TicketVisits = forwardRef<TicketVisitsHandle, { ticketId: string; client: Client | undefined }>(function TicketVisits(
  { ticketId, client },
  ref,
) {
  const { repos } = useServices();
  const data = useLive(useMemo(() => repos.visits.liveForTicket(ticketId), [repos, ticketId]));
  const mayRequest = useCan('visit.request');
  const [requesting, setRequesting] = useState(false);
  const headingId = useId();
  const key = shortcutFor('ticket-request-visit');

  useImperativeHandle(ref, () => ({ startRequest: () => setRequesting(true) }), []);

  const openVisit = (id: string) => {
    useVisitsStore.getState().select(id);
    const nav = useNavStore.getState();
    nav.closeTicket();
    nav.showScreen('visits');
  };
  const statusOf = statusOfIn(data?.approvals ?? new Map());

  return (
    <section className="approvals-panel ticket-visits" aria-labelledby={headingId} data-testid="ticket-visits">
      <h3 id={headingId}>Onsite visits</h3>
      {!data || data.visits.length === 0 ? (
        <p className="muted">No onsite visit on this ticket.</p>
      ) : (
        <ul>
          {data.visits.map((v) => {
            const site = client?.sites.find((s) => s.id === v.siteId);
            return (
              <li key={v.id} data-testid="ticket-visit">
                <strong data-testid="ticket-visit-stage">{VISIT_STAGE_LABELS[visitStage(v, statusOf)]}</strong> ·{' '}
                {site?.name ?? 'unknown site'} · {v.scope} ·{' '}
                {v.startsAt && v.endsAt ? describeSlot(v.startsAt, v.endsAt, site?.timeZone ?? client?.timeZone ?? 'UTC') : 'not booked'}{' '}
                <button type="button" className="link" onClick={() => openVisit(v.id)}>
                  Open in Visits
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {mayRequest && client && (
        <button type="button" onClick={() => setRequesting(true)} aria-keyshortcuts={key.key}>
          Request onsite visit… <kbd>{key.label}</kbd>
        </button>
      )}
      {requesting && client && <RequestVisitDialog ticketId={ticketId} client={client} onClose={() => setRequesting(false)} />}
    </section>
  );
});
