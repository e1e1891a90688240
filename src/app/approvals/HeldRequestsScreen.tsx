// Held requests: every approval request still waiting for the client, oldest
// first, with whom to call (docs/domain/contacts-and-approvals.md). Opening one
// opens its ticket, where the answer is recorded.
import { useMemo } from 'react';
import { APPROVAL_STATUS_LABELS, isConfirmationOnly, whomToCall } from '../../domain/approval-requests';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { useNavStore } from '../shell/nav-store';
import { amountText, requesterText } from './ApprovalsSection';

/** "3 days", "5 h", "12 min": how long a request has waited. */
export function ageText(fromIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function HeldRequestsScreen() {
  const { repos } = useServices();
  const heldLive = useMemo(() => repos.approvals.liveHeld(), [repos]);
  const contactsLive = useMemo(() => repos.approvals.liveAllContacts(), [repos]);
  const ticketsLive = useMemo(() => repos.tickets.liveAll(), [repos]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const held = useLive(heldLive) ?? [];
  const contacts = useLive(contactsLive) ?? [];
  const tickets = useLive(ticketsLive);
  const reference = useLive(referenceLive);
  const openTicket = useNavStore((s) => s.openTicket);
  const now = useNow(60_000);
  const byId = useMemo(() => new Map((tickets ?? []).map((t) => [t.id, t])), [tickets]);

  return (
    <section className="escalations held-requests" aria-labelledby="held-heading" data-testid="held-requests-screen">
      <div className="screen-header">
        <h1 id="held-heading">Held requests</h1>
        <span className="muted">
          Billable work, and requests from callers not on the client's list, waiting for the client, oldest first
        </span>
      </div>
      {held.length === 0 ? (
        <p className="empty">No requests are held.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Waiting</th>
              <th scope="col">Ticket</th>
              <th scope="col">Client</th>
              <th scope="col">State</th>
              <th scope="col">Requested by</th>
              <th scope="col">Estimate</th>
              <th scope="col">Whom to call</th>
            </tr>
          </thead>
          <tbody>
            {held.map((r) => {
              const clientContacts = contacts.filter((c) => c.clientId === r.clientId);
              return (
                <tr key={r.id} data-testid="held-request-row">
                  <td>{ageText(r.createdAt, now)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => openTicket(r.ticketId)}>
                      {byId.get(r.ticketId)?.title ?? r.ticketId}
                    </button>
                  </td>
                  <td>{reference?.clients.find((c) => c.id === r.clientId)?.name ?? 'Unknown client'}</td>
                  <td>{APPROVAL_STATUS_LABELS[r.status]}</td>
                  <td>{requesterText(r, clientContacts)}</td>
                  <td>{isConfirmationOnly(r) ? 'Nothing billable: confirmation only' : amountText(r.estimateMinutes, r.estimateCents)}</td>
                  <td>{whomToCall(clientContacts)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
