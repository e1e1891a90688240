// "Request onsite visit" on a ticket (docs/domain/onsite-visits.md, "Quote"):
// the site and the contact who meets the technician, the scope, whether it
// takes systems down, the surcharges (the zone's is fixed unless the site is
// remote), the agreed rate and the estimate. The quote is worked out as it is
// typed; saving queues the approval request and the visit together.
import { useId, useMemo, useState } from 'react';
import { CONTACT_ROLE_LABELS } from '../../domain/contact-authorization';
import { formatCents } from '../../domain/money';
import { MAX_ESTIMATE_HOURS } from '../../domain/onsite-pricing';
import { TRAVEL_ZONE_RULES } from '../../domain/travel';
import { SCOPE_MAX } from '../../domain/visits';
import type { Client } from '../../domain/ticket';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { StaffDialog } from '../staff/StaffDialog';
import { QuoteBreakdown } from './QuoteBreakdown';
import { readVisitForm, fixedZoneSurcharge, type VisitFormField, type VisitFormText } from './request-visit-form';
import { refusalOf } from './refusal';

// The repository's draft fields, to the dialog's fields, so a refusal is shown where it belongs.
const FIELD_OF_DRAFT: Record<string, VisitFormField> = {
  siteId: 'siteId',
  contactId: 'contactId',
  scope: 'scope',
  zoneSurchargeCents: 'zoneSurcharge',
  scopeSurchargeCents: 'scopeSurcharge',
  baseFeeCents: 'scopeSurcharge',
  surchargeReason: 'surchargeReason',
  hourlyRateCents: 'rate',
  estimateHours: 'hours',
};
// Fields whose problems show while typing (the figures of the quote); the others once Save is pressed.
const LIVE_FIELDS: readonly VisitFormField[] = ['zoneSurcharge', 'scopeSurcharge', 'rate', 'hours'];

