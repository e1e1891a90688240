// Taking a payment on a visit (the prepayment, or the payment for approved
// more time): the amount starts at what is owed, the method and the
// reference accounting matches it by. A refusal is shown by its field and
// nothing is recorded.
import { useId, useState, type FormEvent } from 'react';
import type { PaymentDraft } from '../../data/visit-repository';
import { parseDollars } from '../../domain/money';
import { refusalOf } from './refusal';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, REFERENCE_MAX, type PaymentMethod } from '../../domain/visits';

type Field = 'amountCents' | 'method' | 'reference';

export function PaymentForm({
  label,
  initialCents,
  onSave,
  onDone,
}: {
  /** The form's accessible name and its button: "Record prepayment". */
  label: string;
  initialCents: number;
  onSave(payment: PaymentDraft): Promise<void>;
  onDone(): void;
}) {
  const ids = { amount: useId(), method: useId(), reference: useId() };
  const [amount, setAmount] = useState((initialCents / 100).toFixed(2));
  const [method, setMethod] = useState<PaymentMethod>('portal');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral(null);
    const cents = parseDollars(amount);
    if (cents === null) return setErrors({ amountCents: `"${amount}" is not an amount in dollars: enter e.g. 625.00.` });
    if (!reference.trim())
      return setErrors({ reference: "Enter the payment's reference (portal receipt, check number…) so accounting can match it." });
    try {
      await onSave({ amountCents: cents, method, reference: reference.trim() });
      onDone();
    } catch (err) {
      const { field, message } = refusalOf(err);
      if (field === 'amountCents' || field === 'method' || field === 'reference') setErrors({ [field]: message });
      else setGeneral(message);
    }
  }

  const error = (field: Field, id: string) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-error`} role="alert" data-testid={`payment-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: Field, id: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

  return (
    <form className="time-form visit-payment" aria-label={label} onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={ids.amount}>Amount (USD)</label>
      <input
        id={ids.amount}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        {...described('amountCents', ids.amount)}
      />
      {error('amountCents', ids.amount)}
      <label htmlFor={ids.method}>Paid by</label>
      <select id={ids.method} value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
        {PAYMENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {PAYMENT_METHOD_LABELS[m]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.reference}>Reference</label>
      <input
        id={ids.reference}
        value={reference}
        maxLength={REFERENCE_MAX}
        onChange={(e) => setReference(e.target.value)}
        autoComplete="off"
        {...described('reference', ids.reference)}
      />
      {error('reference', ids.reference)}
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">{label}</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
