// A ticket's approvals of billable work (docs/domain/contacts-and-approvals.md,
// "Approval requests"): its requests with their state and whom to call, a form
// to request approval with the triggers computed as it is filled in, and the
// client's answer: a confirmation, the approval (by an approver only, for no
// more than was requested) or a decline. The desk checks each step before
// queuing it; the server checks again.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import {
  BILLABLE_TRIGGER_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_CHANNELS,
  contactReach,
  isConfirmationOnly,
  isHeld,
  requestStatusLabel,
  whomToCall,
  WORK_KIND_LABELS,
  WORK_KINDS,
  type ContactChannel,
  type TriggerFound,
  type WorkKind,
} from '../../domain/approval-requests';
import {
  approversAmong,
  CONTACT_ROLE_LABELS,
  mayRequest,
  REQUEST_KIND_LABELS,
  REQUEST_KINDS,
  type RequestKind,
} from '../../domain/contact-authorization';
import type { StaffMember } from '../../domain/ticket';
import { WORK_CAUSE_LABELS, WORK_CAUSES, type WorkCause } from '../../domain/time-entries';
import type { ApprovalRequestRecord, ContactRecord } from '../../protocol/records';
import { useLive } from '../hooks/useLive';
import { formatInClientZone } from '../queue/format-instant';
import { useServices } from '../services';
import { useMyRole } from '../session/use-can';
import { can, forbiddenMessage } from '../../domain/staff-permissions';
import { dollarsText, formatMoney, hoursText, parseDollars, parseHours } from './amounts';
import { formatMinutes } from '../../domain/approval-requests';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "3 h · $450.00": an estimate or an approval, hours and/or money. */
export function amountText(minutes: number | null, cents: number | null): string {
  return [minutes === null ? null : formatMinutes(minutes), cents === null ? null : formatMoney(cents)].filter(Boolean).join(' · ');
}

/** Who asked: the contact with their role, or the caller as they gave their name and number. */
export function requesterText(r: ApprovalRequestRecord, contacts: readonly ContactRecord[]): string {
  if (r.requesterContactId === null)
    return `${r.callerName ?? 'Unknown caller'}${r.callerPhone ? ` (${r.callerPhone})` : ''}, not on the client's list`;
  const c = contacts.find((x) => x.id === r.requesterContactId);
  return c ? `${c.name} (${CONTACT_ROLE_LABELS[c.role]})` : 'A contact no longer on the list';
}

export function ApprovalsSection({
  ticketId,
  clientId,
  timeZone,
  staff,
}: {
  ticketId: string;
  clientId: string;
  timeZone: string;
  staff: readonly StaffMember[];
}) {
  const { repos } = useServices();
  const requestsLive = useMemo(() => repos.approvals.liveForTicket(ticketId), [repos, ticketId]);
  const contactsLive = useMemo(() => repos.approvals.liveContacts(clientId), [repos, clientId]);
  const requests = useLive(requestsLive) ?? [];
  const contacts = useLive(contactsLive) ?? [];
  const [requesting, setRequesting] = useState(false);
  const headingId = useId();
  return (
    <section className="approvals-panel" aria-labelledby={headingId} data-testid="approvals-section">
      <h3 id={headingId}>Approvals</h3>
      {requests.length === 0 ? (
        <p className="muted">No approval requests on this ticket.</p>
      ) : (
        <ul className="approval-requests">
          {requests.map((r) => (
            <RequestItem key={r.id} request={r} contacts={contacts} timeZone={timeZone} staff={staff} />
          ))}
        </ul>
      )}
      {requesting ? (
        <RequestForm ticketId={ticketId} contacts={contacts} onDone={() => setRequesting(false)} />
      ) : (
        <button type="button" onClick={() => setRequesting(true)}>
          Request approval…
        </button>
      )}
    </section>
  );
}

