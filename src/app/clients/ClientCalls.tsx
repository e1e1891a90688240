// The client's most recent calls, newest first (docs/domain/phone-intake.md,
// "Call log"); a call about a ticket opens it. The full record of each call is
// on its ticket's timeline.
import { useMemo } from 'react';
import { CALL_OUTCOME_LABELS, callSeconds, formatCallDuration } from '../../domain/calls';
import { formatPhone } from '../../domain/phone';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useNavStore } from '../shell/nav-store';
import { formatInUserZone } from '../ticket/timeline-format';

export function ClientCalls({ clientId }: { clientId: string }) {
  const { repos } = useServices();
  const calls = useLive(useMemo(() => repos.calls.liveRecentForClient(clientId), [repos, clientId]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const openTicket = useNavStore((s) => s.openTicket);
  const staff = useMemo(() => new Map((reference?.staff ?? []).map((s) => [s.id, s.name])), [reference]);

  return (
    <section className="client-calls" aria-labelledby="client-calls-heading" data-testid="client-calls">
      <h2 id="client-calls-heading">Recent calls</h2>
      {!calls ? (
        <p className="muted">Loading calls…</p>
      ) : calls.length === 0 ? (
        <p className="empty">No calls logged for this client yet.</p>
      ) : (
        <table className="data-table" aria-labelledby="client-calls-heading">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Caller</th>
              <th scope="col">Direction</th>
              <th scope="col">Length</th>
              <th scope="col">Outcome</th>
              <th scope="col">Taken by</th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id} data-testid="client-call-row">
                <td>
                  <time dateTime={c.startedAt}>{formatInUserZone(c.startedAt)}</time>
                </td>
                <td>
                  {c.callerName}
                  {c.callerNumber && <span className="muted"> · {formatPhone(c.callerNumber, c.callerExtension)}</span>}
                </td>
                <td>{c.direction === 'inbound' ? 'Inbound' : 'Outbound'}</td>
                <td>{formatCallDuration(callSeconds(c.startedAt, c.endedAt))}</td>
                <td>
                  {c.ticketId ? (
                    <button type="button" className="link" onClick={() => openTicket(c.ticketId!)}>
                      {CALL_OUTCOME_LABELS[c.outcome]}
                    </button>
                  ) : (
                    CALL_OUTCOME_LABELS[c.outcome]
                  )}
                </td>
                <td>{staff.get(c.takenBy) ?? 'Someone not on this desk'}</td>
                <td>{c.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
