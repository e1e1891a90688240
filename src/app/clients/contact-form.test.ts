import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../protocol/records';
import { argsFromForm, emptyContactForm, formatLimit, formFromContact, type ContactForm } from './contact-form';

const ids = { id: '019a0000-0000-7000-8000-000000000101', clientId: '019a0000-0000-7000-8000-0000000000c1' };
const form = (overrides: Partial<ContactForm>): ContactForm => ({ ...emptyContactForm(), name: 'Rachel Adams', ...overrides });

describe('argsFromForm', () => {
  it('leaves out empty rows, lower-cases emails and reads dollars into cents', () => {
    const result = argsFromForm(
      ids,
      form({
        role: 'billing_contact',
        phones: [
          { raw: '', label: 'work' },
          { raw: '913-555-0142 x 5', label: 'mobile' },
        ],
        emails: [' Rachel@Harbor.example ', ''],
        approvalLimit: '$1,500.50',
      }),
    );
    expect(result).toEqual({
      ok: true,
      args: {
        ...ids,
        name: 'Rachel Adams',
        role: 'billing_contact',
        phones: [{ raw: '913-555-0142 x 5', label: 'mobile' }],
        emails: ['rachel@harbor.example'],
        approvalLimitCents: 150_050,
      },
    });
  });

  it('names every problem by the input it belongs to, counting the empty rows left out', () => {
    const result = argsFromForm(
      ids,
      form({
        name: ' ',
        role: 'backup_approver',
        phones: [
          { raw: '', label: 'work' },
          { raw: 'hello', label: 'work' },
        ],
        emails: ['', 'rachel@'],
        approvalLimit: 'lots',
      }),
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.errors;
    expect(Object.keys(errors).sort()).toEqual(['approvalLimitCents', 'emails.1', 'name', 'phones.1.raw']);
    expect(errors['phones.1.raw']).toMatch(/"hello" is not a phone number/);
    expect(errors.approvalLimitCents).toMatch(/in dollars, e\.g\. 1500/);
  });

  it('refuses a contact with no way to reach them, and ignores a limit typed for a role that does not approve', () => {
    expect(argsFromForm(ids, form({ approvalLimit: '100' }))).toEqual({
      ok: false,
      errors: { phones: 'A contact needs a way to reach them: add a phone number or an email.' },
    });
    const portal = argsFromForm(ids, form({ role: 'portal_admin', emails: ['p@x.example'], approvalLimit: '100' }));
    expect(portal.ok && portal.args.approvalLimitCents).toBeNull();
  });
});

describe('formFromContact', () => {
  it('gives back what argsFromForm reads into the same contact', () => {
    const contact: ContactRecord = {
      ...ids,
      name: 'Owen Brooks',
      role: 'backup_approver',
      phones: [{ raw: '+44 20 7946 0958', e164: '+442079460958', extension: null, label: 'other' }],
      emails: ['owen@harbor.example'],
      approvalLimitCents: 99_999,
    };
    expect(argsFromForm(ids, formFromContact(contact))).toEqual({
      ok: true,
      args: {
        ...ids,
        name: 'Owen Brooks',
        role: 'backup_approver',
        phones: [{ raw: '+44 20 7946 0958', label: 'other' }],
        emails: ['owen@harbor.example'],
        approvalLimitCents: 99_999,
      },
    });
  });
});

it('formats a limit in the locale asked for', () => {
  expect(formatLimit(150_050, 'en-US')).toBe('$1,500.50');
  expect(formatLimit(150_050, 'de-DE')).toMatch(/^1\.500,50\s\$$/);
});
