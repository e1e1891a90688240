// The intake screen (docs/domain/phone-intake.md, "The intake screen"): a call
// starts with `p` or a ringing phone, the caller is found by number or name,
// and the ticket is saved with its priority, authorization and after-hours
// answers — keyboard first, the known-caller path in a dozen keys:
// p · number · Enter · title · Tab · description · Tab · impact digit · Ctrl+Enter.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CallerMatch } from '../../domain/caller-lookup';
import { looksLikeNumber } from '../../domain/caller-lookup';
import { formatCallDuration, callSeconds } from '../../domain/calls';
import { parsePhone, formatPhone } from '../../domain/phone';
import type { Client } from '../../domain/ticket';
import { newId } from '../../data/ids';
import { LocalMutationRefused } from '../../data/outbox';
import { PromiseCallbackDialog } from '../callbacks/PromiseCallbackDialog';
import type { CallbackRecord } from '../../protocol/records';
import type { CallbackDraft } from '../../data/callback-repository';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { RequestTypeFields } from '../lead-times/RequestTypeFields';
import { useServices } from '../services';
import { useNavStore } from '../shell/nav-store';
import { Field } from '../ticket/Field';
import { AfterHoursPanel } from './AfterHoursPanel';
import { AuthorizationPanel } from './AuthorizationPanel';
import { CallerDetails } from './CallerDetails';
import { useCallerDirectory } from './caller-index';
import { CallerSearch } from './CallerSearch';
import { useIncomingCall } from './incoming-call-store';
import { callFacts, checkIntake, guidanceOf, type IntakeFormField, type IntakeFormProblems } from './intake-check';
import { composeDescription, startedDraft, type IntakeDraft } from './intake-draft';
import { OpenTickets, openTicketsFor } from './OpenTickets';
import { PriorityGuidance } from './PriorityGuidance';
import { useIntakeDraft } from './use-intake-draft';

/** A number passed by a phone system is outside data: bounded before it is shown. */
const FROM_MAX = 200;
const FORM_FIELDS = new Set<string>([
  'title',
  'clientId',
  'requestParam',
  'customerWantedDate',
  'requestTypeId',
  'priority',
  'description',
]);

interface Saved {
  ticketId: string | null;
  message: string;
}

