// Time on a ticket: the console's timer, manual entries, the ticket's entries
// with totals by work type, and why more time needs the client's approval
// (docs/domain/time-and-approvals.md). The timer lives in the local store, so
// a reload or a crash finds it still running.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import {
  formatDuration,
  totalsByWorkType,
  WORK_CAUSE_LABELS,
  WORK_CAUSES,
  WORK_TYPE_LABELS,
  WORK_TYPES,
  entryLengthMs,
  type WorkCause,
  type WorkType,
} from '../../domain/time-entries';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { formatInClientZone } from '../queue/format-instant';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { draftFromForm, emptyTimeForm, toLocalInput, type TimeForm } from './time-form';

export function TimePanel({ ticketId, timeZone }: { ticketId: string; timeZone: string }) {
  const { repos } = useServices();
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const entriesLive = useMemo(() => repos.time.liveForTicket(ticketId), [repos, ticketId]);
  const timerLive = useMemo(() => repos.time.liveTimer(), [repos]);
  const entries = useLive(entriesLive) ?? [];
  const timer = useLive(timerLive) ?? null;
  const timing = timer?.ticketId === ticketId;
  const now = useNow(1000);
  const [form, setForm] = useState<TimeForm>(() => emptyTimeForm(new Date()));
  const [formOpen, setFormOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [approval, setApproval] = useState<string | null>(null);
  const ids = { heading: useId(), start: useId(), end: useId(), duration: useId(), type: useId(), cause: useId(), note: useId() };

  // Warn before saving: the approval rule over this ticket's entries, as the form changes.
  useEffect(() => {
    if (!formOpen) return;
    const parsed = draftFromForm(ticketId, form);
    let current = true;
    (parsed.ok ? repos.time.approvalFor(parsed.draft) : Promise.resolve(null)).then(
      (d) => current && setApproval(d && !d.ok ? d.message : null),
      () => current && setApproval(null),
    );
    return () => {
      current = false;
    };
  }, [repos, ticketId, form, formOpen, entries.length]);

  const totals = totalsByWorkType(entries);
  const set = <K extends keyof TimeForm>(key: K, value: TimeForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const startTimer = () => {
    setError(null);
    repos.time.startTimer(ticketId, currentUserId).catch(fail);
  };
  const stopTimer = () => {
    if (!timer) return;
    setError(null);
    setForm({ ...emptyTimeForm(new Date()), start: toLocalInput(timer.startedAt), end: toLocalInput(new Date().toISOString()) });
    setFormOpen(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = draftFromForm(ticketId, form);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    // An entry made from the running timer stops it in the same transaction.
    const result = timing ? await repos.time.stopTimerAndLog(parsed.draft) : await repos.time.log(parsed.draft);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setForm(emptyTimeForm(new Date()));
    setFormOpen(false);
  };

  return (
    <section className="time-panel" aria-labelledby={ids.heading} data-testid="time-panel">
      <h3 id={ids.heading}>Time</h3>
      <p data-testid="time-totals">
        Included {formatDuration(totals.included)} · Billable {formatDuration(totals.billable)}
      </p>
      <div className="time-actions" role="group" aria-label="Timer">
        {timing ? (
          <>
            <span role="timer" aria-live="off" data-testid="timer-elapsed">
              Timer running: {formatElapsed(now - Date.parse(timer.startedAt))}
            </span>
            <button type="button" onClick={stopTimer}>
              Stop timer and log…
            </button>
            <button type="button" onClick={() => repos.time.clearTimer().catch(fail)}>
              Discard timer
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={startTimer} disabled={timer !== null}>
              Start timer
            </button>
            {timer && <span className="muted">A timer is running on another ticket.</span>}
          </>
        )}
        {!formOpen && (
          <button type="button" onClick={() => setFormOpen(true)}>
            Log time…
          </button>
        )}
      </div>

      {formOpen && (
        <form className="time-form" onSubmit={(e) => void submit(e)} aria-label="Log time">
          <label htmlFor={ids.start}>Started</label>
          <input id={ids.start} type="datetime-local" value={form.start} onChange={(e) => set('start', e.target.value)} required />
          <label htmlFor={ids.end}>Ended</label>
          <input id={ids.end} type="datetime-local" value={form.end} onChange={(e) => set('end', e.target.value)} />
          <label htmlFor={ids.duration}>or duration (minutes)</label>
          <input
            id={ids.duration}
            type="number"
            inputMode="numeric"
            value={form.duration}
            onChange={(e) => set('duration', e.target.value)}
            disabled={form.end !== ''}
          />
          <label htmlFor={ids.type}>Work type</label>
          <select id={ids.type} value={form.workType} onChange={(e) => set('workType', e.target.value as WorkType)}>
            {WORK_TYPES.map((t) => (
              <option key={t} value={t}>
                {WORK_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.cause}>Caused by</label>
          <select id={ids.cause} value={form.cause} onChange={(e) => set('cause', e.target.value as WorkCause)}>
            {WORK_CAUSES.map((c) => (
              <option key={c} value={c}>
                {WORK_CAUSE_LABELS[c]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.note}>Note</label>
          <textarea id={ids.note} value={form.note} onChange={(e) => set('note', e.target.value)} required />
          {approval && (
            <p className="approval-block" role="status" data-testid="approval-block">
              Approval needed. {approval}
            </p>
          )}
          <div className="form-actions">
            <button type="submit">{timing ? 'Log and stop timer' : 'Log time'}</button>
            <button type="button" onClick={() => setFormOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}

      {entries.length === 0 ? (
        <p className="muted">No time logged yet.</p>
      ) : (
        <table className="time-entries" aria-label="Time entries">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Length</th>
              <th scope="col">Type</th>
              <th scope="col">Caused by</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatInClientZone(e.startedAt, timeZone)}</td>
                <td>{formatDuration(entryLengthMs(e))}</td>
                <td>{WORK_TYPE_LABELS[e.workType]}</td>
                <td>{e.cause === 'none' ? '—' : WORK_CAUSE_LABELS[e.cause]}</td>
                <td>{e.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** h:mm:ss for the running timer. */
function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
