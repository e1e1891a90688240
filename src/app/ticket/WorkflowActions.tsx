import { forwardRef, useId, useImperativeHandle, useMemo, useRef, useState, type FormEvent } from 'react';
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { STATUS_LABELS, type Client, type StaffMember, type Ticket, type TicketStatus } from '../../domain/ticket';
import { nextStatuses, transitionAction } from '../../domain/ticket-workflow';
import { previewDeadlines } from '../sla/deadline-preview';
import { useServices } from '../services';
import { DeadlinePreview } from './DeadlinePreview';

export interface WorkflowHandle {
  startClosing(): void;
  assignToMe(): void;
}

interface Props {
  ticket: Ticket;
  client: Client | undefined;
  staff: readonly StaffMember[];
  currentUserId: string | null;
  now: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Status (closing asks for the resolution, reopening for the reason), priority
 * and assignee. A status or priority change shows the deadlines it would give
 * before it is saved (docs/domain/ticket-workflow.md).
 */
export const WorkflowActions = forwardRef<WorkflowHandle, Props>(function WorkflowActions(
  { ticket, client, staff, currentUserId, now },
  ref,
) {
  const { repos } = useServices();
  const [status, setStatus] = useState<TicketStatus>(ticket.status);
  const [priority, setPriority] = useState(ticket.priority);
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const statusRef = useRef<HTMLSelectElement>(null);
  const whyRef = useRef<HTMLTextAreaElement>(null);
  const ids = { status: useId(), why: useId(), priority: useId(), assignee: useId(), error: useId() };
  const zone = client?.timeZone ?? 'UTC';

  // A change saved here or arriving from elsewhere resets the drafts to the ticket as it now is.
  const [seen, setSeen] = useState({ status: ticket.status, priority: ticket.priority });
  if (seen.status !== ticket.status || seen.priority !== ticket.priority) {
    setSeen({ status: ticket.status, priority: ticket.priority });
    setStatus(ticket.status);
    setPriority(ticket.priority);
    setWhy('');
  }

  const action = status === ticket.status ? null : transitionAction(ticket.status, status);
  const statusPreview = useMemo(
    () => (client && action ? previewDeadlines(ticket, client, { status }, now) : null),
    // The preview follows the draft; re-reading it each second would only move "now".
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ticket, client, status, action],
  );
  const priorityPreview = useMemo(
    () => (client && priority !== ticket.priority ? previewDeadlines(ticket, client, { priority }, now) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ticket, client, priority],
  );

  const run = (work: Promise<void>) => {
    setError(null);
    work.catch((e: unknown) => setError(messageOf(e)));
  };
  const assignToMe = () => {
    if (!currentUserId) return setError('Sign in first: "Assign to me" needs to know who you are.');
    if (ticket.assigneeId === currentUserId) return setError('The ticket is already assigned to you.');
    run(repos.tickets.updateTicket(ticket.id, { assigneeId: currentUserId }));
  };
  useImperativeHandle(ref, () => ({
    startClosing: () => {
      if (ticket.status === 'closed') return setError('The ticket is already closed.');
      setStatus('closed');
      // The resolution box appears with the draft; focus it on the next frame.
      requestAnimationFrame(() => whyRef.current?.focus());
    },
    assignToMe,
  }));

  const saveStatus = (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    if (action !== 'set_status' && why.trim() === '') {
      setError(
        action === 'close'
          ? 'Write the resolution: say what fixed the problem before closing the ticket.'
          : 'Say why the ticket is reopened.',
      );
      whyRef.current?.focus();
      return;
    }
    run(
      action === 'close'
        ? repos.tickets.closeTicket(ticket.id, why)
        : action === 'reopen'
          ? repos.tickets.reopenTicket(ticket.id, why)
          : repos.tickets.setStatus(ticket.id, status),
    );
  };

  const levels = client ? PRIORITY_SCHEMES[client.prioritySchemeId].levels : [];
  const saveLabel = action === 'close' ? 'Close ticket' : action === 'reopen' ? 'Reopen ticket' : 'Save status';

  return (
    <section className="workflow" aria-label="Status, priority and assignee">
      <form onSubmit={saveStatus} className="workflow-row">
        <label htmlFor={ids.status}>Status</label>
        <select id={ids.status} ref={statusRef} value={status} onChange={(e) => setStatus(e.target.value as TicketStatus)}>
          {[ticket.status, ...nextStatuses(ticket.status)].map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {action && action !== 'set_status' && (
          <>
            <label htmlFor={ids.why}>{action === 'close' ? 'Resolution (what fixed it)' : 'Why is it reopened?'}</label>
            <textarea id={ids.why} ref={whyRef} rows={2} value={why} onChange={(e) => setWhy(e.target.value)} />
          </>
        )}
        {statusPreview && <DeadlinePreview changes={statusPreview} zone={zone} />}
        {action && <button type="submit">{saveLabel}</button>}
      </form>
      <form
        className="workflow-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (priority !== ticket.priority) run(repos.tickets.updateTicket(ticket.id, { priority }));
        }}
      >
        <label htmlFor={ids.priority}>Priority</label>
        <select id={ids.priority} value={priority} onChange={(e) => setPriority(e.target.value)}>
          {levels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.label}
            </option>
          ))}
        </select>
        {priorityPreview && (
          <>
            <DeadlinePreview changes={priorityPreview} zone={zone} />
            <button type="submit">Save priority</button>
          </>
        )}
      </form>
      <div className="workflow-row">
        <button type="button" onClick={assignToMe} aria-keyshortcuts="a">
          Assign to me <kbd>a</kbd>
        </button>
        <label htmlFor={ids.assignee}>Assign to…</label>
        <select
          id={ids.assignee}
          value={ticket.assigneeId ?? ''}
          onChange={(e) => run(repos.tickets.updateTicket(ticket.id, { assigneeId: e.target.value || null }))}
        >
          <option value="">Unassigned</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
});
