// Who called and where: filled from the picked contact, typed for a new caller.
// An unknown number can be added as a new contact of the chosen client.
import { useState } from 'react';
import type { Client } from '../../domain/ticket';
import { Field } from '../ticket/Field';
import type { IntakeFormProblems } from './intake-check';
import type { IntakeDraft } from './intake-draft';

export function CallerDetails({
  draft,
  clients,
  client,
  problems,
  onChange,
  onNewContact,
}: {
  draft: IntakeDraft;
  clients: readonly Client[];
  client: Client | undefined;
  problems: IntakeFormProblems;
  onChange(patch: Partial<IntakeDraft>): void;
  /** Adds the caller as a contact of the chosen client; resolves to a message when refused. */
  onNewContact(): Promise<string | null>;
}) {
  const [contactMessage, setContactMessage] = useState<string | null>(null);
  const chooseClient = (clientId: string) => {
    const next = clients.find((c) => c.id === clientId);
    const site = next?.sites[0];
    onChange({ clientId, siteId: site?.id ?? '', siteAddress: site?.address ?? '', existingTicketId: null });
  };
  return (
    <section className="intake-caller" aria-label="Caller" data-testid="intake-caller">
      <div className="field-row">
        <Field label="Caller name" error={problems.callerName}>
          {(props) => (
            <input {...props} value={draft.callerName} onChange={(e) => onChange({ callerName: e.target.value })} autoComplete="off" />
          )}
        </Field>
        <Field label="Callback number (read it back to confirm)" error={problems.callbackNumber}>
          {(props) => (
            <input
              {...props}
              type="tel"
              value={draft.callbackNumber}
              onChange={(e) => onChange({ callbackNumber: e.target.value })}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Email" error={problems.callerEmail}>
          {(props) => (
            <input
              {...props}
              type="email"
              value={draft.callerEmail}
              onChange={(e) => onChange({ callerEmail: e.target.value })}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Client" error={problems.clientId}>
          {(props) => (
            <select {...props} value={draft.clientId} disabled={draft.contactId !== null} onChange={(e) => chooseClient(e.target.value)}>
              <option value="">Choose the caller's client…</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Site" error={undefined}>
          {(props) => (
            <select
              {...props}
              value={draft.siteId}
              onChange={(e) => {
                const site = client?.sites.find((s) => s.id === e.target.value);
                onChange({ siteId: e.target.value, siteAddress: site?.address ?? draft.siteAddress });
              }}
            >
              <option value="">Another address</option>
              {client?.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Site address" error={problems.siteAddress}>
          {(props) => (
            <input {...props} value={draft.siteAddress} onChange={(e) => onChange({ siteAddress: e.target.value })} autoComplete="off" />
          )}
        </Field>
        <Field label="Main number of the affected phone system (if any)" error={problems.systemNumber}>
          {(props) => (
            <input
              {...props}
              type="tel"
              value={draft.systemNumber}
              onChange={(e) => onChange({ systemNumber: e.target.value })}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      {/* The message outlives the button: once the caller is added they are picked, and the button goes. */}
      {((draft.contactId === null && client) || contactMessage) && (
        <p>
          {draft.contactId === null && client && (
            <button
              type="button"
              onClick={async () =>
                setContactMessage((await onNewContact()) ?? `Added ${draft.callerName.trim()} as a contact of ${client.name}.`)
              }
            >
              New contact on {client.name}
            </button>
          )}{' '}
          {contactMessage && (
            <span role="status" data-testid="new-contact-message">
              {contactMessage}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
