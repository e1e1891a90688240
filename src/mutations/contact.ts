import { z } from 'zod';
import { CONTACT_ROLES, type ContactRecord } from '../protocol/records';
import { defineMutation } from './define';
import { text } from './fields';

const PHONE = /^\+?[0-9 ().-]{3,30}(\s*(x|ext\.?)\s*\d{1,6})?$/i;

export const upsertContact = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    clientId: z.uuid(),
    name: text().trim().min(1, "Enter the contact's name.").max(200),
    email: text().trim().max(254).pipe(z.email('Enter a valid email address, or leave it empty.')).nullable(),
    phone: z
      .string()
      .trim()
      .regex(PHONE, 'Enter a phone number (digits, spaces, + ( ) - . and an optional extension), or leave it empty.')
      .nullable(),
    role: z.enum(CONTACT_ROLES),
  }),
  target: (a) => ({ entity: 'contact', id: a.id }),
  names: (a, into) => {
    into.clients.push(a.clientId);
  },
  apply: (_row, { args: a }) => {
    // The server stores an empty email or phone as none.
    const contact: ContactRecord = {
      id: a.id,
      clientId: a.clientId,
      name: a.name,
      email: a.email || null,
      phone: a.phone || null,
      role: a.role,
    };
    return contact;
  },
});

export const deleteContact = defineMutation({
  args: z.strictObject({ id: z.uuid() }),
  target: (a) => ({ entity: 'contact', id: a.id }),
  names: () => {},
  apply: () => null,
});
