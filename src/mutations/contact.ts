import { z } from 'zod';
import { APPROVER_ROLES } from '../domain/contact-authorization';
import {
  APPROVAL_LIMIT_MAX_CENTS,
  CONTACT_EMAILS_MAX,
  CONTACT_PHONES_MAX,
  NO_WAY_TO_REACH,
  PHONE_LABELS,
  readPhones,
} from '../domain/contact-details';
import { isSupportedCountry, type CountryCode } from '../domain/phone';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS, type ContactRecord } from '../protocol/records';
import { defineMutation } from './define';
import { text } from './fields';

const email = text()
  .trim()
  .toLowerCase()
  .max(254, 'Shorten the email address to 254 characters.')
  .pipe(z.email('Enter a valid email address, e.g. rachel.adams@harbordental.example, or remove it.'));

/**
 * What a person typed: numbers stay as text here, and each side reads them
 * (readPhones): the desk to predict the row, the server to store what it read.
 */
export const upsertContactArgs = z
  .strictObject({
    id: z.uuid(),
    clientId: z.uuid(),
    name: text().trim().min(1, "Enter the contact's name.").max(200, 'Shorten the name to 200 characters.'),
    phones: z
      .array(z.strictObject({ raw: text(), label: z.enum(PHONE_LABELS) }))
      .max(CONTACT_PHONES_MAX, `List at most ${CONTACT_PHONES_MAX} phone numbers.`),
    emails: z.array(email).max(CONTACT_EMAILS_MAX, `List at most ${CONTACT_EMAILS_MAX} email addresses.`),
    role: z.enum(CONTACT_ROLES),
    approvalLimitCents: z
      .number()
      .int('Enter the approval limit in whole cents.')
      .min(0, 'An approval limit cannot be negative; leave it empty for no limit.')
      .max(APPROVAL_LIMIT_MAX_CENTS, 'An approval limit must be under $1,000,000,000; leave it empty for no limit.')
      .nullable(),
    /** Country of numbers typed without + and a country code; absent: US (src/domain/phone.ts). */
    defaultCountry: z
      .string()
      .refine(isSupportedCountry, 'defaultCountry must be a two-letter country code with a numbering plan, e.g. US or GB.')
      .optional(),
  })
  .superRefine((a, ctx) => {
    if (a.phones.length === 0 && a.emails.length === 0) ctx.addIssue({ code: 'custom', path: ['phones'], message: NO_WAY_TO_REACH });
    const read = readPhones(a.phones, a.defaultCountry as CountryCode | undefined);
    if (!read.ok) for (const p of read.problems) ctx.addIssue({ code: 'custom', path: ['phones', p.index, 'raw'], message: p.message });
    a.emails.forEach((e, i) => {
      const first = a.emails.indexOf(e);
      if (first < i)
        ctx.addIssue({ code: 'custom', path: ['emails', i], message: `${e} is already email ${first + 1}: remove one of them.` });
    });
    if (a.approvalLimitCents !== null && !APPROVER_ROLES.includes(a.role))
      ctx.addIssue({
        code: 'custom',
        path: ['approvalLimitCents'],
        message: `A ${CONTACT_ROLE_LABELS[a.role]} does not approve charges, so has no approval limit: leave it empty.`,
      });
  });

export type UpsertContactArgs = z.output<typeof upsertContactArgs>;

/** The contact the arguments describe, numbers read on this side; null when they do not read (the schema refuses those first). */
export function contactFromArgs(a: UpsertContactArgs): ContactRecord | null {
  const read = readPhones(a.phones, a.defaultCountry as CountryCode | undefined);
  if (!read.ok) return null;
  return {
    id: a.id,
    clientId: a.clientId,
    name: a.name,
    phones: read.phones,
    emails: a.emails,
    role: a.role,
    approvalLimitCents: a.approvalLimitCents,
  };
}

export const upsertContact = defineMutation({
  args: upsertContactArgs,
  target: (a) => ({ entity: 'contact', id: a.id }),
  names: (a, into) => {
    into.clients.push(a.clientId);
  },
  // The server's reading replaces this one when the change comes back.
  apply: (row, { args }) => contactFromArgs(args) ?? row,
});

export const deleteContact = defineMutation({
  args: z.strictObject({ id: z.uuid() }),
  target: (a) => ({ entity: 'contact', id: a.id }),
  names: () => {},
  apply: () => null,
});
