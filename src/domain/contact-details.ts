// How a client's contact can be reached, and who on our side keeps the list
// (docs/domain/contacts-and-approvals.md, "Client contacts and their roles").
import { parsePhone, type CountryCode } from './phone';

export const PHONE_LABELS = ['work', 'mobile', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export const PHONE_LABEL_NAMES: Record<PhoneLabel, string> = { work: 'Work', mobile: 'Mobile', other: 'Other' };

/** A stored number: what was typed, what it was read as (E.164), its extension. */
export interface ContactPhone {
  raw: string;
  e164: string;
  extension: string | null;
  label: PhoneLabel;
}

/** Enough for any real contact; a longer list is a paste gone wrong. */
export const CONTACT_PHONES_MAX = 10;
export const CONTACT_EMAILS_MAX = 10;
/** $1,000,000,000.00: far above any approval, far below what a bigint or a double cannot hold exactly. */
export const APPROVAL_LIMIT_MAX_CENTS = 100_000_000_000;

export const NO_WAY_TO_REACH = 'A contact needs a way to reach them: add a phone number or an email.';

export type ReadPhones =
  | { ok: true; phones: ContactPhone[] }
  /** Each problem with the index of its number in the list. */
  | { ok: false; problems: { index: number; message: string }[] };

/** Reads a contact's typed numbers; a number listed twice (same E.164 and extension) is a problem too. */
export function readPhones(typed: readonly { raw: string; label: PhoneLabel }[], defaultCountry?: CountryCode): ReadPhones {
  const phones: ContactPhone[] = [];
  const problems: { index: number; message: string }[] = [];
  const seen = new Map<string, number>();
  typed.forEach(({ raw, label }, index) => {
    const parsed = parsePhone(raw, defaultCountry);
    if (!parsed.ok) {
      problems.push({ index, message: parsed.problem });
      return;
    }
    const key = `${parsed.e164};${parsed.extension ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ index, message: `"${raw.trim()}" is the same number as phone ${first + 1}: remove one of them.` });
      return;
    }
    seen.set(key, index);
    phones.push({ raw: raw.trim(), e164: parsed.e164, extension: parsed.extension, label });
  });
  return problems.length ? { ok: false, problems } : { ok: true, phones };
}
