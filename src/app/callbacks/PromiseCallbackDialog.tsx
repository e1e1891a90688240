// "Promise a callback" (docs/domain/phone-intake.md, "Callbacks"): who, which
// number, why, and by when in the caller's own zone. Opened from the client
// page and from the intake screen; saved through the outbox, so it works offline.
// A problem is shown by its field and nothing is saved.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { instantToWallTime, quickPromises, wallTimeToInstant } from '../../domain/callbacks';
import { CALLBACK_REASON_MAX } from '../../domain/calls';
import type { CallbackDraft } from '../../data/callback-repository';
import { LocalMutationRefused } from '../../data/outbox';
import type { CallbackRecord, ContactRecord } from '../../protocol/records';
import { useServices } from '../services';
import { StaffDialog } from '../staff/StaffDialog';

// The quick choices' labels; their times are read from the clock when one is picked.
const QUICK_LABELS = quickPromises(0, 'UTC').map((q) => q.label);

type Field = 'callerName' | 'number' | 'reason' | 'promisedBy' | 'timeZone';
const FIELDS: readonly string[] = ['callerName', 'number', 'reason', 'promisedBy', 'timeZone'] satisfies Field[];

/** Every zone this runtime knows, for the zone select; the caller's default is always among them. */
function zones(include: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(include) ? known : [include, ...known];
}

export interface PromiseCallbackProps {
  clientId: string;
  contactId: string | null;
  callerName: string;
  number: string;
  ticketId: string | null;
  /** The caller's zone to start from: the client's site zone. */
  defaultTimeZone: string;
  /** The client's contacts to choose the caller from, when the dialog is opened without a caller (the client page). */
  contacts?: readonly ContactRecord[];
  onClose(): void;
  onPromised?(callback: CallbackRecord): void;
  /** Saves the callback; the intake screen saves the call's log entry with it, in one transaction. Default: the callback alone. */
  save?(draft: CallbackDraft): Promise<CallbackRecord>;
}

export function PromiseCallbackDialog(props: PromiseCallbackProps) {
  const { repos } = useServices();
  const id = useId();
  const [contactId, setContactId] = useState(props.contactId);
  const [callerName, setCallerName] = useState(props.callerName);
  const [number, setNumber] = useState(props.number);
  const [reason, setReason] = useState('');
  const [timeZone, setTimeZone] = useState(props.defaultTimeZone);
  const [wall, setWall] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const zoneList = useMemo(() => zones(props.defaultTimeZone), [props.defaultTimeZone]);

  function chooseContact(value: string) {
    const contact = props.contacts?.find((c) => c.id === value);
    setContactId(contact?.id ?? null);
    if (contact) {
      setCallerName(contact.name);
      const phone = contact.phones[0];
      if (phone) setNumber(phone.raw);
    }
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    setErrors({});
    setGeneral(null);
    const promisedBy = wall ? wallTimeToInstant(wall, timeZone) : null;
    if (!promisedBy) {
      setErrors({ promisedBy: `Give a date and time in the caller's zone (${timeZone}), or pick one of the quick choices.` });
      return;
    }
    try {
      const save = props.save ?? ((draft: CallbackDraft) => repos.callbacks.promise(draft));
      const callback = await save({
        clientId: props.clientId,
        contactId,
        callerName,
        number,
        reason,
        promisedBy,
        timeZone,
        ticketId: props.ticketId,
      });
      props.onPromised?.(callback);
      props.onClose();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = error instanceof LocalMutationRefused ? error.field : undefined;
      if (field && FIELDS.includes(field)) setErrors({ [field]: message.replace(new RegExp(`^${field}: `), '') });
      else setGeneral(message);
    }
  }

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`} data-testid={`callback-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: Field) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <StaffDialog title="Promise a callback" onClose={props.onClose} onSubmit={() => void submit()} testId="promise-callback-dialog">
      {general && (
        <p className="field-error" role="alert" data-testid="callback-error">
          {general}
        </p>
      )}
      {props.contacts && props.contacts.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-contact`}>Caller</label>
          <select id={`${id}-contact`} value={contactId ?? ''} onChange={(e) => chooseContact(e.target.value)}>
            <option value="">Someone not on the contact list</option>
            {props.contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>Who to call back</label>
        <input id={`${id}-name`} value={callerName} onChange={(e) => setCallerName(e.target.value)} {...described('callerName')} />
        {fieldError('callerName')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-number`}>Number to call</label>
        <input id={`${id}-number`} type="tel" value={number} onChange={(e) => setNumber(e.target.value)} {...described('number')} />
        {fieldError('number')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why they need a call back</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={CALLBACK_REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...described('reason')}
        />
        {fieldError('reason')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-zone`}>Caller&apos;s time zone</label>
        <select id={`${id}-zone`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} {...described('timeZone')}>
          {zoneList.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        {fieldError('timeZone')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-when`}>Promised by ({timeZone})</label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          value={wall}
          onChange={(e) => setWall(e.target.value)}
          {...described('promisedBy')}
        />
        <div className="quick-choices" role="group" aria-label="Quick choices">
          {QUICK_LABELS.map((label, i) => (
            <button
              key={label}
              type="button"
              onClick={() => setWall(instantToWallTime(quickPromises(Date.now(), timeZone)[i]!.iso, timeZone))}
            >
              {label}
            </button>
          ))}
        </div>
        {fieldError('promisedBy')}
      </div>
      <div className="modal-actions">
        <button type="submit" className="primary">
          Promise the callback
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </StaffDialog>
  );
}
