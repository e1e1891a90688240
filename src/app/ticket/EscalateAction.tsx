// "Escalate": one step up the chain, with a reason, showing to whom it goes
// (docs/domain/escalations-and-notifications.md). The desk refuses what the
// chain forbids before writing; the server checks again.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ESCALATION_CHAIN, ESCALATION_REASON_MAX, ESCALATION_ROLE_LABELS, nextEscalation } from '../../domain/escalation';
import type { Ticket } from '../../domain/ticket';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';

export function EscalateAction({ ticket }: { ticket: Ticket }) {
  const { repos } = useServices();
  const escalations = useLive(useMemo(() => repos.escalations.liveForTicket(ticket.id), [repos, ticket.id]));
  const [open, setOpen] = useState(false);
  if (!escalations) return null;
  const next = nextEscalation(ticket, escalations);
  const reached = escalations.at(-1);
  return (
    <section className="escalation" aria-label="Escalation">
      {reached && (
        <p data-testid="escalation-state">
          Escalated to the {ESCALATION_ROLE_LABELS[reached.toRole]} ({reached.acknowledgedAt ? 'acknowledged' : 'not acknowledged yet'})
        </p>
      )}
      <button type="button" onClick={() => setOpen(true)} disabled={!next.ok} title={next.ok ? undefined : next.message}>
        Escalate
      </button>
      {open && next.ok && <EscalateDialog ticket={ticket} toRole={next.toRole} level={next.level} onClose={() => setOpen(false)} />}
    </section>
  );
}

function EscalateDialog({
  ticket,
  toRole,
  level,
  onClose,
}: {
  ticket: Ticket;
  toRole: (typeof ESCALATION_CHAIN)[number];
  level: number;
  onClose(): void;
}) {
  const { repos } = useServices();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const reasonId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') {
      setError('Say why the ticket needs escalating: the reason is empty.');
      return;
    }
    setSaving(true);
    try {
      await repos.escalations.escalate(ticket.id, reason);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
        noValidate
      >
        <h2 id={headingId}>Escalate to the {ESCALATION_ROLE_LABELS[toRole]}</h2>
        <p className="muted">
          Step {level} of {ESCALATION_CHAIN.length}: {ticket.title}
        </p>
        <div className={error ? 'field invalid' : 'field'}>
          <label htmlFor={reasonId}>Reason</label>
          <textarea
            id={reasonId}
            ref={reasonRef}
            rows={4}
            maxLength={ESCALATION_REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={Boolean(error)}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Escalate
          </button>
        </div>
      </form>
    </div>
  );
}
