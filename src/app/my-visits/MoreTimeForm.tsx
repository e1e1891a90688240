// Asking the client for more time onsite: hours and why, queued as an approval
// request and the visit's authorization. While it waits, the screen says how it
// stands (approval, then payment); the STOP stays until it is authorized.
import { useId, useState } from 'react';
import { formatCents } from '../../domain/money';
import { MAX_EXTRA_HOURS } from '../../domain/onsite-pricing';
import { authorizationState, SCOPE_MAX, type StatusOf } from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';
import { useServices } from '../services';
import { authorizationText } from './onsite-clock';
import { refusalOf, type Refusal } from './refusal';

export function MoreTimeForm({
  visit,
  statusOf,
  untilText,
  waiting,
}: {
  visit: VisitRecord;
  statusOf: StatusOf;
  /** The authorized end at the site, "15:00 CST". */
  untilText: string;
  waiting: boolean;
}) {
  const { repos } = useServices();
  const id = useId();
  const [hours, setHours] = useState('1');
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setRefusal(null);
    const n = Number(hours);
    setBusy(true);
    try {
      await repos.visits.requestMoreTime(visit.id, hours.trim() === '' ? NaN : n, reason);
      setReason('');
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: 'hours' | 'reason') =>
    refusal && (refusal.field === field || (field === 'reason' && refusal.field !== 'hours')) ? refusal.message : null;
  const hoursError = errorFor('hours');
  const reasonError = errorFor('reason');

  return (
    <section className="more-time" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>More time</h4>
      {visit.authorizations.length > 0 && (
        <ul className="authorizations" data-testid="authorizations">
          {visit.authorizations.map((a) => (
            <li key={a.id} data-testid="authorization">
              {a.hours} more h ({formatCents(a.amountCents)}) for “{a.reason}”:{' '}
              <strong>{authorizationText(authorizationState(a, visit.payments, statusOf), untilText)}</strong>
            </li>
          ))}
        </ul>
      )}
      {waiting ? (
        <p className="muted">The request is with the client. Work past the authorized time stays stopped until it is approved and paid.</p>
      ) : (
        <form
          aria-label="Ask for more time"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <div className="field">
            <label htmlFor={`${id}-hours`}>More hours needed</label>
            <input
              id={`${id}-hours`}
              type="number"
              min={1}
              max={MAX_EXTRA_HOURS}
              step={1}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              aria-invalid={hoursError ? true : undefined}
              aria-describedby={hoursError ? `${id}-hours-error` : undefined}
            />
            {hoursError && (
              <p className="field-error" id={`${id}-hours-error`} role="alert">
                {hoursError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why (the client approves from this)</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={SCOPE_MAX}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            />
            {reasonError && (
              <p className="field-error" id={`${id}-reason-error`} role="alert">
                {reasonError}
              </p>
            )}
          </div>
          <div className="modal-actions">
            <button type="submit" disabled={busy}>
              Ask the client for more time
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
