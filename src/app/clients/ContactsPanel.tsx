// A client's contacts on the client page (docs/domain/contacts-and-approvals.md):
// who they are, how to reach them, who may approve billable work and up to
// what; added, changed and removed by the roles that keep the list, read-only
// for everyone else. Offline like everything else: saved through the outbox.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { approversAmong, CONTACT_ROLE_LABELS, CONTACT_ROLES, type ContactRole } from '../../domain/contact-authorization';
import { PHONE_LABEL_NAMES, PHONE_LABELS, type PhoneLabel } from '../../domain/contact-details';
import { DEFAULT_PHONE_COUNTRY, formatPhone, parsePhone } from '../../domain/phone';
import type { ContactRecord } from '../../protocol/records';
import { newId } from '../../data/ids';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useCan } from '../session/use-can';
import { argsFromForm, emptyContactForm, formatLimit, formFromContact, mayHaveLimit, type ContactForm } from './contact-form';

export function ContactsPanel({ clientId }: { clientId: string }) {
  const { repos } = useServices();
  const contacts = useLive(useMemo(() => repos.contacts.liveForClient(clientId), [repos, clientId]));
  const canManage = useCan('contact.manage');
  // null: no form; 'new': adding; otherwise the id being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);

  const list = contacts ?? [];
  const approvers = new Set(approversAmong(list).map((c) => c.id));
  const billingContacts = list.filter((c) => c.role === 'billing_contact');
  const close = () => {
    setEditing(null);
    addButton.current?.focus();
  };
  const remove = (c: ContactRecord) => {
    setError(null);
    repos.contacts.remove(c.id).then(
      () => setDeleting(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };

  return (
    <section className="contacts-panel" aria-labelledby={headingId} data-testid="contacts-panel">
      <div className="screen-header">
        <h2 id={headingId}>Contacts</h2>
        {canManage ? (
          editing === null && (
            <button type="button" ref={addButton} onClick={() => setEditing('new')}>
              Add contact…
            </button>
          )
        ) : (
          <span className="muted">Read only: your role may not change contacts.</span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {editing === 'new' && <ContactEditor clientId={clientId} contact={null} onDone={close} />}
      {contacts === undefined ? (
        <p className="muted">Loading contacts…</p>
      ) : list.length === 0 ? (
        <p className="empty">No contacts yet.</p>
      ) : (
        <table className="contacts-table" aria-label="Contacts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Phone</th>
              <th scope="col">Email</th>
              <th scope="col">Approves up to</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.map((c) =>
              editing === c.id ? (
                <tr key={c.id}>
                  <td colSpan={canManage ? 6 : 5}>
                    <ContactEditor clientId={clientId} contact={c} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={c.id} data-testid="contact-row">
                  <td>{c.name}</td>
                  <td>
                    {CONTACT_ROLE_LABELS[c.role]}
                    {approvers.has(c.id) && (
                      <span className="badge approver-badge" data-testid="approver-badge">
                        May approve
                      </span>
                    )}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {c.phones.map((p) => (
                        <li key={`${p.e164};${p.extension ?? ''}`}>
                          <span className="muted">{PHONE_LABEL_NAMES[p.label]}:</span>{' '}
                          {formatPhone(p.e164, p.extension, DEFAULT_PHONE_COUNTRY)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {c.emails.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{approvers.has(c.id) ? (c.approvalLimitCents === null ? 'No limit' : formatLimit(c.approvalLimitCents)) : '—'}</td>
                  {canManage && (
                    <td>
                      {deleting === c.id ? (
                        <span role="group" aria-label={`Delete ${c.name}?`}>
                          {c.role === 'billing_contact' && billingContacts.length === 1 && (
                            <span className="field-error" data-testid="last-billing-warning">
                              {c.name} is this client&apos;s only Billing Contact: billable work will wait for a Backup Approver, or for a
                              new Billing Contact.{' '}
                            </span>
                          )}
                          <button type="button" onClick={() => remove(c)}>
                            Delete {c.name}
                          </button>{' '}
                          <button type="button" onClick={() => setDeleting(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <>
                          <button type="button" onClick={() => setEditing(c.id)} aria-label={`Edit ${c.name}`}>
                            Edit
                          </button>{' '}
                          <button type="button" onClick={() => setDeleting(c.id)} aria-label={`Delete ${c.name}…`}>
                            Delete…
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ContactEditor({ clientId, contact, onDone }: { clientId: string; contact: ContactRecord | null; onDone: () => void }) {
  const { repos } = useServices();
  const [form, setForm] = useState<ContactForm>(() => (contact ? formFromContact(contact) : emptyContactForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [id] = useState(() => contact?.id ?? newId());
  const base = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);

  const set = (next: Partial<ContactForm>) => setForm((f) => ({ ...f, ...next }));
  /** Changing an input takes its problem away until the next save says otherwise. */
  const edited = (field: string) =>
    setErrors((e) => {
      const rest = { ...e };
      delete rest[field];
      // A number or an email typed answers "no way to reach them".
      if (field.startsWith('phones') || field.startsWith('emails')) delete rest.phones;
      return rest;
    });
  const fieldId = (field: string) => `${base}-${field.replace(/\./g, '-')}`;
  const errorOf = (field: string) => errors[field];
  const described = (field: string) =>
    errorOf(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(field)}-error` } : { 'aria-invalid': false as const };
  const errorText = (field: string) =>
    errorOf(field) && (
      <p className="field-error" id={`${fieldId(field)}-error`}>
        {errorOf(field)}
      </p>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const read = argsFromForm({ id, clientId }, form, DEFAULT_PHONE_COUNTRY);
    if (!read.ok) {
      setErrors(read.errors);
      // Keyboard users land on the first field to fix.
      const first = Object.keys(read.errors)[0]!;
      document.getElementById(fieldId(first === 'phones' ? 'phones.0.raw' : first))?.focus();
      return;
    }
    setErrors({});
    try {
      await repos.contacts.save(read.args);
      onDone();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onDone();
    }
  };

  const title = contact ? `Edit ${contact.name}` : 'New contact';
  return (
    <form className="contact-form" aria-label={title} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <div className="field">
        <label htmlFor={fieldId('name')}>Name</label>
        <input
          id={fieldId('name')}
          ref={nameInput}
          value={form.name}
          onChange={(e) => {
            set({ name: e.target.value });
            edited('name');
          }}
          autoComplete="off"
          {...described('name')}
        />
        {errorText('name')}
      </div>
      <div className="field">
        <label htmlFor={fieldId('role')}>Role</label>
        <select id={fieldId('role')} value={form.role} onChange={(e) => set({ role: e.target.value as ContactRole })}>
          {CONTACT_ROLES.map((r) => (
            <option key={r} value={r}>
              {CONTACT_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field" aria-describedby={errorOf('phones') ? `${fieldId('phones')}-error` : undefined}>
        <legend>Phone numbers</legend>
        {form.phones.map((p, i) => {
          const reading = p.raw.trim() ? parsePhone(p.raw, DEFAULT_PHONE_COUNTRY) : null;
          const field = `phones.${i}.raw`;
          return (
            <div className="field-row" key={i}>
              <div className="field">
                <label htmlFor={fieldId(field)}>Phone {i + 1}</label>
                <input
                  id={fieldId(field)}
                  type="tel"
                  value={p.raw}
                  placeholder="913-555-0142 ext. 204"
                  onChange={(e) => {
                    set({ phones: form.phones.map((q, j) => (j === i ? { ...q, raw: e.target.value } : q)) });
                    edited(field);
                  }}
                  {...described(field)}
                />
                {errorText(field) ??
                  (reading?.ok && (
                    <p className="muted" data-testid="phone-reading">
                      Reads as {reading.international}
                      {reading.extension ? ` ext. ${reading.extension}` : ''}
                    </p>
                  ))}
              </div>
              <div className="field">
                <label htmlFor={fieldId(`phones.${i}.label`)}>Kind</label>
                <select
                  id={fieldId(`phones.${i}.label`)}
                  value={p.label}
                  onChange={(e) =>
                    set({ phones: form.phones.map((q, j) => (j === i ? { ...q, label: e.target.value as PhoneLabel } : q)) })
                  }
                >
                  {PHONE_LABELS.map((l) => (
                    <option key={l} value={l}>
                      {PHONE_LABEL_NAMES[l]}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                onClick={() => set({ phones: form.phones.filter((_, j) => j !== i) })}
                aria-label={`Remove phone ${i + 1}`}
              >
                Remove
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => set({ phones: [...form.phones, { raw: '', label: 'work' }] })}>
          Add phone
        </button>
        {errorText('phones')}
      </fieldset>
      <fieldset className="field">
        <legend>Email addresses</legend>
        {form.emails.map((e, i) => (
          <div className="field-row" key={i}>
            <div className="field">
              <label htmlFor={fieldId(`emails.${i}`)}>Email {i + 1}</label>
              <input
                id={fieldId(`emails.${i}`)}
                type="email"
                value={e}
                onChange={(ev) => {
                  set({ emails: form.emails.map((x, j) => (j === i ? ev.target.value : x)) });
                  edited(`emails.${i}`);
                }}
                {...described(`emails.${i}`)}
              />
              {errorText(`emails.${i}`)}
            </div>
            <button
              type="button"
              onClick={() => set({ emails: form.emails.filter((_, j) => j !== i) })}
              aria-label={`Remove email ${i + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ emails: [...form.emails, ''] })}>
          Add email
        </button>
      </fieldset>
      {mayHaveLimit(form.role) && (
        <div className="field">
          <label htmlFor={fieldId('approvalLimitCents')}>Approves up to (US dollars; empty for no limit)</label>
          <input
            id={fieldId('approvalLimitCents')}
            inputMode="decimal"
            value={form.approvalLimit}
            onChange={(e) => {
              set({ approvalLimit: e.target.value });
              edited('approvalLimitCents');
            }}
            {...described('approvalLimitCents')}
          />
          {errorText('approvalLimitCents')}
        </div>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">{contact ? 'Save contact' : 'Add contact'}</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
