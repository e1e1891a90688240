import { useMemo } from 'react';
import { SLA_PRESETS } from '../../../resources/sla-presets';
import type { Client } from '../../domain/client';
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { checkSlaPolicy, type SlaDuration, type SlaPolicy } from '../../domain/sla';
import { useNow } from '../hooks/useNow';
import { formatInClientZone } from '../queue/format-instant';
import { previewPolicy } from './sla-preview';

const UNITS = ['wall-minutes', 'wall-hours', 'business-minutes', 'business-hours', 'business-days'] as const;

/** The policy text as typed: valid JSON of a policy that checks, or the problems to show. */
export function readPolicy(text: string, client: Pick<Client, 'prioritySchemeId'>): { policy: SlaPolicy | null; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { policy: null, problems: [`The custom policy is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const checked = checkSlaPolicy(value);
  if (!checked.ok) return { policy: null, problems: checked.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`) };
  if (checked.policy.prioritySchemeId !== client.prioritySchemeId)
    return {
      policy: null,
      problems: [`prioritySchemeId: the policy is for ${checked.policy.prioritySchemeId}; the client uses ${client.prioritySchemeId}`],
    };
  return { policy: checked.policy, problems: [] };
}

export function presetText(client: Pick<Client, 'id' | 'prioritySchemeId'>): string {
  return JSON.stringify({ ...SLA_PRESETS[client.prioritySchemeId], id: `custom-${client.id.slice(-8)}` }, null, 2);
}

/** Preset or custom policy, editable targets, the JSON, and the live preview of sample deadlines. */
export function PolicyEditor({
  client,
  custom,
  text,
  onCustom,
  onText,
}: {
  client: Pick<Client, 'id' | 'prioritySchemeId' | 'timeZone'>;
  custom: boolean;
  text: string;
  onCustom(custom: boolean): void;
  onText(text: string): void;
}) {
  const now = useNow(60_000);
  const read = useMemo(() => (custom ? readPolicy(text, client) : null), [custom, text, client]);
  const policy = custom ? (read?.policy ?? null) : SLA_PRESETS[client.prioritySchemeId];
  const preview = useMemo(() => (policy ? previewPolicy(policy, now, client.timeZone) : null), [policy, now, client.timeZone]);

  const setTarget = (priority: string, target: SlaDuration) => {
    if (!read?.policy) return;
    const p = read.policy;
    const next = { ...p, priorities: { ...p.priorities, [priority]: { ...p.priorities[priority]!, firstResponse: { target } } } };
    onText(JSON.stringify(next, null, 2));
  };

  return (
    <section aria-labelledby="policy-heading" className="client-section">
      <h2 id="policy-heading">SLA policy</h2>
      <fieldset>
        <legend>Policy</legend>
        <label>
          <input type="radio" name="policy-mode" checked={!custom} onChange={() => onCustom(false)} /> Preset of the{' '}
          {PRIORITY_SCHEMES[client.prioritySchemeId].label} scheme
        </label>
        <label>
          <input type="radio" name="policy-mode" checked={custom} onChange={() => onCustom(true)} /> Custom policy
        </label>
      </fieldset>
      {custom && read?.policy && (
        <table className="data-table" aria-label="First-response targets">
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">First response within</th>
              <th scope="col">Unit</th>
            </tr>
          </thead>
          <tbody>
            {PRIORITY_SCHEMES[client.prioritySchemeId].levels.map((level) => {
              const target = read.policy!.priorities[level.key]?.firstResponse.target;
              const value = target && 'value' in target ? target.value : 1;
              const unit = target?.unit ?? 'business-hours';
              return (
                <tr key={level.key}>
                  <th scope="row">{level.label}</th>
                  <td>
                    <input
                      type="number"
                      min={1}
                      aria-label={`${level.label} first-response target`}
                      value={value}
                      onChange={(e) => {
                        const v = Number(e.target.value);
                        if (v > 0 && unit !== 'next-business-day') setTarget(level.key, { unit, value: v });
                      }}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${level.label} first-response unit`}
                      value={unit === 'next-business-day' ? 'business-days' : unit}
                      onChange={(e) => setTarget(level.key, { unit: e.target.value as (typeof UNITS)[number], value })}
                    >
                      {UNITS.map((u) => (
                        <option key={u} value={u}>
                          {u.replace('-', ' ')}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {custom && (
        <div className="field">
          <label htmlFor="policy-json">Policy (JSON)</label>
          <textarea id="policy-json" rows={10} spellCheck={false} value={text} onChange={(e) => onText(e.target.value)} />
        </div>
      )}
      {read && read.problems.length > 0 && (
        <ul className="field-error" role="alert" aria-label="Policy problems" data-testid="policy-problems">
          {read.problems.slice(0, 8).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <h3 id="preview-heading">Sample deadlines</h3>
      {preview ? (
        <table className="data-table" aria-labelledby="preview-heading" data-testid="sla-preview">
          <thead>
            <tr>
              <th scope="col">Priority</th>
              {preview[0]?.openings.map((o) => (
                <th scope="col" key={o.openedAtMs}>
                  Opened {formatInClientZone(new Date(o.openedAtMs).toISOString(), client.timeZone)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((row) => (
              <tr key={row.priority} data-testid={`preview-${row.priority}`}>
                <th scope="row">{row.label}</th>
                {row.openings.map((o) => (
                  <td key={o.openedAtMs}>
                    {'error' in o ? (
                      o.error
                    ) : (
                      <>
                        Response by {formatInClientZone(new Date(o.firstResponseMs).toISOString(), client.timeZone)}
                        {o.resolutionMs !== null && (
                          <>
                            <br />
                            Resolution by {formatInClientZone(new Date(o.resolutionMs).toISOString(), client.timeZone)}
                          </>
                        )}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">No preview until the policy validates.</p>
      )}
    </section>
  );
}
