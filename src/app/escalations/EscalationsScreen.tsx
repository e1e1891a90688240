import { useMemo, useState } from 'react';
import { ESCALATION_CHAIN, ESCALATION_ROLE_LABELS } from '../../domain/escalation';
import type { SlaClock } from '../../domain/sla';
import type { Client, Ticket } from '../../domain/ticket';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { formatInClientZone } from '../queue/format-instant';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { useNavStore } from '../shell/nav-store';
import { ticketSla } from '../sla/ticket-sla';
import { escalationsFor } from './escalations-for';

const STATE_TEXT = { running: 'On target', paused: 'Paused', met: 'Met', late: 'Late', breached: 'Breached' } as const;

function slaText(ticket: Ticket | undefined, client: Client | undefined, now: number): string {
  if (!ticket || !client) return '—';
  try {
    const sla = ticketSla(ticket, client, now);
    const clocks: SlaClock[] = sla.resolution ? [sla.firstResponse, sla.resolution] : [sla.firstResponse];
    return clocks.map((c) => `${c.clock === 'firstResponse' ? 'Response' : 'Resolution'}: ${STATE_TEXT[c.state]}`).join(' · ');
  } catch {
    return 'No SLA';
  }
}

/** Open escalations to my role, with Acknowledge. */
export function EscalationsScreen() {
  const { repos } = useServices();
  const open = useLive(useMemo(() => repos.escalations.liveOpen(), [repos]));
  const tickets = useLive(useMemo(() => repos.tickets.liveAll(), [repos]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const openTicket = useNavStore((s) => s.openTicket);
  const now = useNow(30_000);
  const [error, setError] = useState<string | null>(null);
  const me = reference?.staff.find((s) => s.id === currentUserId);
  const mine = escalationsFor(me?.role, open ?? []);
  const byId = useMemo(() => new Map((tickets ?? []).map((t) => [t.id, t])), [tickets]);

  return (
    <section className="escalations" aria-labelledby="escalations-heading" data-testid="escalations-screen">
      <div className="screen-header">
        <h1 id="escalations-heading">Escalations</h1>
        <span className="muted">{me ? `to the ${me.role === 'admin' ? 'whole chain' : roleLabel(me.role)}` : 'Sign in to see yours'}</span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {mine.length === 0 ? (
        <p className="empty">No open escalations.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Step</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">SLA</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mine.map((e) => {
              const ticket = byId.get(e.ticketId);
              const client = reference?.clients.find((c) => c.id === ticket?.clientId);
              const by = reference?.staff.find((s) => s.id === e.escalatedBy);
              return (
                <tr key={e.id} data-testid="escalation-row">
                  <td>
                    <button type="button" className="link" onClick={() => openTicket(e.ticketId)}>
                      {ticket?.title ?? e.ticketId}
                    </button>
                  </td>
                  <td>
                    {e.level} of {ESCALATION_CHAIN.length}: {ESCALATION_ROLE_LABELS[e.toRole]}
                  </td>
                  <td>{e.reason}</td>
                  <td>{by?.name ?? 'Unknown'}</td>
                  <td>{formatInClientZone(e.escalatedAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}</td>
                  <td>{slaText(ticket, client, now)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setError(null);
                        repos.escalations
                          .acknowledge(e.id)
                          .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
                      }}
                    >
                      Acknowledge
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function roleLabel(role: string): string {
  return role in ESCALATION_ROLE_LABELS ? ESCALATION_ROLE_LABELS[role as keyof typeof ESCALATION_ROLE_LABELS] : role;
}

/** The count the navigation shows beside "Escalations". */
export function useEscalationCount(): number {
  const { repos } = useServices();
  const open = useLive(useMemo(() => repos.escalations.liveOpen(), [repos]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const me = reference?.staff.find((s) => s.id === currentUserId);
  return escalationsFor(me?.role, open ?? []).length;
}
