// What an intake must hold before it is saved (docs/domain/phone-intake.md,
// "What a phone ticket records" and "Bad input"): the caller's name and a
// callback number that reads as one, an email with a domain, a description of
// at least 10 characters for the most urgent priority, a reason for choosing
// another priority than the suggested one, and — after hours, when the work is
// billable — a record that the caller was told.
import { describe, expect, it } from 'vitest';
import { emailProblem, intakeProblems, type IntakeTicketFacts, type TicketIntake } from './intake';

const phone = (raw: string, e164: string, extension: string | null = null) => ({ raw, e164, extension });

const good: TicketIntake = {
  callerContactId: null,
  callerName: 'Rachel Adams',
  callbackNumber: phone('913-555-0142', '+19135550142'),
  callerEmail: 'rachel@harbordental.example',
  siteId: null,
  siteAddress: '1 Harbor Way, Kansas City',
  systemNumber: phone('(913) 555 0100', '+19135550100'),
  requestKind: 'issue',
  impact: 'one',
  workaround: true,
  suggestedPriority: 'medium',
  overrideReason: null,
  afterHours: null,
  callId: null,
};
const facts: IntakeTicketFacts = { schemeId: 'four-tier', priority: 'medium', description: 'No dial tone', afterHoursBillable: false };

describe('intakeProblems', () => {
  it('accepts a complete intake', () => expect(intakeProblems(good, facts)).toEqual({}));

  it.each<[string, Partial<TicketIntake>, Partial<IntakeTicketFacts>, string]>([
    ['a blank caller name', { callerName: '  ' }, {}, 'callerName'],
    ['a callback number that is text', { callbackNumber: phone('call reception', '+19135550142') }, {}, 'callbackNumber'],
    [
      'a callback number whose E.164 does not match its text',
      { callbackNumber: phone('913-555-0142', '+19135550143') },
      {},
      'callbackNumber',
    ],
    ['an email without a domain', { callerEmail: 'rachel@' }, {}, 'callerEmail'],
    ['an email with a bare domain', { callerEmail: 'rachel@harbordental' }, {}, 'callerEmail'],
    ['an email without @', { callerEmail: 'rachel.harbordental.example' }, {}, 'callerEmail'],
    ['a system number that is not one', { systemNumber: phone('12', '+112') }, {}, 'systemNumber'],
    [
      'a 9-character description at Critical',
      { suggestedPriority: 'critical', impact: 'everyone', workaround: false },
      { priority: 'critical', description: 'Down now!' },
      'description',
    ],
    [
      'a 9-character description at Severity 1',
      { suggestedPriority: 'sev1' },
      { schemeId: 'four-severity', priority: 'sev1', description: '123456789' },
      'description',
    ],
    ['an override without a reason', {}, { priority: 'high' }, 'overrideReason'],
    ['an override with a 4-character reason', { overrideReason: 'boss' }, { priority: 'high' }, 'overrideReason'],
    ['billable after hours, caller not told', { afterHours: { told: false, agreed: false } }, { afterHoursBillable: true }, 'afterHours'],
    ['billable after hours, nothing recorded', { afterHours: null }, { afterHoursBillable: true }, 'afterHours'],
  ])('refuses %s', (_what, change, factChange, field) => {
    const problems = intakeProblems({ ...good, ...change }, { ...facts, ...factChange });
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field as keyof typeof problems]!.length).toBeGreaterThan(20);
  });

  it.each<[string, Partial<TicketIntake>, Partial<IntakeTicketFacts>]>([
    ['10 characters at Critical', { suggestedPriority: 'critical' }, { priority: 'critical', description: '1234567890' }],
    ['a short description below the most urgent level', {}, { priority: 'medium', description: '' }],
    ['an override with a reason', { overrideReason: 'Their CEO is affected' }, { priority: 'high' }],
    ['no email', { callerEmail: null }, {}],
    ['an extension on the callback number', { callbackNumber: phone('913-555-0142 ext. 204', '+19135550142', '204') }, {}],
    ['an international callback number', { callbackNumber: phone('+44 20 7946 0958', '+442079460958') }, {}],
    ['after hours, told and declined', { afterHours: { told: true, agreed: false } }, { afterHoursBillable: true }],
    ['after hours but not billable (Critical)', { afterHours: null }, { afterHoursBillable: false }],
  ])('accepts %s', (_what, change, factChange) => {
    expect(intakeProblems({ ...good, ...change }, { ...facts, ...factChange })).toEqual({});
  });
});

describe('emailProblem', () => {
  it.each(['a@b.co', 'rachel.adams+it@harbor-dental.example.com'])('accepts %s', (email) => expect(emailProblem(email)).toBeNull());
  it.each([
    '',
    '@example.com',
    'rachel@',
    'rachel@example',
    'rachel@.com',
    'rachel@example.',
    'rachel adams@example.com',
    'rachel@exa mple.com',
  ])('refuses "%s"', (email) => expect(emailProblem(email)).toMatch(/email|domain/));
  it('names the missing domain and shows the whole address to write', () =>
    expect(emailProblem('rachel@')).toBe('"rachel@" has no domain after the @: write the whole address, e.g. rachel@example.com.'));
});
