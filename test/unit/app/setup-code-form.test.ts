// The sign-in dialog's setup-code mode checks the form before anything is
// sent (docs/staff-and-sessions.md): each problem is named on its field.
import { describe, expect, it } from 'vitest';
import { checkSetupCodeForm, type SetupCodeFields } from '../../../src/app/session/setup-code-form';
import { PASSWORD_MIN_LENGTH } from '../../../src/protocol';

const good: SetupCodeFields = {
  workspace: 'demo',
  email: 'dana@example.com',
  code: 'ABCD-EFGH-JK23',
  password: 'a long enough password',
  confirm: 'a long enough password',
};

describe('checkSetupCodeForm', () => {
  it('accepts a well-formed form and sends the fields as typed (the server normalizes them)', () => {
    expect(checkSetupCodeForm({ ...good, code: ' abcd efgh-jk23 ' })).toEqual({
      ok: true,
      request: { workspace: 'demo', email: 'dana@example.com', code: ' abcd efgh-jk23 ', password: good.password },
    });
  });

  it.each([
    ['an empty code', { code: '' }, 'code', 'Enter the one-time setup code'],
    ['a code one character short', { code: 'ABCD-EFGH-JK2' }, 'code', 'this one has 11'],
    ['a code with O and I, which codes never have', { code: 'ABCD-EFGH-JKOI' }, 'code', '“O”, “I” is not in it'],
    ['a password shorter than the server allows', { password: 'short', confirm: 'short' }, 'password', `at least ${PASSWORD_MIN_LENGTH}`],
    ['passwords that differ', { confirm: 'a long enough passwort' }, 'confirm', 'not the same'],
    ['no workspace', { workspace: ' ' }, 'workspace', 'Enter the workspace name'],
    ['no email', { email: '' }, 'email', 'Enter your email address'],
  ] as const)('refuses %s, naming the field', (_what, patch, field, message) => {
    const check = checkSetupCodeForm({ ...good, ...patch });
    expect(check.ok).toBe(false);
    const errors = check.ok ? {} : check.errors;
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toContain(message);
  });
});