export function RequestVisitDialog({ ticketId, client, onClose }: { ticketId: string; client: Client; onClose(): void }) {
  const { repos } = useServices();
  const id = useId();
  const clientId = client.id;
  const contactsLive = useMemo(() => repos.approvals.liveContacts(clientId), [repos, clientId]);
  const contacts = useLive(contactsLive) ?? [];
  const [form, setForm] = useState<VisitFormText>(() => ({
    siteId: client.sites[0]?.id ?? '',
    contactId: '',
    scope: '',
    needsDowntime: false,
    zoneSurcharge: '',
    scopeSurcharge: '',
    surchargeReason: '',
    rate: (client.contract.hourlyRateCents / 100).toFixed(2),
    hours: '',
  }));
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<{ field: VisitFormField | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const site = client.sites.find((s) => s.id === form.siteId) ?? null;
  const zone = site?.travelZone ?? 'local';
  const fixedZone = fixedZoneSurcharge(zone);
  const reading = readVisitForm(form, client.contract.onsiteBaseFeeCents, site ? { travelZone: zone } : null);
  const set = (patch: Partial<VisitFormText>) => {
    setRefused(null);
    setForm((f) => ({ ...f, ...patch }));
  };

  async function save() {
    setTried(true);
    setRefused(null);
    if (!reading.draft) return;
    setSaving(true);
    try {
      await repos.visits.request({ ticketId, ...reading.draft });
      onClose();
    } catch (err) {
      const { field, message } = refusalOf(err);
      setRefused({ field: (field && FIELD_OF_DRAFT[field]) || null, message });
    } finally {
      setSaving(false);
    }
  }

  const problemOf = (field: VisitFormField): string | undefined => {
    if (refused?.field === field) return refused.message;
    const found = reading.problems[field];
    if (!found) return undefined;
    const typed =
      field === 'zoneSurcharge'
        ? form.zoneSurcharge
        : field === 'scopeSurcharge'
          ? form.scopeSurcharge
          : field === 'rate'
            ? form.rate
            : form.hours;
    return tried || (LIVE_FIELDS.includes(field) && typed.trim() !== '') ? found : undefined;
  };
  const fieldError = (field: VisitFormField) => {
    const problem = problemOf(field);
    return problem ? (
      <p className="field-error" id={`${id}-${field}-error`} data-testid={`visit-${field}-error`}>
        {problem}
      </p>
    ) : null;
  };
  const described = (field: VisitFormField) =>
    problemOf(field) ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};

  return (
    <StaffDialog title="Request onsite visit" onClose={onClose} onSubmit={() => void save()} testId="request-visit-dialog">
      {refused && refused.field === null && (
        <p className="field-error" role="alert" data-testid="visit-error">
          {refused.message}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-site`}>Site</label>
        <select
          id={`${id}-site`}
          value={form.siteId}
          onChange={(e) => set({ siteId: e.target.value, zoneSurcharge: '' })}
          {...described('siteId')}
        >
          {client.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} — {TRAVEL_ZONE_RULES[s.travelZone ?? 'local'].label}
            </option>
          ))}
        </select>
        {site && (
          <p className="muted">
            {site.address || 'No address on file'} · times in {site.timeZone}
          </p>
        )}
        {fieldError('siteId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-contact`}>Contact onsite (approves the quote)</label>
        <select
          id={`${id}-contact`}
          value={form.contactId}
          onChange={(e) => set({ contactId: e.target.value })}
          {...described('contactId')}
        >
          <option value="">Choose a contact…</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} — {CONTACT_ROLE_LABELS[c.role]}
            </option>
          ))}
        </select>
        {fieldError('contactId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-scope`}>Scope of the work</label>
        <textarea
          id={`${id}-scope`}
          rows={3}
          maxLength={SCOPE_MAX}
          value={form.scope}
          onChange={(e) => set({ scope: e.target.value })}
          {...described('scope')}
        />
        {fieldError('scope')}
      </div>
      <div className="field field-checkbox">
        <input
          id={`${id}-downtime`}
          type="checkbox"
          checked={form.needsDowntime}
          onChange={(e) => set({ needsDowntime: e.target.checked })}
        />
        <label htmlFor={`${id}-downtime`}>Takes systems down (booked inside the client&apos;s maintenance window)</label>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-zone`}>Travel zone surcharge (USD)</label>
          {fixedZone !== null ? (
            <input id={`${id}-zone`} value={formatCents(fixedZone)} readOnly aria-describedby={`${id}-zone-note`} />
          ) : (
            <input
              id={`${id}-zone`}
              inputMode="decimal"
              value={form.zoneSurcharge}
              onChange={(e) => set({ zoneSurcharge: e.target.value })}
              {...described('zoneSurcharge')}
            />
          )}
          <p className="muted" id={`${id}-zone-note`}>
            {fixedZone !== null
              ? `Fixed by the site's zone: ${TRAVEL_ZONE_RULES[zone].label}.`
              : 'Remote site: quote the surcharge for this visit and say how it was set.'}
          </p>
          {fieldError('zoneSurcharge')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-scope-fee`}>Scope surcharge (USD)</label>
          <input
            id={`${id}-scope-fee`}
            inputMode="decimal"
            placeholder="0.00"
            value={form.scopeSurcharge}
            onChange={(e) => set({ scopeSurcharge: e.target.value })}
            {...described('scopeSurcharge')}
          />
          {fieldError('scopeSurcharge')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for the surcharge</label>
        <input
          id={`${id}-reason`}
          value={form.surchargeReason}
          maxLength={500}
          onChange={(e) => set({ surchargeReason: e.target.value })}
          {...described('surchargeReason')}
        />
        {fieldError('surchargeReason')}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-rate`}>Agreed hourly rate (USD)</label>
          <input
            id={`${id}-rate`}
            inputMode="decimal"
            value={form.rate}
            onChange={(e) => set({ rate: e.target.value })}
            {...described('rate')}
          />
          {fieldError('rate')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-hours`}>Estimated hours onsite (first hour included, at most {MAX_ESTIMATE_HOURS})</label>
          <input
            id={`${id}-hours`}
            inputMode="numeric"
            value={form.hours}
            onChange={(e) => set({ hours: e.target.value })}
            {...described('hours')}
          />
          {fieldError('hours')}
        </div>
      </div>
      <div className="visit-live-quote" aria-live="polite" data-testid="visit-live-quote">
        {reading.quote && reading.surcharges ? (
          <QuoteBreakdown
            quote={reading.quote}
            parts={{
              contractBaseFeeCents: client.contract.onsiteBaseFeeCents,
              zoneLabel: TRAVEL_ZONE_RULES[zone].label,
              ...reading.surcharges,
              surchargeReason: form.surchargeReason.trim(),
            }}
          />
        ) : (
          <p className="muted">The quote shows here once the rate and the estimated hours are filled in.</p>
        )}
      </div>
      <div className="modal-actions">
        <button type="submit" className="primary" disabled={saving}>
          Request the visit
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </StaffDialog>
  );
}
