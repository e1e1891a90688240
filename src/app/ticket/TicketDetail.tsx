// The ticket view: header with both clocks ticking, the workflow (status,
// priority, assignee), the note editor, the explain panel, time and the full
// timeline, which is read from the local store when the ticket opens.
import { useEffect, useId, useMemo, useRef } from 'react';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { ticketSlaOrReason } from '../sla/ticket-sla';
import { ExplainPanel } from './ExplainPanel';
import { NoteEditor, type NoteEditorHandle } from './NoteEditor';
import { TicketHeader } from './TicketHeader';
import { TicketLeadTime } from '../lead-times/TicketLeadTime';
import { TicketIntakeBlock } from './TicketIntakeBlock';
import { buildTimeline } from './timeline';
import { TIMELINE_RENDERED_MARK, TimelineList } from './TimelineList';
import { TimePanel } from './TimePanel';
import { EscalateAction } from './EscalateAction';
import { ApprovalsSection } from '../approvals/ApprovalsSection';
import { useTicketViewStore } from './ticket-view-store';
import { WorkflowActions, type WorkflowHandle } from './WorkflowActions';
import { TicketVisits, type TicketVisitsHandle } from '../visits/TicketVisits';

export function TicketDetail({ ticketId, onClose }: { ticketId: string; onClose(): void }) {
  const { repos } = useServices();
  const ticketLive = useMemo(() => repos.tickets.liveOne(ticketId), [repos, ticketId]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const historyLive = useMemo(() => repos.timeline.liveForTicket(ticketId), [repos, ticketId]);
  const ticket = useLive(ticketLive);
  const reference = useLive(referenceLive);
  const history = useLive(historyLive);
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const now = useNow(1000);
  const explaining = useTicketViewStore((s) => s.explaining);
  const toggleExplain = useTicketViewStore((s) => s.toggleExplain);
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const editorRef = useRef<NoteEditorHandle>(null);
  const workflowRef = useRef<WorkflowHandle>(null);
  const visitsRef = useRef<TicketVisitsHandle>(null);
  useEffect(() => closeRef.current?.focus(), [ticketId]);

  // Shortcut keys (src/app/shell/shortcuts.ts) reach the open view through its store.
  // A request made before this view opened belongs to another ticket.
  const request = useTicketViewStore((s) => s.request);
  const handled = useRef(request?.n ?? 0);
  useEffect(() => {
    if (!request || request.n <= handled.current) return;
    handled.current = request.n;
    if (request.action === 'reply') editorRef.current?.start('public_reply');
    else if (request.action === 'note') editorRef.current?.start('internal_note');
    else if (request.action === 'close') workflowRef.current?.startClosing();
    else if (request.action === 'assign-me') workflowRef.current?.assignToMe();
    else visitsRef.current?.startRequest();
  }, [request]);

  const staff = useMemo(() => new Map((reference?.staff ?? []).map((s) => [s.id, s])), [reference]);
  const entries = useMemo(() => (history ? buildTimeline(history) : null), [history]);
  const client = ticket ? reference?.clients.find((c) => c.id === ticket.clientId) : undefined;
  const computed = ticket && client ? ticketSlaOrReason(ticket, client, now) : null;
  const intakeClientId = ticket?.intake ? ticket.clientId : null;
  const clientContacts = useLive(
    useMemo(() => (intakeClientId ? repos.contacts.liveForClient(intakeClientId) : null), [repos, intakeClientId]),
  );
  const callerContact = clientContacts?.find((c) => c.id === ticket?.intake?.callerContactId);
  const sla = computed?.sla ?? null;

  useEffect(() => {
    if (entries) performance.mark(TIMELINE_RENDERED_MARK, { detail: { ticketId, count: entries.length } });
  }, [entries, ticketId]);

  if (!ticket) return null;
  const zone = client?.timeZone ?? 'UTC';

  return (
    <aside className="detail ticket-view" role="dialog" aria-labelledby={headingId} data-testid="ticket-detail">
      <header>
        <h2 id={headingId}>{ticket.title}</h2>
        <button ref={closeRef} type="button" onClick={onClose} aria-label="Close ticket view (Esc)">
          ✕
        </button>
      </header>
      <TicketHeader ticket={ticket} client={client} assignee={ticket.assigneeId ? staff.get(ticket.assigneeId) : undefined} sla={sla} />
      <TicketLeadTime ticket={ticket} client={client} />
      <TicketIntakeBlock ticket={ticket} contact={callerContact} />
      {computed?.reason && (
        <p className="field-error" role="status">
          The SLA clocks cannot be shown: {computed.reason}. Set a priority of this client&apos;s contract to start them again.
        </p>
      )}
      <p className="description">{ticket.description || <span className="muted">No description.</span>}</p>
      <WorkflowActions
        ref={workflowRef}
        ticket={ticket}
        client={client}
        staff={reference?.staff ?? []}
        currentUserId={currentUserId}
        now={now}
      />
      <button type="button" aria-expanded={explaining} aria-keyshortcuts="x" onClick={toggleExplain}>
        {explaining ? 'Hide how the deadlines were computed' : 'Explain the deadlines'} <kbd>x</kbd>
      </button>
      {explaining && sla && <ExplainPanel sla={sla} zone={zone} />}
      <NoteEditor ref={editorRef} ticketId={ticket.id} />
      <ApprovalsSection ticketId={ticket.id} clientId={ticket.clientId} timeZone={zone} staff={reference?.staff ?? []} />
      <TimePanel ticketId={ticket.id} timeZone={zone} />
      <TicketVisits ref={visitsRef} ticketId={ticket.id} client={client} />
      <EscalateAction ticket={ticket} />
      {entries ? <TimelineList entries={entries} staff={staff} clientZone={zone} /> : <p className="muted">Loading the timeline…</p>}
      <p className="muted mono">Ticket id {ticket.id}</p>
    </aside>
  );
}
