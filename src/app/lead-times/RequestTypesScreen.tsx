import { useMemo, useRef, useState, type FormEvent } from 'react';
import { describeLeadTime, LEAD_TIME_UNITS, requestTypeProblems, unitWords } from '../../domain/lead-times';
import type { RequestTypeRecord } from '../../protocol/records';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useCan } from '../session/use-can';
import { Field } from '../ticket/Field';
import { formOf, NEW_TYPE_FORM, specOf, type BandForm, type RequestTypeForm } from './request-type-form';

function bandsText(t: RequestTypeRecord): string {
  if (!t.parameter) return '—';
  return t.parameter.bands
    .map((b) => `${b.to === null ? `${b.from} or more` : `${b.from}–${b.to}`}: ${describeLeadTime(t.unit, b.minDays, b.maxDays)}`)
    .join('; ');
}

/** Request types with their lead times; those who keep them (leadtime.manage) edit, others read. */
export function RequestTypesScreen() {
  const { repos } = useServices();
  const types = useLive(useMemo(() => repos.requestTypes.live(), [repos]));
  const canEdit = useCan('leadtime.manage');
  const [form, setForm] = useState<RequestTypeForm | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <section className="request-types" aria-labelledby="request-types-heading" data-testid="request-types-screen">
      <div className="screen-header">
        <h1 id="request-types-heading">Request types</h1>
        <span className="muted">
          {canEdit
            ? 'Lead times promised for each kind of request'
            : 'Read only: a service coordinator, supervisor, site director or admin edits these'}
        </span>
        {canEdit && form === null && (
          <button type="button" onClick={() => setForm(NEW_TYPE_FORM)}>
            Add request type
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {form && (
        <RequestTypeEditor
          initial={form}
          onCancel={() => setForm(null)}
          onSave={async (spec, id) => {
            const position = types?.find((t) => t.id === id)?.position;
            await repos.requestTypes.save({ ...spec, ...(id === null ? {} : { id }), ...(position === undefined ? {} : { position }) });
            setForm(null);
          }}
        />
      )}
      {types && types.length === 0 ? (
        <p className="empty">No request types yet.</p>
      ) : (
        <table className="request-types-table">
          <thead>
            <tr>
              <th scope="col">Request type</th>
              <th scope="col">Lead time</th>
              <th scope="col">By count</th>
              <th scope="col">Note</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {(types ?? []).map((t) => (
              <tr key={t.id} data-testid="request-type-row" className={t.archived ? 'archived' : undefined}>
                <th scope="row">
                  {t.name}
                  {t.archived && <span className="muted"> (archived)</span>}
                </th>
                <td data-testid="request-type-lead-time">{describeLeadTime(t.unit, t.minDays, t.maxDays)}</td>
                <td>{bandsText(t)}</td>
                <td>{t.note || '—'}</td>
                {canEdit && (
                  <td className="actions">
                    <button type="button" onClick={() => setForm(formOf(t))} aria-label={`Edit ${t.name}`}>
                      Edit
                    </button>{' '}
                    <button
                      type="button"
                      aria-label={`${t.archived ? 'Restore' : 'Archive'} ${t.name}`}
                      onClick={() => {
                        setError(null);
                        repos.requestTypes
                          .setArchived(t.id, !t.archived)
                          .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
                      }}
                    >
                      {t.archived ? 'Restore' : 'Archive'}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RequestTypeEditor({
  initial,
  onCancel,
  onSave,
}: {
  initial: RequestTypeForm;
  onCancel(): void;
  onSave(spec: NonNullable<ReturnType<typeof specOf> & { ok: true }>['spec'], id: string | null): Promise<void>;
}) {
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const update = (patch: Partial<RequestTypeForm>) => setForm((f) => ({ ...f, ...patch }));
  const updateBand = (i: number, patch: Partial<BandForm>) =>
    setForm((f) => ({ ...f, bands: f.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = specOf(form);
    const found = parsed.ok ? requestTypeProblems(parsed.spec) : parsed.problems;
    setProblems(found);
    if (!parsed.ok || found.length > 0) return;
    setSaving(true);
    try {
      await onSave(parsed.spec, form.id);
    } catch (err) {
      setProblems([err instanceof Error ? err.message : String(err)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="request-type-editor"
      aria-label={form.id ? `Edit ${initial.name}` : 'New request type'}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      noValidate
      data-testid="request-type-editor"
    >
      <h2>{form.id ? `Edit ${initial.name}` : 'New request type'}</h2>
      {problems.length > 0 && (
        <div className="field-error" role="alert" data-testid="request-type-problems">
          <p>Not saved:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="field-row">
        <Field label="Name" error={undefined}>
          {(props) => (
            <input
              {...props}
              ref={nameRef}
              autoFocus
              value={form.name}
              onChange={(e) => update({ name: e.target.value })}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Counted in" error={undefined}>
          {(props) => (
            <select {...props} value={form.unit} onChange={(e) => update({ unit: e.target.value as RequestTypeForm['unit'] })}>
              {LEAD_TIME_UNITS.map((u) => (
                <option key={u} value={u}>
                  {unitWords(u)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {!form.hasParameter && (
        <div className="field-row">
          <Field label="Minimum days" error={undefined}>
            {(props) => <input {...props} inputMode="numeric" value={form.minDays} onChange={(e) => update({ minDays: e.target.value })} />}
          </Field>
          <Field label="Maximum days (empty: no latest date)" error={undefined}>
            {(props) => <input {...props} inputMode="numeric" value={form.maxDays} onChange={(e) => update({ maxDays: e.target.value })} />}
          </Field>
        </div>
      )}
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={form.hasParameter}
            onChange={(e) =>
              update({
                hasParameter: e.target.checked,
                bands:
                  e.target.checked && form.bands.length === 0
                    ? [{ from: '1', to: '', minDays: form.minDays, maxDays: form.maxDays }]
                    : form.bands,
              })
            }
          />{' '}
          The lead time depends on a count (e.g. how many numbers)
        </label>
      </div>
      {form.hasParameter && (
        <fieldset className="bands">
          <legend>Lead time by count</legend>
          <Field label="What is counted" error={undefined}>
            {(props) => <input {...props} value={form.parameterLabel} onChange={(e) => update({ parameterLabel: e.target.value })} />}
          </Field>
          {form.bands.map((b, i) => (
            <div className="field-row" key={i} role="group" aria-label={`Band ${i + 1}`}>
              <Field label={`Band ${i + 1} from`} error={undefined}>
                {(props) => (
                  <input {...props} inputMode="numeric" value={b.from} onChange={(e) => updateBand(i, { from: e.target.value })} />
                )}
              </Field>
              <Field label={`Band ${i + 1} to (empty: or more)`} error={undefined}>
                {(props) => <input {...props} inputMode="numeric" value={b.to} onChange={(e) => updateBand(i, { to: e.target.value })} />}
              </Field>
              <Field label={`Band ${i + 1} minimum days`} error={undefined}>
                {(props) => (
                  <input {...props} inputMode="numeric" value={b.minDays} onChange={(e) => updateBand(i, { minDays: e.target.value })} />
                )}
              </Field>
              <Field label={`Band ${i + 1} maximum days`} error={undefined}>
                {(props) => (
                  <input {...props} inputMode="numeric" value={b.maxDays} onChange={(e) => updateBand(i, { maxDays: e.target.value })} />
                )}
              </Field>
              <button
                type="button"
                onClick={() => update({ bands: form.bands.filter((_, j) => j !== i) })}
                aria-label={`Remove band ${i + 1}`}
              >
                Remove
              </button>
            </div>
          ))}
          <button type="button" onClick={() => update({ bands: [...form.bands, { from: '', to: '', minDays: '', maxDays: '' }] })}>
            Add band
          </button>
        </fieldset>
      )}
      <Field label="Note (shown beside the dates)" error={undefined}>
        {(props) => <input {...props} value={form.note} onChange={(e) => update({ note: e.target.value })} />}
      </Field>
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save request type
        </button>
      </div>
    </form>
  );
}