export function IntakeScreen() {
  const { repos } = useServices();
  const directory = useCallerDirectory();
  const { draft, setDraft, update, reset, loaded, stored } = useIntakeDraft(repos);
  const tickets = useLive(useMemo(() => repos.tickets.liveAll(), [repos]));
  const requestTypes = useLive(useMemo(() => repos.requestTypes.live(), [repos]));
  const openTicket = useNavStore((s) => s.openTicket);
  const now = useNow(15_000);
  const pending = useIncomingCall((s) => s.pending);
  const callerRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<IntakeFormProblems>({});
  const [queryProblem, setQueryProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  const [autoPickedFor, setAutoPickedFor] = useState<string | null>(null);
  const [focusCaller, setFocusCaller] = useState(0);
  const [promising, setPromising] = useState(false);

  const clients: Client[] = useMemo(
    () => (directory ? [...directory.clients.values()].sort((a, b) => a.name.localeCompare(b.name)) : []),
    [directory],
  );
  const client = directory?.clients.get(draft.clientId);
  const contact = draft.contactId ? directory?.contacts.get(draft.contactId) : undefined;
  const clientContacts = useMemo(
    () => (directory && draft.clientId ? [...directory.contacts.values()].filter((c) => c.clientId === draft.clientId) : []),
    [directory, draft.clientId],
  );
  const matches = useMemo(
    () => (directory && draft.contactId === null && draft.query.trim() !== '' ? directory.index.find(draft.query) : []),
    [directory, draft.query, draft.contactId],
  );
  const guidance = guidanceOf(draft, { client, contact, nowMs: now });
  const site = client?.sites.find((s) => s.id === draft.siteId);
  const zone = site?.timeZone ?? client?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const openTickets = useMemo(
    () => (client && tickets ? openTicketsFor(tickets, client.id, draft.contactId) : []),
    [client, tickets, draft.contactId],
  );

  // A ringing phone or the `p` key: take the call once the saved draft has been read back.
  useEffect(() => {
    if (!loaded || !pending) return;
    const call = useIncomingCall.getState().take();
    if (!call) return;
    // The call comes from an outside store (a link, a PBX, the shortcut): taking it is the sync this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSaved(null);
    setProblems({});
    if (call.from === '') {
      setDraft((d) => (d.startedAt ? d : startedDraft(Date.now(), call.source)));
    } else {
      const from = call.from.slice(0, FROM_MAX);
      const parsed = parsePhone(from);
      setQueryProblem(parsed.ok ? undefined : `The number the phone system passed cannot be used: ${parsed.problem}`);
      setAutoPickedFor(null);
      setDraft({ ...startedDraft(call.at, call.source, from), callbackNumber: parsed.ok ? from.trim() : '' });
    }
    setFocusCaller((n) => n + 1);
  }, [loaded, pending, setDraft]);

  useEffect(() => {
    if (focusCaller > 0) callerRef.current?.focus();
  }, [focusCaller]);

  function pick(match: CallerMatch) {
    const picked = directory?.contacts.get(match.contactId);
    const pickedClient = directory?.clients.get(match.clientId);
    if (!picked || !pickedClient) return;
    const phone = picked.phones.find((p) => p.e164 === match.number) ?? picked.phones[0];
    const firstSite = pickedClient.sites[0];
    setQueryProblem(undefined);
    update({
      contactId: picked.id,
      contactAddedOnCall: false,
      callerName: picked.name,
      callbackNumber: phone ? formatPhone(phone.e164, phone.extension) : draft.callbackNumber,
      callerEmail: picked.emails[0] ?? '',
      clientId: pickedClient.id,
      siteId: firstSite?.id ?? '',
      siteAddress: firstSite?.address ?? '',
      existingTicketId: null,
    });
  }

  // One exact number match is the caller: picked without a key.
  useEffect(() => {
    if (draft.contactId !== null || autoPickedFor === draft.query) return;
    const exact = matches.filter((m) => m.exact && m.on === 'number');
    if (exact.length !== 1) return;
    // The contacts may arrive after the number (a ringing phone at start-up): the pick waits for them.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAutoPickedFor(draft.query);
    pick(exact[0]!);
    // pick reads the directory of this render; matches changes whenever it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matches]);

  function onQuery(text: string) {
    setQueryProblem(undefined);
    const patch: Partial<IntakeDraft> = { query: text, contactId: null, contactAddedOnCall: false };
    if (looksLikeNumber(text) && (draft.callbackNumber === '' || draft.callbackNumber === draft.query)) patch.callbackNumber = text;
    update(patch);
  }

  const fieldProblem = (field: string | undefined): IntakeFormField =>
    field && (FORM_FIELDS.has(field) || field in problems) ? (field as IntakeFormField) : 'form';

  async function submit() {
    if (busy || !draft.startedAt) return;
    const nowMs = Date.now();
    setBusy(true);
    try {
      if (draft.existingTicketId) {
        const call = callFacts(draft, nowMs, '');
        if (!call) return setProblems({ clientId: "Choose the caller's client." });
        const what = composeDescription(draft) || draft.title.trim();
        const note = `Call from ${call.callerName}${call.callerNumber ? ` (${call.callerNumber})` : ''}${what ? `: ${what}` : '.'}`;
        const result = await repos.intake.addToTicket(draft.existingTicketId, call, note, new Date(nowMs));
        if (!result.ok) return setProblems({ form: result.message });
        finish({ ticketId: result.ticketId, message: `The call was added to the open ticket (${duration(nowMs)}).` });
        return;
      }
      const checked = checkIntake(draft, { client, contact, nowMs });
      if (!checked.ok) {
        setProblems(checked.problems);
        return;
      }
      const result = await repos.intake.openTicket(checked.submission, new Date(nowMs));
      if (!result.ok) return setProblems({ [fieldProblem(result.field)]: result.message });
      const held =
        checked.guidance.held === 'awaiting_approval'
          ? ' It is held, awaiting approval.'
          : checked.guidance.held === 'awaiting_confirmation'
            ? ' It is held, awaiting confirmation by an authorized contact.'
            : '';
      const told = checked.submission.intake.afterHours;
      const afterHours = told
        ? ` After hours: the caller was told${told.agreed ? ' and agreed to the charge' : ' and did not agree to the charge'}.`
        : '';
      finish({
        ticketId: result.ticketId,
        message: `Ticket saved: ${checked.submission.ticket.title} (call ${duration(nowMs)}).${held}${afterHours}`,
      });
    } finally {
      setBusy(false);
    }
  }

  async function endWithoutTicket() {
    const nowMs = Date.now();
    const call = callFacts(draft, nowMs, composeDescription(draft) || draft.title.trim() || 'Nothing to log.');
    if (!call) return setProblems({ clientId: "Choose the caller's client: the call log files each call under a client." });
    const result = await repos.intake.endCall(call, 'no_ticket', null, new Date(nowMs));
    if (!result.ok) return setProblems({ form: result.message });
    finish({ ticketId: null, message: `Call ended, nothing logged but the call (${duration(nowMs)}).` });
  }

  /** The callback is promised (its own save); the call is then logged against it. */
  /** The callback and the call's log entry, saved together; a refusal is shown in the dialog by its field. */
  async function promiseCallback(callbackDraft: CallbackDraft): Promise<CallbackRecord> {
    const nowMs = Date.now();
    const call = callFacts(draft, nowMs, '');
    if (!call) throw new LocalMutationRefused("Choose the caller's client: a callback is promised to a client's caller.");
    const { callback } = await repos.intake.promiseCallback(callbackDraft, call, new Date(nowMs));
    return callback;
  }

  function callbackPromised(callback: CallbackRecord) {
    finish({ ticketId: null, message: `Callback promised to ${callback.callerName}; the call is logged (${duration(Date.now())}).` });
  }

  async function newContact(): Promise<string | null> {
    if (!client) return "Choose the caller's client first.";
    const name = draft.callerName.trim();
    if (name === '') return "Enter the caller's name first.";
    const phone = draft.callbackNumber.trim();
    try {
      const added = await repos.contacts.save({
        id: newId(),
        clientId: client.id,
        name,
        phones: phone ? [{ raw: phone, label: 'work' }] : [],
        emails: draft.callerEmail.trim() ? [draft.callerEmail.trim().toLowerCase()] : [],
        role: 'none',
        approvalLimitCents: null,
      });
      update({ contactId: added.id, contactAddedOnCall: true });
      return null;
    } catch (error) {
      if (error instanceof LocalMutationRefused) return error.message;
      throw error;
    }
  }

  function duration(nowMs: number): string {
    return formatCallDuration(callSeconds(draft.startedAt ?? new Date(nowMs).toISOString(), new Date(nowMs).toISOString()));
  }

  function finish(done: Saved) {
    reset();
    setProblems({});
    setQueryProblem(undefined);
    setAutoPickedFor(null);
    setSaved(done);
  }

  function discard() {
    void repos.intake.clearDraft();
    finish({ ticketId: null, message: 'Call discarded: nothing was saved.' });
  }

  function onFormKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  if (!draft.startedAt)
    return (
      <section className="intake" aria-labelledby="intake-heading" data-testid="intake-screen">
        <div className="screen-header">
          <h1 id="intake-heading">Intake</h1>
        </div>
        {saved && (
          <div className="intake-saved" role="status" data-testid="intake-saved">
            <p>{saved.message}</p>
            {saved.ticketId && (
              <button type="button" onClick={() => openTicket(saved.ticketId!)}>
                Open the ticket
              </button>
            )}
          </div>
        )}
        <p>
          <button type="button" className="primary" onClick={() => useIncomingCall.getState().offer({ from: '', source: 'shortcut' })}>
            Start a call <kbd>p</kbd>
          </button>
        </p>
      </section>
    );

  return (
    <section className="intake" aria-labelledby="intake-heading" data-testid="intake-screen">
      <div className="screen-header">
        <h1 id="intake-heading">Intake</h1>
        <span className="muted" data-testid="call-started">
          Call started {new Date(draft.startedAt).toLocaleTimeString()}
        </span>
      </div>
      <form
        className="intake-form"
        aria-label="Phone intake"
        onSubmit={onSubmit}
        onKeyDown={onFormKeyDown}
        noValidate
        data-testid="intake-form"
        data-caller-found={draft.contactId !== null ? 'true' : 'false'}
        data-draft={stored ? 'stored' : 'typing'}
      >
        <CallerSearch
          inputRef={callerRef}
          query={draft.query}
          matches={matches}
          directory={directory}
          pickedName={contact ? `${contact.name}${client ? `, ${client.name}` : ''}` : null}
          problem={queryProblem}
          onQuery={onQuery}
          onPick={(m) => {
            setAutoPickedFor(draft.query);
            pick(m);
            titleRef.current?.focus();
          }}
          onDone={() => titleRef.current?.focus()}
        />
        {client && (
          <OpenTickets
            tickets={openTickets}
            client={client}
            contactId={draft.contactId}
            chosenId={draft.existingTicketId}
            onChoose={(existingTicketId) => update({ existingTicketId })}
          />
        )}
        <Field label="Title" error={problems.title}>
          {(props) => (
            <input {...props} ref={titleRef} value={draft.title} onChange={(e) => update({ title: e.target.value })} autoComplete="off" />
          )}
        </Field>
        <Field label="What is happening (in the caller's words)" error={problems.description}>
          {(props) => <textarea {...props} rows={3} value={draft.description} onChange={(e) => update({ description: e.target.value })} />}
        </Field>
        {!draft.existingTicketId && (
          <PriorityGuidance
            draft={draft}
            client={client}
            guidance={guidance}
            problems={problems}
            zone={zone}
            nowMs={now}
            onChange={update}
          />
        )}
        {guidance.notice?.afterHours && !draft.existingTicketId && (
          <AfterHoursPanel notice={guidance.notice} draft={draft} problem={problems.afterHours} onChange={update} />
        )}
        <fieldset className="intake-prompts">
          <legend>Ask the caller</legend>
          <div className="field-row">
            <Field label="Steps to reproduce" error={undefined}>
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={draft.prompts.steps}
                  onChange={(e) => update({ prompts: { ...draft.prompts, steps: e.target.value } })}
                />
              )}
            </Field>
            <Field label="How many users are affected?" error={undefined}>
              {(props) => (
                <input
                  {...props}
                  value={draft.prompts.usersAffected}
                  onChange={(e) => update({ prompts: { ...draft.prompts, usersAffected: e.target.value } })}
                  autoComplete="off"
                />
              )}
            </Field>
            <Field label="Is there a workaround?" error={undefined}>
              {(props) => (
                <input
                  {...props}
                  value={draft.prompts.workaroundText}
                  onChange={(e) => update({ prompts: { ...draft.prompts, workaroundText: e.target.value } })}
                  autoComplete="off"
                />
              )}
            </Field>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.prompts.logsToFollow}
              onChange={(e) => update({ prompts: { ...draft.prompts, logsToFollow: e.target.checked } })}
            />
            Logs or screenshots to follow
          </label>
        </fieldset>
        <CallerDetails draft={draft} clients={clients} client={client} problems={problems} onChange={update} onNewContact={newContact} />
        {!draft.existingTicketId && (
          <>
            <AuthorizationPanel draft={draft} guidance={guidance} clientContacts={clientContacts} problems={problems} onChange={update} />
            <RequestTypeFields
              types={requestTypes ?? []}
              client={client}
              draft={{ requestTypeId: draft.requestTypeId, requestParam: draft.requestParam, customerWantedDate: draft.customerWantedDate }}
              errors={{ requestParam: problems.requestParam }}
              now={now}
              onChange={update}
            />
          </>
        )}
        {problems.form && (
          <p className="field-error" role="alert" data-testid="intake-problem">
            {problems.form}
          </p>
        )}
        <div className="modal-actions intake-actions">
          <button type="button" onClick={discard}>
            Discard call
          </button>
          <button
            type="button"
            onClick={() =>
              client
                ? setPromising(true)
                : setProblems({ clientId: "Choose the caller's client: a callback is promised to a client's caller." })
            }
          >
            Call back later…
          </button>
          <button type="button" onClick={() => void endWithoutTicket()}>
            End call, nothing to log
          </button>
          <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
            {draft.existingTicketId ? 'Add the call to the ticket' : 'Save ticket'} <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </form>
      {promising && client && (
        <PromiseCallbackDialog
          clientId={client.id}
          contactId={draft.contactId}
          callerName={draft.callerName}
          number={draft.callbackNumber}
          ticketId={draft.existingTicketId}
          defaultTimeZone={zone}
          contacts={clientContacts}
          onClose={() => setPromising(false)}
          save={promiseCallback}
          onPromised={callbackPromised}
        />
      )}
    </section>
  );
}
