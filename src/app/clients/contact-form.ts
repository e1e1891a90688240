// The contact form's state and its reading into upsertContact arguments, with
// every problem by field so the form shows each beside its input. The rules are
// the mutation's own schema (src/mutations/contact.ts); this adds only what the
// form knows: empty rows are left out, and the limit is typed in dollars.
import { APPROVER_ROLES, type ContactRole } from '../../domain/contact-authorization';
import type { PhoneLabel } from '../../domain/contact-details';
import type { CountryCode } from '../../domain/phone';
import { upsertContactArgs } from '../../mutations/contact';
import type { MutationArgs } from '../../mutations';
import type { ContactRecord } from '../../protocol/records';

export interface ContactForm {
  name: string;
  role: ContactRole;
  phones: { raw: string; label: PhoneLabel }[];
  emails: string[];
  /** Dollars as typed ("1,500" or "1500.00"); empty for no limit. */
  approvalLimit: string;
}

export const emptyContactForm = (): ContactForm => ({
  name: '',
  role: 'none',
  phones: [{ raw: '', label: 'work' }],
  emails: [''],
  approvalLimit: '',
});

export function formFromContact(c: ContactRecord): ContactForm {
  return {
    name: c.name,
    role: c.role,
    phones: c.phones.length ? c.phones.map((p) => ({ raw: p.raw, label: p.label })) : [{ raw: '', label: 'work' }],
    emails: c.emails.length ? [...c.emails] : [''],
    approvalLimit: c.approvalLimitCents === null ? '' : (c.approvalLimitCents / 100).toFixed(2),
  };
}

export const mayHaveLimit = (role: ContactRole): boolean => APPROVER_ROLES.includes(role);

/** Field paths are the form's own: `phones.2.raw` is the third phone input even when an empty one above it was left out. */
export type ContactFormResult = { ok: true; args: MutationArgs['upsertContact'] } | { ok: false; errors: Record<string, string> };

const DOLLARS = /^\$?\s*(\d{1,3}(,\d{3})*|\d+)(\.\d{1,2})?$/;

export function argsFromForm(ids: { id: string; clientId: string }, form: ContactForm, defaultCountry?: CountryCode): ContactFormResult {
  const errors: Record<string, string> = {};
  const phoneRows = form.phones.map((p, i) => ({ ...p, i })).filter((p) => p.raw.trim() !== '');
  const emailRows = form.emails.map((e, i) => ({ e, i })).filter((r) => r.e.trim() !== '');
  let approvalLimitCents: number | null = null;
  const limit = form.approvalLimit.trim();
  if (mayHaveLimit(form.role) && limit !== '') {
    if (!DOLLARS.test(limit))
      errors.approvalLimitCents = 'Enter the limit in dollars, e.g. 1500 or 1,500.00, or leave it empty for no limit.';
    else approvalLimitCents = Math.round(Number(limit.replace(/[$,\s]/g, '')) * 100);
  }
  const args: MutationArgs['upsertContact'] = {
    ...ids,
    name: form.name,
    role: form.role,
    phones: phoneRows.map(({ raw, label }) => ({ raw, label })),
    emails: emailRows.map((r) => r.e),
    approvalLimitCents,
    ...(defaultCountry ? { defaultCountry } : {}),
  };
  const parsed = upsertContactArgs.safeParse(args);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [head, index, ...rest] = issue.path.map(String);
      let field = issue.path.map(String).join('.');
      if (head === 'phones' && index !== undefined) field = ['phones', phoneRows[Number(index)]!.i, ...rest].join('.');
      if (head === 'emails' && index !== undefined) field = ['emails', emailRows[Number(index)]!.i].join('.');
      errors[field] ??= issue.message;
    }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, args: parsed.success ? parsed.data : args };
}

/** "$1,500.00" in the user's locale; the amount is US dollars whatever the locale. */
export { formatCents as formatLimit } from '../../domain/money';
