import { useMemo, useState } from 'react';
import { AFTER_HOURS_BILLING, AFTER_HOURS_BILLING_LABELS, type Client, type Site } from '../../domain/client';
import { onboardingGaps } from '../../domain/onboarding';
import { PRIORITY_SCHEMES, type PrioritySchemeId } from '../../domain/priority-schemes';
import { WEEKDAYS, type Weekday } from '../../domain/sla';
import type { ContactRecord } from '../../protocol/records';
import { useServices } from '../services';
import { ClientCalls } from './ClientCalls';
import { ClientVisits } from './ClientVisits';
import { ContactsPanel } from './ContactsPanel';
import { ClientCallbacks } from '../callbacks/ClientCallbacks';
import { centsToInput, formatCents, parseDollars } from './money';
import { PolicyEditor, presetText } from './PolicyEditor';
import { locationText, parseLocation, type LocationText } from './site-location';
import { TRAVEL_ZONE_RULES, TRAVEL_ZONES, type TravelZone } from '../../domain/travel';

const WEEKDAY_LABELS: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** One client's service record: edited as a draft, saved through the outbox (upsertClient). */
export function ClientPage({
  client,
  contacts,
  isNew,
  canEdit,
}: {
  client: Client;
  contacts: readonly ContactRecord[];
  isNew: boolean;
  /** The signed-in role may keep service records (client.manage); others read them. */
  canEdit: boolean;
}) {
  const { repos } = useServices();
  const [draft, setDraft] = useState<Client>(client);
  const [custom, setCustom] = useState(client.customPolicy !== null);
  const [policyText, setPolicyText] = useState(() =>
    client.customPolicy ? JSON.stringify(client.customPolicy, null, 2) : presetText(client),
  );
  const [amounts, setAmounts] = useState({
    hourly: centsToInput(client.contract.hourlyRateCents),
    onsite: centsToInput(client.contract.onsiteBaseFeeCents),
    afterHours: centsToInput(client.contract.afterHoursRateCents),
  });
  // Typed as text until saved: a half-typed coordinate is not a number yet.
  const [locations, setLocations] = useState<Record<string, LocationText>>(() =>
    Object.fromEntries(client.sites.map((s) => [s.id, locationText(s.location)])),
  );
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const own = useMemo(() => contacts.filter((c) => c.clientId === draft.id), [contacts, draft.id]);
  const gaps = onboardingGaps(draft, contacts);
  const patch = (p: Partial<Client>) => setDraft((d) => ({ ...d, ...p }));
  const patchSite = (i: number, p: Partial<Site>) => patch({ sites: draft.sites.map((s, k) => (k === i ? { ...s, ...p } : s)) });

  async function save() {
    setError(null);
    setSaved(null);
    const cents = (what: string, text: string) => {
      const v = parseDollars(text);
      if (v === null) throw new Error(`${what}: enter an amount in dollars, e.g. 150.00.`);
      return v;
    };
    try {
      let customPolicy: unknown = null;
      if (custom) {
        try {
          customPolicy = JSON.parse(policyText);
        } catch {
          throw new Error('The custom SLA policy is not valid JSON: fix it, or choose the preset.');
        }
      }
      const sites = draft.sites.map((site) => {
        const parsed = parseLocation(locations[site.id] ?? locationText(null), site.name);
        if (!parsed.ok) throw new Error(parsed.message);
        return { ...site, location: parsed.value };
      });
      const record = {
        ...draft,
        sites,
        customPolicy,
        contract: {
          ...draft.contract,
          hourlyRateCents: cents('The hourly rate', amounts.hourly),
          onsiteBaseFeeCents: cents('The onsite base fee', amounts.onsite),
          afterHoursRateCents: amounts.afterHours.trim() === '' ? null : cents('The after-hours rate', amounts.afterHours),
        },
      } as Client;
      await repos.clients.save(record);
      setSaved(`Saved ${record.name}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    // The contacts panel has forms of its own, so it sits beside the client's form, not in it (forms do not nest).
    <div className="client-page" data-testid="client-page">
      <form
        className="client-page-form"
        aria-labelledby="client-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h1 id="client-heading">{draft.name || 'New client'}</h1>
        {error && (
          <p className="field-error" role="alert" data-testid="client-error">
            {error}
          </p>
        )}
        {saved && (
          <p role="status" data-testid="client-saved">
            {saved}
          </p>
        )}

        <section aria-labelledby="details-heading" className="client-section">
          <h2 id="details-heading">Details</h2>
          <div className="field-row">
            <div className="field">
              <label htmlFor="client-name">Name</label>
              <input id="client-name" value={draft.name} onChange={(e) => patch({ name: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="client-zone">Time zone</label>
              <input id="client-zone" value={draft.timeZone} onChange={(e) => patch({ timeZone: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="client-scheme">Priority scheme</label>
              <select
                id="client-scheme"
                value={draft.prioritySchemeId}
                disabled={!isNew}
                onChange={(e) => {
                  const scheme = e.target.value as PrioritySchemeId;
                  patch({ prioritySchemeId: scheme });
                  setPolicyText(presetText({ id: draft.id, prioritySchemeId: scheme }));
                }}
              >
                {Object.values(PRIORITY_SCHEMES).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </section>

        <section aria-labelledby="sites-heading" className="client-section">
          <h2 id="sites-heading">Sites</h2>
          {draft.sites.map((site, i) => (
            <fieldset key={site.id} data-testid="site">
              <legend>Site {i + 1}</legend>
              <div className="field-row">
                <div className="field">
                  <label htmlFor={`site-name-${site.id}`}>Site name</label>
                  <input id={`site-name-${site.id}`} value={site.name} onChange={(e) => patchSite(i, { name: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`site-address-${site.id}`}>Address</label>
                  <input id={`site-address-${site.id}`} value={site.address} onChange={(e) => patchSite(i, { address: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`site-zone-${site.id}`}>Site time zone</label>
                  <input id={`site-zone-${site.id}`} value={site.timeZone} onChange={(e) => patchSite(i, { timeZone: e.target.value })} />
                </div>
              </div>
              <div className="field-row">
                <div className="field">
                  <label htmlFor={`site-travel-${site.id}`}>Travel zone</label>
                  <select
                    id={`site-travel-${site.id}`}
                    value={site.travelZone ?? 'local'}
                    onChange={(e) => patchSite(i, { travelZone: e.target.value as TravelZone })}
                  >
                    {TRAVEL_ZONES.map((z) => (
                      <option key={z} value={z}>
                        {TRAVEL_ZONE_RULES[z].label}
                      </option>
                    ))}
                  </select>
                </div>
                {(['latitude', 'longitude'] as const).map((axis) => (
                  <div className="field" key={axis}>
                    <label htmlFor={`site-${axis}-${site.id}`}>
                      {axis === 'latitude' ? 'Latitude (optional)' : 'Longitude (optional)'}
                    </label>
                    <input
                      id={`site-${axis}-${site.id}`}
                      inputMode="decimal"
                      value={(locations[site.id] ?? locationText(site.location))[axis]}
                      onChange={(e) =>
                        setLocations((l) => ({
                          ...l,
                          [site.id]: { ...(l[site.id] ?? locationText(site.location)), [axis]: e.target.value },
                        }))
                      }
                    />
                  </div>
                ))}
              </div>
              <button
                type="button"
                disabled={draft.sites.length === 1}
                aria-label={`Remove site ${site.name || i + 1}`}
                onClick={() => patch({ sites: draft.sites.filter((_, k) => k !== i) })}
              >
                Remove site
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() =>
              patch({ sites: [...draft.sites, { id: repos.clients.newSiteId(), name: '', address: '', timeZone: draft.timeZone }] })
            }
          >
            Add site
          </button>
        </section>

        <PolicyEditor client={draft} custom={custom} text={policyText} onCustom={setCustom} onText={setPolicyText} />

        <section aria-labelledby="contract-heading" className="client-section">
          <h2 id="contract-heading">Contract terms</h2>
          <div className="field-row">
            {(
              [
                ['hourly', 'Hourly rate (USD)', draft.contract.hourlyRateCents],
                ['onsite', 'Onsite base fee (USD)', draft.contract.onsiteBaseFeeCents],
                ['afterHours', 'After-hours rate (USD, empty: the hourly rate)', draft.contract.afterHoursRateCents],
              ] as const
            ).map(([key, label]) => {
              const cents = parseDollars(amounts[key]);
              return (
                <div className="field" key={key}>
                  <label htmlFor={`contract-${key}`}>{label}</label>
                  <input
                    id={`contract-${key}`}
                    inputMode="decimal"
                    value={amounts[key]}
                    aria-describedby={`contract-${key}-shown`}
                    onChange={(e) => setAmounts((a) => ({ ...a, [key]: e.target.value }))}
                  />
                  <span id={`contract-${key}-shown`} className="muted" data-testid={`contract-${key}-shown`}>
                    {cents !== null ? formatCents(cents) : amounts[key].trim() === '' ? '' : 'not an amount'}
                  </span>
                </div>
              );
            })}
            <div className="field">
              <label htmlFor="contract-after-hours-billable">After-hours work</label>
              <select
                id="contract-after-hours-billable"
                value={draft.contract.afterHoursBillable}
                onChange={(e) =>
                  patch({ contract: { ...draft.contract, afterHoursBillable: e.target.value as Client['contract']['afterHoursBillable'] } })
                }
              >
                {AFTER_HOURS_BILLING.map((b) => (
                  <option key={b} value={b}>
                    {AFTER_HOURS_BILLING_LABELS[b]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </section>

        <section aria-labelledby="window-heading" className="client-section">
          <h2 id="window-heading">Maintenance window</h2>
          <label>
            <input
              type="checkbox"
              checked={draft.maintenanceWindow !== null}
              onChange={(e) => patch({ maintenanceWindow: e.target.checked ? { weekdays: ['sat'], from: '22:00', to: '24:00' } : null })}
            />{' '}
            The client has agreed a maintenance window
          </label>
          {draft.maintenanceWindow && (
            <>
              <fieldset>
                <legend>Weekdays</legend>
                {WEEKDAYS.map((d) => (
                  <label key={d}>
                    <input
                      type="checkbox"
                      checked={draft.maintenanceWindow!.weekdays.includes(d)}
                      onChange={(e) => {
                        const w = draft.maintenanceWindow!;
                        const weekdays = e.target.checked
                          ? WEEKDAYS.filter((x) => x === d || w.weekdays.includes(x))
                          : w.weekdays.filter((x) => x !== d);
                        patch({ maintenanceWindow: { ...w, weekdays } });
                      }}
                    />{' '}
                    {WEEKDAY_LABELS[d]}
                  </label>
                ))}
              </fieldset>
              <div className="field-row">
                <div className="field">
                  <label htmlFor="window-from">From (HH:MM, {draft.timeZone})</label>
                  <input
                    id="window-from"
                    value={draft.maintenanceWindow.from}
                    onChange={(e) => patch({ maintenanceWindow: { ...draft.maintenanceWindow!, from: e.target.value } })}
                  />
                </div>
                <div className="field">
                  <label htmlFor="window-to">To (HH:MM, 24:00 for midnight)</label>
                  <input
                    id="window-to"
                    value={draft.maintenanceWindow.to}
                    onChange={(e) => patch({ maintenanceWindow: { ...draft.maintenanceWindow!, to: e.target.value } })}
                  />
                </div>
              </div>
            </>
          )}
        </section>

        <section aria-labelledby="onboarding-heading" className="client-section">
          <h2 id="onboarding-heading">Onboarding</h2>
          <h3 id="gaps-heading">Still missing</h3>
          {gaps.length === 0 ? (
            <p data-testid="onboarding-complete">Onboarding is complete.</p>
          ) : (
            <ul aria-labelledby="gaps-heading" data-testid="onboarding-gaps">
              {gaps.map((g) => (
                <li key={g.key} data-gap={g.key}>
                  {g.message}
                </li>
              ))}
            </ul>
          )}
          <fieldset>
            <legend>After-hours contacts</legend>
            {own.length === 0 && <p className="muted">Add contacts to the client first.</p>}
            {own.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={draft.onboarding.afterHoursContactIds.includes(c.id)}
                  onChange={(e) => {
                    const ids = draft.onboarding.afterHoursContactIds.filter((id) => id !== c.id);
                    patch({ onboarding: { ...draft.onboarding, afterHoursContactIds: e.target.checked ? [...ids, c.id] : ids } });
                  }}
                />{' '}
                {c.name}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="authorization-preferences">Authorization preferences</label>
            <textarea
              id="authorization-preferences"
              rows={3}
              value={draft.onboarding.authorizationPreferences}
              onChange={(e) => patch({ onboarding: { ...draft.onboarding, authorizationPreferences: e.target.value } })}
            />
          </div>
          <div className="field">
            <label htmlFor="onboarding-notes">Notes</label>
            <textarea
              id="onboarding-notes"
              rows={3}
              value={draft.onboarding.notes}
              onChange={(e) => patch({ onboarding: { ...draft.onboarding, notes: e.target.value } })}
            />
          </div>
        </section>

        <div className="form-actions">
          {!canEdit && (
            <p className="muted" id="client-read-only">
              Your role may read clients but not edit their service records; a coordinator, supervisor, site director or admin can.
            </p>
          )}
          <button type="submit" className="primary" disabled={!canEdit} aria-describedby={canEdit ? undefined : 'client-read-only'}>
            {isNew ? 'Create client' : 'Save client'}
          </button>
        </div>
      </form>
      {!isNew && <ContactsPanel clientId={draft.id} />}
      {!isNew && <ClientCallbacks client={client} contacts={contacts} />}
      {!isNew && <ClientCalls clientId={draft.id} />}
      {!isNew && <ClientVisits client={client} />}
    </div>
  );
}