function RequestItem({
  request: r,
  contacts,
  timeZone,
  staff,
}: {
  request: ApprovalRequestRecord;
  contacts: readonly ContactRecord[];
  timeZone: string;
  staff: readonly StaffMember[];
}) {
  const [acting, setActing] = useState<'confirm' | 'approve' | 'decline' | null>(null);
  const role = useMyRole();
  const mayRecord = can(role, 'approval.record');
  const staffName = (id: string | null) => staff.find((s) => s.id === id)?.name ?? 'someone on staff';
  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name ?? 'a contact no longer on the list';
  const at = (iso: string | null) => (iso ? formatInClientZone(iso, timeZone) : '');
  const status = requestStatusLabel(r);
  const label = `${status}: ${r.description}`;
  return (
    <li className={`approval-request approval-${r.status}`} data-testid="approval-request" aria-label={label}>
      <p>
        <strong className={`approval-status status-${r.status}`} data-testid="approval-status">
          {status}
        </strong>{' '}
        {r.description}
      </p>
      <p className="muted">
        Requested by {requesterText(r, contacts)}, {at(r.createdAt)} · estimate {amountText(r.estimateMinutes, r.estimateCents) || 'none'}
      </p>
      <p className="muted">
        {isConfirmationOnly(r)
          ? 'Nothing billable: the caller is not on the client’s list, so it waits only for an authorized contact to confirm it.'
          : `Billable because: ${r.triggers.map((t) => BILLABLE_TRIGGER_LABELS[t]).join('; ')}`}
      </p>
      {r.confirmedAt && (
        <p className="muted">
          Confirmed by {contactName(r.confirmedBy)} by {CONTACT_CHANNEL_LABELS[r.confirmedVia!].toLowerCase()}, {at(r.confirmedAt)}, taken
          by {staffName(r.confirmationTakenBy)}
        </p>
      )}
      {r.approvedAt && (
        <p data-testid="approval-record">
          Approved {amountText(r.approvedMinutes, r.approvedCents)} by {contactName(r.approvedBy)} by{' '}
          {CONTACT_CHANNEL_LABELS[r.approvedVia!].toLowerCase()}, {at(r.approvedAt)}, taken by {staffName(r.approvalTakenBy)}
        </p>
      )}
      {r.declinedAt && (
        <p>
          Declined: {r.declineReason} ({at(r.declinedAt)}, taken by {staffName(r.declineTakenBy)})
        </p>
      )}
      {isHeld(r.status) && (
        <>
          <p className="approval-block" data-testid="whom-to-call">
            Work waits. {whomToCall(contacts)}
          </p>
          {acting === null && !mayRecord && role !== undefined && <p className="muted">{forbiddenMessage(role, 'approval.record')}</p>}
          {acting === null && mayRecord && (
            <div className="time-actions" role="group" aria-label="Record the client's answer">
              {r.status === 'awaiting_confirmation' && (
                <button type="button" onClick={() => setActing('confirm')}>
                  Record confirmation…
                </button>
              )}
              {r.status === 'awaiting_approval' && (
                <button type="button" onClick={() => setActing('approve')}>
                  Record approval…
                </button>
              )}
              <button type="button" onClick={() => setActing('decline')}>
                Decline…
              </button>
            </div>
          )}
          {acting === 'confirm' && <ConfirmForm request={r} contacts={contacts} onDone={() => setActing(null)} />}
          {acting === 'approve' && <ApproveForm request={r} contacts={contacts} onDone={() => setActing(null)} />}
          {acting === 'decline' && <DeclineForm request={r} onDone={() => setActing(null)} />}
        </>
      )}
    </li>
  );
}

