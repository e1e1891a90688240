// Who the problem affects and whether there is a workaround → the contract's
// priority, with its reason and the first-response deadline it would get, in
// the caller's zone, before anything is saved (docs/domain/phone-intake.md,
// "Priority guidance"). Keys 1–6 choose the impact.
import { useId, type KeyboardEvent } from 'react';
import { openedHistory } from '../../domain/sla-history';
import { IMPACT_LABELS, IMPACTS, IMPACTS_WITH_WORKAROUND, type Impact } from '../../domain/priority-guidance';
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { computeSla, SlaInputError } from '../../domain/sla';
import type { Client } from '../../domain/ticket';
import { formatInZone } from '../sla/clock-view';
import { slaPolicyOf } from '../sla/ticket-sla';
import { Field } from '../ticket/Field';
import type { IntakeDraft } from './intake-draft';
import type { IntakeFormProblems, IntakeGuidance } from './intake-check';

/** When the first response would be due if the ticket were saved now; null when the contract sets no target. */
export function firstResponseDue(client: Client, priority: string, nowMs: number, zone: string): string | null {
  try {
    const sla = computeSla(slaPolicyOf(client), openedHistory(new Date(nowMs).toISOString(), priority), nowMs);
    return sla.firstResponse ? formatInZone(sla.firstResponse.targetAt, zone) : null;
  } catch (error) {
    if (error instanceof SlaInputError) return null;
    throw error;
  }
}

export function PriorityGuidance({
  draft,
  client,
  guidance,
  problems,
  zone,
  nowMs,
  onChange,
}: {
  draft: IntakeDraft;
  client: Client | undefined;
  guidance: IntakeGuidance;
  problems: IntakeFormProblems;
  zone: string;
  nowMs: number;
  onChange(patch: Partial<IntakeDraft>): void;
}) {
  const id = useId();
  const levels = client ? PRIORITY_SCHEMES[client.prioritySchemeId].levels : [];
  const due = client && guidance.priority ? firstResponseDue(client, guidance.priority, nowMs, zone) : null;
  const overridden = draft.priority !== '' && draft.priority !== guidance.suggestion?.priority;

  function onKeyDown(e: KeyboardEvent<HTMLFieldSetElement>) {
    const digit = Number(e.key);
    if (!/^[1-9]$/.test(e.key) || digit > IMPACTS.length || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    const impact = IMPACTS[digit - 1]!;
    onChange({ impact });
    document.getElementById(`${id}-${impact}`)?.focus();
  }

  return (
    <section className="intake-guidance" aria-label="Priority">
      <fieldset
        className={problems.impact ? 'impact-group invalid' : 'impact-group'}
        onKeyDown={onKeyDown}
        aria-describedby={problems.impact ? `${id}-impact-error` : undefined}
        data-testid="impact"
      >
        <legend>Who does it affect? (keys 1–6)</legend>
        {IMPACTS.map((impact: Impact, i) => (
          <label key={impact} className="radio">
            <input
              type="radio"
              id={`${id}-${impact}`}
              name={`${id}-impact`}
              value={impact}
              checked={draft.impact === impact}
              onChange={() => onChange({ impact })}
            />
            <kbd>{i + 1}</kbd> {IMPACT_LABELS[impact]}
          </label>
        ))}
        {problems.impact && (
          <p id={`${id}-impact-error`} className="field-error" role="alert">
            {problems.impact}
          </p>
        )}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.workaround}
          disabled={draft.impact !== '' && !IMPACTS_WITH_WORKAROUND.includes(draft.impact)}
          onChange={(e) => onChange({ workaround: e.target.checked })}
        />
        They can keep working another way (a workaround)
      </label>
      <div className="priority-suggestion" role="status" aria-live="polite" data-testid="priority-suggestion">
        {!client ? (
          <p className="muted">Pick the caller (or their client) to see the priority their contract gives.</p>
        ) : !guidance.suggestion ? (
          <p className="muted">Choose who it affects to see the priority.</p>
        ) : (
          <>
            <p>
              Suggested:{' '}
              <strong data-testid="suggested-priority">{levels.find((l) => l.key === guidance.suggestion!.priority)?.label}</strong> —{' '}
              {guidance.suggestion.reason}
            </p>
            <p data-testid="first-response-due">
              {due ? `First response due ${due} (${zone}) if saved now.` : 'No first-response target on this contract for it.'}
            </p>
          </>
        )}
      </div>
      {client && guidance.suggestion && (
        <div className="field-row">
          <Field label="Priority" error={undefined}>
            {(props) => (
              <select
                {...props}
                value={draft.priority || guidance.suggestion!.priority}
                onChange={(e) => onChange({ priority: e.target.value })}
              >
                {levels.map((l) => (
                  <option key={l.key} value={l.key}>
                    {l.label}
                    {l.key === guidance.suggestion!.priority ? ' (suggested)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {overridden && (
            <Field label="Why a different priority?" error={problems.overrideReason}>
              {(props) => (
                <input
                  {...props}
                  value={draft.overrideReason}
                  onChange={(e) => onChange({ overrideReason: e.target.value })}
                  autoComplete="off"
                />
              )}
            </Field>
          )}
        </div>
      )}
    </section>
  );
}
