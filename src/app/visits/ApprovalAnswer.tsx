// The client's answer to an approval request that holds a visit (the quote,
// or more time): its state, and the approval recorded right here with the
// same form the ticket's Approvals section uses; a confirmation or a decline
// is recorded there (the ticket) or from Held requests.
import { useMemo, useState } from 'react';
import { requestStatusLabel } from '../../domain/approval-requests';
import { ApproveForm } from '../approvals/ApprovalsSection';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useCan } from '../session/use-can';
import { useNavStore } from '../shell/nav-store';

export function ApprovalAnswer({
  approvalRequestId,
  ticketId,
  clientId,
}: {
  approvalRequestId: string;
  ticketId: string;
  clientId: string;
}) {
  const { repos } = useServices();
  const requestsLive = useMemo(() => repos.approvals.liveForTicket(ticketId), [repos, ticketId]);
  const contactsLive = useMemo(() => repos.approvals.liveContacts(clientId), [repos, clientId]);
  const request = useLive(requestsLive)?.find((r) => r.id === approvalRequestId);
  const contacts = useLive(contactsLive) ?? [];
  const mayRecord = useCan('approval.record');
  const [approving, setApproving] = useState(false);
  const openTicket = useNavStore((s) => s.openTicket);
  const showScreen = useNavStore((s) => s.showScreen);
  if (!request) return <p className="muted">The approval request is not on this desk yet; sync to see it.</p>;
  return (
    <div className="visit-approval" data-testid="visit-approval">
      <p>
        Client approval: <strong data-testid="visit-approval-status">{requestStatusLabel(request)}</strong>
      </p>
      {request.status === 'awaiting_approval' && mayRecord && !approving && (
        <button type="button" onClick={() => setApproving(true)}>
          Record approval…
        </button>
      )}
      {approving && <ApproveForm request={request} contacts={contacts} onDone={() => setApproving(false)} />}
      {(request.status === 'awaiting_approval' || request.status === 'awaiting_confirmation') && (
        <p className="muted">
          A confirmation or a decline is recorded on the ticket:{' '}
          <button type="button" className="link" onClick={() => openTicket(ticketId)}>
            open the ticket
          </button>{' '}
          or{' '}
          <button type="button" className="link" onClick={() => showScreen('held')}>
            Held requests
          </button>
          .
        </p>
      )}
    </div>
  );
}
