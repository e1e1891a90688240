// Check in on arrival, check out on leaving. The time is this desk's clock at
// the press; a technician who forgot to press can give the real time instead
// (at the site, within the bounds checkInProblem/checkOutProblem allow), and a
// refusal, such as a check-out before the check-in, is shown by that field.
import { useId, useState } from 'react';
import { wallTimeToInstant } from '../../domain/callbacks';
import { LATE_ENTRY_HOURS } from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';
import { useServices } from '../services';
import { refusalOf } from './refusal';
import { siteWallTime } from './site-time';

export function CheckInOutForm({ visit, siteZone, kind }: { visit: VisitRecord; siteZone: string; kind: 'in' | 'out' }) {
  const { repos } = useServices();
  const id = useId();
  const [correcting, setCorrecting] = useState(false);
  const [wall, setWall] = useState('');
  // The bounds the rule allows, as of opening the field: the picker offers nothing it would refuse.
  const [bounds, setBounds] = useState({ min: '', max: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verb = kind === 'in' ? 'Check in' : 'Check out';
  const timeLabel = kind === 'in' ? 'Time you arrived' : 'Time you left';

  async function submit() {
    setError(null);
    const nowMs = Date.now();
    const at = correcting ? wallTimeToInstant(wall, siteZone) : new Date(nowMs).toISOString();
    if (!at) {
      setError(`Give the ${kind === 'in' ? 'arrival' : 'leaving'} time as a date and time at the site.`);
      return;
    }
    setBusy(true);
    try {
      if (kind === 'in') await repos.visits.checkIn(visit.id, at, new Date(nowMs));
      else await repos.visits.checkOut(visit.id, at, new Date(nowMs));
    } catch (e) {
      setError(refusalOf(e).message);
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  const errorText = error && (
    <p className="field-error" id={errorId} role="alert" data-testid={`check-${kind}-error`}>
      {error}
    </p>
  );
  return (
    <form
      className="check-form"
      aria-label={`${verb}: ${kind === 'in' ? 'arrival' : 'departure'}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      {correcting ? (
        <div className="field">
          <label htmlFor={`${id}-at`}>
            {timeLabel} (site time, {siteZone})
          </label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={wall}
            min={bounds.min}
            max={bounds.max}
            onChange={(e) => setWall(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : `${id}-hint`}
          />
          <p className="muted" id={`${id}-hint`}>
            Forgot to press it? Give the real time, up to {LATE_ENTRY_HOURS} hours back.
          </p>
          {errorText}
        </div>
      ) : (
        errorText
      )}
      <div className="modal-actions">
        <button type="submit" className="primary" disabled={busy} aria-describedby={error && !correcting ? errorId : undefined}>
          {correcting ? `${verb} at this time` : `${verb} now`}
        </button>
        <button
          type="button"
          onClick={() => {
            setError(null);
            if (!correcting) {
              const nowMs = Date.now();
              setWall(siteWallTime(nowMs, siteZone));
              setBounds({ min: siteWallTime(nowMs - LATE_ENTRY_HOURS * 3_600_000, siteZone), max: siteWallTime(nowMs, siteZone) });
            }
            setCorrecting(!correcting);
          }}
        >
          {correcting ? 'Use the time now' : 'Give another time'}
        </button>
      </div>
    </form>
  );
}
