import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FieldErrors, NewTicketDraft } from '../../domain/new-ticket';
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { CHANNEL_LABELS, CHANNELS } from '../../domain/ticket';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useQueueStore } from '../queue/queue-store';
import { Field } from './Field';

const EMPTY: NewTicketDraft = { clientId: '', title: '', description: '', priority: '', channel: 'phone', assigneeId: null };

export function NewTicketDialog({ onClose }: { onClose(): void }) {
  const { repos } = useServices();
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const reference = useLive(referenceLive);
  const select = useQueueStore((s) => s.select);
  const [draft, setDraft] = useState<NewTicketDraft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => titleRef.current?.focus(), []);

  const client = reference?.clients.find((c) => c.id === draft.clientId);
  const levels = client ? PRIORITY_SCHEMES[client.prioritySchemeId].levels : [];
  const update = (patch: Partial<NewTicketDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const result = await repos.tickets.create(draft);
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
