import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { NewTicketDraft } from '../../domain/new-ticket';
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { CHANNEL_LABELS, CHANNELS } from '../../domain/ticket';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useQueueStore } from '../queue/queue-store';
import { Field } from './Field';
import type { CreateTicketErrors, TicketRequestDetails } from '../../data/ticket-repository';
import { EMPTY_REQUEST, parseCount, RequestTypeFields, type RequestDraft } from '../lead-times/RequestTypeFields';
import { useNow } from '../hooks/useNow';

const EMPTY: NewTicketDraft = { clientId: '', title: '', description: '', priority: '', channel: 'phone', assigneeId: null };

export function NewTicketDialog({ onClose }: { onClose(): void }) {
  const { repos } = useServices();
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const reference = useLive(referenceLive);
  const select = useQueueStore((s) => s.select);
  const [draft, setDraft] = useState<NewTicketDraft>(EMPTY);
  const [errors, setErrors] = useState<CreateTicketErrors>({});
  const [request, setRequest] = useState<RequestDraft>(EMPTY_REQUEST);
  const requestTypes = useLive(useMemo(() => repos.requestTypes.live(), [repos]));
  const now = useNow(60_000);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => titleRef.current?.focus(), []);

  const client = reference?.clients.find((c) => c.id === draft.clientId);
  const levels = client ? PRIORITY_SCHEMES[client.prioritySchemeId].levels : [];
  const update = (patch: Partial<NewTicketDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const details = requestDetails(request, requestTypes ?? []);
    if ('error' in details) {
      setErrors({ requestParam: details.error });
      return;
    }
    setSaving(true);
    try {
      const result = await repos.tickets.create(draft, new Date(), details.request);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      select(result.ticket.id);
      onClose();
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby={headingId} onSubmit={submit} noValidate>
        <h2 id={headingId}>New ticket</h2>
        <Field label="Client" error={errors.clientId}>
          {(props) => (
            <select {...props} value={draft.clientId} onChange={(e) => update({ clientId: e.target.value, priority: '' })}>
              <option value="">Choose a client…</option>
              {reference?.clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title" error={errors.title}>
          {(props) => (
            <input {...props} ref={titleRef} value={draft.title} onChange={(e) => update({ title: e.target.value })} autoComplete="off" />
          )}
        </Field>
        <Field label="Description" error={errors.description}>
          {(props) => <textarea {...props} rows={4} value={draft.description} onChange={(e) => update({ description: e.target.value })} />}
        </Field>
        <div className="field-row">
          <Field label="Priority" error={errors.priority}>
            {(props) => (
              <select {...props} value={draft.priority} onChange={(e) => update({ priority: e.target.value })}>
                <option value="">{client ? 'Choose a priority…' : 'Choose a client first'}</option>
                {levels.map((l) => (
                  <option key={l.key} value={l.key}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Channel" error={errors.channel}>
            {(props) => (
              <select {...props} value={draft.channel} onChange={(e) => update({ channel: e.target.value })}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Assignee" error={errors.assigneeId}>
            {(props) => (
              <select {...props} value={draft.assigneeId ?? ''} onChange={(e) => update({ assigneeId: e.target.value || null })}>
                <option value="">Unassigned</option>
                {reference?.staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <RequestTypeFields
          types={requestTypes ?? []}
          client={client}
          draft={request}
          errors={errors}
          now={now}
          onChange={(patch) => setRequest((r) => ({ ...r, ...patch }))}
        />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Create ticket
          </button>
        </div>
      </form>
    </div>
  );
}

/** The request details to send, or why the count cannot be sent. */
function requestDetails(
  draft: RequestDraft,
  types: readonly { id: string; parameter: { label: string } | null }[],
): { request: TicketRequestDetails | null } | { error: string } {
  if (draft.requestTypeId === '') return { request: null };
  const type = types.find((t) => t.id === draft.requestTypeId);
  const count = type?.parameter ? parseCount(draft.requestParam) : null;
  if (count !== null && !(count >= 1))
    return { error: `${type?.parameter?.label ?? 'Count'}: enter a whole number from 1, or leave it empty.` };
  return { request: { requestTypeId: draft.requestTypeId, requestParam: count, customerWantedDate: draft.customerWantedDate || null } };
}
