import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../services';
import { refusalOf } from './refusal';

/** Cancelling a visit not yet started, with the reason every desk sees on it. */
export function CancelVisitForm({ visitId, onDone }: { visitId: string; onDone(): void }) {
  const { repos } = useServices();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!reason.trim()) return setError('Say why the visit is cancelled: the client and the scheduler read it.');
    try {
      await repos.visits.cancel(visitId, reason.trim());
      onDone();
    } catch (err) {
      setError(refusalOf(err).message);
    }
  }
  return (
    <form className="time-form" aria-label="Cancel the visit" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id}>Why the visit is cancelled</label>
      <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Cancel the visit</button>
        <button type="button" onClick={onDone}>
          Keep the visit
        </button>
      </div>
    </form>
  );
}