function RequestForm({ ticketId, contacts, onDone }: { ticketId: string; contacts: readonly ContactRecord[]; onDone(): void }) {
  const { repos } = useServices();
  const ids = {
    requester: useId(),
    callerName: useId(),
    callerPhone: useId(),
    kind: useId(),
    work: useId(),
    cause: useId(),
    onsite: useId(),
    afterHours: useId(),
    description: useId(),
    hours: useId(),
    dollars: useId(),
    triggers: useId(),
  };
  const [requester, setRequester] = useState('');
  const [callerName, setCallerName] = useState('');
  const [callerPhone, setCallerPhone] = useState('');
  const [kind, setKind] = useState<RequestKind>('billable_work');
  const [work, setWork] = useState<WorkKind>('change');
  const [cause, setCause] = useState<WorkCause>('none');
  const [onsite, setOnsite] = useState(false);
  const [afterHours, setAfterHours] = useState(false);
  const [description, setDescription] = useState('');
  const [hours, setHours] = useState('');
  const [dollars, setDollars] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [triggers, setTriggers] = useState<TriggerFound[] | null>(null);
  const minutes = parseHours(hours);
  const cents = parseDollars(dollars);
  const expectedMinutes = minutes.ok ? minutes.value : null;

  // The triggers as the form changes, with the ticket's priority (after hours is billable unless Critical).
  useEffect(() => {
    let current = true;
    repos.approvals.triggersFor(ticketId, { work, expectedMinutes, cause, onsite, afterHours }).then(
      (t) => current && setTriggers(t),
      () => current && setTriggers(null),
    );
    return () => {
      current = false;
    };
  }, [repos, ticketId, work, expectedMinutes, cause, onsite, afterHours]);

  const contact = contacts.find((c) => c.id === requester) ?? null;
  const held = mayRequest(contact, kind);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!minutes.ok) return setError(minutes.message);
    if (!cents.ok) return setError(cents.message);
    try {
      await repos.approvals.request({
        ticketId,
        requesterContactId: contact?.id ?? null,
        callerName: contact ? null : callerName.trim() || null,
        callerPhone: contact ? null : callerPhone.trim() || null,
        kind,
        work,
        cause,
        onsite,
        afterHours,
        expectedMinutes: minutes.value,
        description,
        estimateMinutes: minutes.value,
        estimateCents: cents.value,
      });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form className="time-form approval-form" aria-label="Request approval" onSubmit={(e) => void submit(e)}>
      <label htmlFor={ids.requester}>Requested by</label>
      <select id={ids.requester} value={requester} onChange={(e) => setRequester(e.target.value)}>
        <option value="">Caller not on the list</option>
        {contacts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} — {CONTACT_ROLE_LABELS[c.role]}
          </option>
        ))}
      </select>
      {!contact && (
        <>
          <label htmlFor={ids.callerName}>Caller&apos;s name</label>
          <input id={ids.callerName} value={callerName} onChange={(e) => setCallerName(e.target.value)} autoComplete="off" />
          <label htmlFor={ids.callerPhone}>Caller&apos;s number</label>
          <input id={ids.callerPhone} type="tel" value={callerPhone} onChange={(e) => setCallerPhone(e.target.value)} autoComplete="off" />
        </>
      )}
      <label htmlFor={ids.kind}>Request</label>
      <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as RequestKind)}>
        {REQUEST_KINDS.map((k) => (
          <option key={k} value={k}>
            {REQUEST_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.work}>Work</label>
      <select id={ids.work} value={work} onChange={(e) => setWork(e.target.value as WorkKind)}>
        {WORK_KINDS.map((k) => (
          <option key={k} value={k}>
            {WORK_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.cause}>Caused by</label>
      <select id={ids.cause} value={cause} onChange={(e) => setCause(e.target.value as WorkCause)}>
        {WORK_CAUSES.map((c) => (
          <option key={c} value={c}>
            {WORK_CAUSE_LABELS[c]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.onsite}>Onsite visit</label>
      <input id={ids.onsite} type="checkbox" checked={onsite} onChange={(e) => setOnsite(e.target.checked)} />
      <label htmlFor={ids.afterHours}>After hours</label>
      <input id={ids.afterHours} type="checkbox" checked={afterHours} onChange={(e) => setAfterHours(e.target.checked)} />
      <label htmlFor={ids.description}>Work to approve</label>
      <textarea id={ids.description} value={description} onChange={(e) => setDescription(e.target.value)} required />
      <label htmlFor={ids.hours}>Estimated hours</label>
      <input id={ids.hours} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} aria-describedby={ids.triggers} />
      <label htmlFor={ids.dollars}>Estimated amount (USD)</label>
      <input id={ids.dollars} inputMode="decimal" value={dollars} onChange={(e) => setDollars(e.target.value)} />
      <div id={ids.triggers} className="approval-triggers" aria-live="polite" data-testid="approval-triggers">
        {triggers === null ? null : triggers.length === 0 ? (
          <p>Nothing here needs approval: included work. Go ahead without one.</p>
        ) : (
          <>
            <p>Billable, approval first:</p>
            <ul>
              {triggers.map((t) => (
                <li key={t.trigger}>{t.reason}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted">{held.ok ? held.reason : `Held for confirmation: ${held.reason}`}</p>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Request approval</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ChannelSelect({ value, onChange }: { value: ContactChannel; onChange(v: ContactChannel): void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Received by</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ContactChannel)}>
        {CONTACT_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CONTACT_CHANNEL_LABELS[c]}
          </option>
        ))}
      </select>
    </>
  );
}

function ConfirmForm({
  request,
  contacts,
  onDone,
}: {
  request: ApprovalRequestRecord;
  contacts: readonly ContactRecord[];
  onDone(): void;
}) {
  const { repos } = useServices();
  const id = useId();
  const allowed = contacts.filter((c) => mayRequest(c, request.kind).ok);
  const [by, setBy] = useState(allowed[0]?.id ?? '');
  const [via, setVia] = useState<ContactChannel>('phone');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await repos.approvals.confirm(request.id, by, via);
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <form className="time-form" aria-label="Record confirmation" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>Confirmed by</label>
      <select id={id} value={by} onChange={(e) => setBy(e.target.value)} required>
        {allowed.length === 0 && <option value="">No contact may confirm this</option>}
        {allowed.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} — {CONTACT_ROLE_LABELS[c.role]} ({contactReach(c)})
          </option>
        ))}
      </select>
      <ChannelSelect value={via} onChange={setVia} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Record confirmation</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ApproveForm({
  request,
  contacts,
  onDone,
}: {
  request: ApprovalRequestRecord;
  contacts: readonly ContactRecord[];
  onDone(): void;
}) {
  const { repos } = useServices();
  const ids = { by: useId(), hours: useId(), dollars: useId() };
  const approvers = approversAmong(contacts);
  const [by, setBy] = useState(approvers[0]?.id ?? '');
  const [via, setVia] = useState<ContactChannel>('phone');
  const [hours, setHours] = useState(hoursText(request.estimateMinutes));
  const [dollars, setDollars] = useState(dollarsText(request.estimateCents));
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const minutes = parseHours(hours);
    const cents = parseDollars(dollars);
    if (!minutes.ok) return setError(minutes.message);
    if (!cents.ok) return setError(cents.message);
    if (!by) return setError(whomToCall(contacts));
    try {
      await repos.approvals.approve(request.id, by, via, { minutes: minutes.value, cents: cents.value });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <form className="time-form" aria-label="Record approval" onSubmit={(e) => void submit(e)}>
      <label htmlFor={ids.by}>Approved by</label>
      <select id={ids.by} value={by} onChange={(e) => setBy(e.target.value)}>
        {approvers.length === 0 && <option value="">No approver on the client&apos;s list</option>}
        {approvers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} — {CONTACT_ROLE_LABELS[c.role]} ({contactReach(c)})
          </option>
        ))}
      </select>
      <ChannelSelect value={via} onChange={setVia} />
      {request.estimateMinutes !== null && (
        <>
          <label htmlFor={ids.hours}>Hours approved (at most {hoursText(request.estimateMinutes)})</label>
          <input id={ids.hours} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
        </>
      )}
      {request.estimateCents !== null && (
        <>
          <label htmlFor={ids.dollars}>Amount approved, USD (at most {formatMoney(request.estimateCents)})</label>
          <input id={ids.dollars} inputMode="decimal" value={dollars} onChange={(e) => setDollars(e.target.value)} />
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Record approval</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeclineForm({ request, onDone }: { request: ApprovalRequestRecord; onDone(): void }) {
  const { repos } = useServices();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await repos.approvals.decline(request.id, reason);
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <form className="time-form" aria-label="Decline the request" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>Why it is declined</label>
      <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} required />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Decline</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
