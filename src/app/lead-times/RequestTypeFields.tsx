import { describeLeadTime } from '../../domain/lead-times';
import type { Client } from '../../domain/ticket';
import type { RequestTypeRecord } from '../../protocol/records';
import type { CreateTicketErrors } from '../../data/ticket-repository';
import { Field } from '../ticket/Field';
import { slaPolicyOf } from '../sla/ticket-sla';
import { describeDates, formatCivilDate, previewLeadTime } from './lead-time-view';

export interface RequestDraft {
  requestTypeId: string;
  /** As typed; parsed on submit. */
  requestParam: string;
  customerWantedDate: string;
}

export const EMPTY_REQUEST: RequestDraft = { requestTypeId: '', requestParam: '', customerWantedDate: '' };

/** The count as a number, null when empty, or NaN when it is not a whole number (the preview names the problem). */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The New Ticket dialog's request fields (docs/domain/lead-times.md): an optional
 * request type, its count when it has one, the date the customer wants, and the
 * dates it promises on the client's calendar, with a warning inside the minimum.
 */
export function RequestTypeFields({
  types,
  client,
  draft,
  errors,
  now,
  onChange,
}: {
  types: readonly RequestTypeRecord[];
  client: Client | undefined;
  draft: RequestDraft;
  errors: CreateTicketErrors;
  now: number;
  onChange(patch: Partial<RequestDraft>): void;
}) {
  const offered = types.filter((t) => !t.archived);
  const type = types.find((t) => t.id === draft.requestTypeId);
  const param = type?.parameter ? parseCount(draft.requestParam) : null;
  const preview = type && client ? previewLeadTime(type, param, draft.customerWantedDate || null, client, now) : null;

  return (
    <fieldset className="request-fields">
      <legend>Request with a lead time (optional)</legend>
      <div className="field-row">
        <Field label="Request type" error={errors.requestTypeId}>
          {(props) => (
            <select
              {...props}
              value={draft.requestTypeId}
              onChange={(e) => onChange({ requestTypeId: e.target.value, requestParam: '' })}
              data-testid="request-type"
            >
              <option value="">None</option>
              {offered.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({describeLeadTime(t.unit, t.minDays, t.maxDays)})
                </option>
              ))}
            </select>
          )}
        </Field>
        {type?.parameter && (
          <Field
            label={type.parameter.label}
            error={errors.requestParam ?? (preview?.ok === false && preview.field === 'requestParam' ? preview.message : undefined)}
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={draft.requestParam}
                onChange={(e) => onChange({ requestParam: e.target.value })}
                autoComplete="off"
                data-testid="request-param"
              />
            )}
          </Field>
        )}
        {type && (
          <Field
            label="Customer wants it by"
            error={
              errors.customerWantedDate ?? (preview?.ok === false && preview.field === 'customerWantedDate' ? preview.message : undefined)
            }
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.customerWantedDate}
                onChange={(e) => onChange({ customerWantedDate: e.target.value })}
                data-testid="customer-wanted-date"
              />
            )}
          </Field>
        )}
      </div>
      {type && !client && <p className="muted">Choose a client to see the promised dates on its calendar.</p>}
      {preview?.ok && client && (
        <p className="promised-dates" aria-live="polite" data-testid="promised-dates">
          Promised: {describeDates(preview.dates.earliest, preview.dates.latest)} (
          {describeLeadTime(preview.dates.unit, preview.dates.minDays, preview.dates.maxDays)} on {client.name}&apos;s calendar,{' '}
          {slaPolicyOf(client).calendar.timeZone}){type?.note ? <span className="muted"> · {type.note}</span> : null}
        </p>
      )}
      {preview?.ok && preview.warning && (
        <p className="lead-time-warning" role="alert" data-testid="lead-time-warning">
          {preview.warning.kind === 'before_request'
            ? `The customer wants it by ${formatCivilDate(preview.warning.wanted)}, which is before the request itself.`
            : `The customer wants it by ${formatCivilDate(preview.warning.wanted)}, inside the minimum lead time of ${describeLeadTime(preview.dates.unit, preview.dates.minDays, preview.dates.maxDays)}.`}{' '}
          The earliest promised date is {formatCivilDate(preview.warning.earliest)}: take it as best effort or agree a later date.
        </p>
      )}
    </fieldset>
  );
}
