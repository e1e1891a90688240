// Approval requests, table-driven from the four-tier contract's support guide,
// §5 "What's Included vs. What Requires Approval" and §9 "Authorization &
// Billing Controls" (docs/domain/contacts-and-approvals.md).
import { describe, expect, it } from 'vitest';
import {
  approvalProblem,
  billableTriggers,
  confirmationProblem,
  contactReach,
  declineProblem,
  initialStatus,
  type ApprovalStatus,
  type BillableTrigger,
  type ContactFacts,
  type RequestFacts,
  type RequestState,
} from './approval-requests';
import type { ContactRole } from './contact-authorization';

const facts = (over: Partial<RequestFacts>): RequestFacts => ({
  work: 'change',
  expectedMinutes: 60,
  cause: 'none',
  onsite: false,
  afterHours: false,
  ...over,
});

describe('the billable triggers of a request, before work starts', () => {
  const cases: [string, Partial<RequestFacts>, boolean, BillableTrigger[]][] = [
    ['a minor change of 1 hour: included', {}, false, []],
    ['a change of exactly 2 hours: still included', { expectedMinutes: 120 }, false, []],
    ['a change expected to take 2 h 1 min', { expectedMinutes: 121 }, false, ['over_two_hours']],
    ['troubleshooting expected to take 3 hours', { work: 'break_fix', expectedMinutes: 180 }, false, ['over_two_hours']],
    [
      "break/fix over 2 hours caused by the customer's change",
      { work: 'break_fix', expectedMinutes: 180, cause: 'customer_change' },
      false,
      ['caused_by_change'],
    ],
    [
      "break/fix over 2 hours caused by a third party's change",
      { work: 'break_fix', expectedMinutes: 150, cause: 'third_party_change' },
      false,
      ['caused_by_change'],
    ],
    ['caused break/fix of 1 hour: included', { work: 'break_fix', cause: 'customer_change' }, false, []],
    ['a MAC-only requestor adds 20 users, 3 hours', { work: 'bulk_mac', expectedMinutes: 180 }, false, ['bulk_mac']],
    ['bulk MACs of 2 hours: included', { work: 'bulk_mac', expectedMinutes: 120 }, false, []],
    ['an onsite visit, however short', { onsite: true, expectedMinutes: 30 }, false, ['onsite']],
    ['a migration of unknown length', { work: 'project', expectedMinutes: null }, false, ['project']],
    ['a project over 2 hours is one trigger', { work: 'project', expectedMinutes: 600 }, false, ['project']],
    ['remediating an unapproved change', { work: 'remediation', expectedMinutes: 30 }, false, ['remediation']],
    ['after-hours work on a Medium ticket', { afterHours: true }, false, ['after_hours']],
    ['after-hours work on a Critical ticket: included', { afterHours: true }, true, []],
    ['no estimate of hours: none from hours', { expectedMinutes: null }, false, []],
    [
      'an after-hours onsite bulk MAC of 4 hours',
      { work: 'bulk_mac', expectedMinutes: 240, onsite: true, afterHours: true },
      false,
      ['bulk_mac', 'onsite', 'after_hours'],
    ],
  ];
  it.each(cases)('%s', (_label, over, critical, expected) => {
    const found = billableTriggers(facts(over), { critical });
    expect(found.map((f) => f.trigger)).toEqual(expected);
    expect(found.map((f) => f.reason.length > 10)).toEqual(expected.map(() => true));
  });

  it('gives the hours in its reason', () => {
    expect(billableTriggers(facts({ work: 'bulk_mac', expectedMinutes: 180 }), { critical: false })[0]!.reason).toContain(
      'expected to take 3 h, more than the 2 hours the plan includes',
    );
  });
});

const CLIENT = 'client-a';
const contact = (role: ContactRole, clientId = CLIENT): ContactFacts => ({ role, clientId, name: `The ${role}` });

describe('a new request is held for confirmation unless its requester may ask for it', () => {
  const cases: [string, ContactFacts | null, ApprovalStatus][] = [
    ['a caller not on the list', null, 'awaiting_confirmation'],
    ['a contact with no role', contact('none'), 'awaiting_confirmation'],
    ['a MAC-only requestor', contact('mac_only_requestor'), 'awaiting_approval'],
    ['a Portal Admin', contact('portal_admin'), 'awaiting_approval'],
    ['a Billing Contact', contact('billing_contact'), 'awaiting_approval'],
    ['a Backup Approver', contact('backup_approver'), 'awaiting_approval'],
  ];
  it.each(cases)('%s', (_label, requester, status) => {
    expect(initialStatus(requester, 'billable_work').status).toBe(status);
  });
});

const request = (status: ApprovalStatus, over: Partial<RequestState> = {}): RequestState => ({
  clientId: CLIENT,
  kind: 'billable_work',
  status,
  estimateMinutes: 180,
  estimateCents: 45_000,
  ...over,
});

describe('confirming a held request', () => {
  const cases: [string, RequestState, ContactFacts | null, RegExp | null][] = [
    ['by a Billing Contact', request('awaiting_confirmation'), contact('billing_contact'), null],
    ['by a MAC-only requestor, who may ask for billable work', request('awaiting_confirmation'), contact('mac_only_requestor'), null],
    ['by a contact with no role', request('awaiting_confirmation'), contact('none'), /may not request billable work/],
    ['by nobody on the list', request('awaiting_confirmation'), null, /Choose the contact who confirmed/],
    [
      "by another client's contact",
      request('awaiting_confirmation'),
      contact('billing_contact', 'client-b'),
      /not a contact of this ticket's client/,
    ],
    ['once already confirmed', request('awaiting_approval'), contact('billing_contact'), /already confirmed/],
    ['once approved', request('approved'), contact('billing_contact'), /is approved, so it cannot be confirmed/],
  ];
  it.each(cases)('%s', (_label, state, by, refusal) => {
    const problem = confirmationProblem(state, by);
    expect(problem).toEqual(refusal === null ? null : expect.stringMatching(refusal));
  });
});

describe('approving a request: an approver, for no more than was requested', () => {
  const both = { minutes: 180, cents: 45_000 };
  const cases: [string, RequestState, ContactFacts | null, { minutes: number | null; cents: number | null }, RegExp | null][] = [
    ['the Billing Contact approves all of it', request('awaiting_approval'), contact('billing_contact'), both, null],
    [
      'the Backup Approver approves part of it',
      request('awaiting_approval'),
      contact('backup_approver'),
      { minutes: 60, cents: null },
      null,
    ],
    [
      'a MAC-only requestor may not approve',
      request('awaiting_approval'),
      contact('mac_only_requestor'),
      both,
      /MAC-only requestor may not approve/,
    ],
    ['a Portal Admin may not approve', request('awaiting_approval'), contact('portal_admin'), both, /Portal Admin may not approve/],
    ['a caller not on the list may not approve', request('awaiting_approval'), null, both, /not on the client's list/],
    [
      'more hours than requested',
      request('awaiting_approval'),
      contact('billing_contact'),
      { minutes: 181, cents: null },
      /3 h 1 min approved, 3 h requested/,
    ],
    [
      'more money than requested',
      request('awaiting_approval'),
      contact('billing_contact'),
      { minutes: null, cents: 45_001 },
      /\$450\.01 approved, \$450\.00 requested/,
    ],
    [
      'hours on a request that estimated only money',
      request('awaiting_approval', { estimateMinutes: null }),
      contact('billing_contact'),
      { minutes: 60, cents: null },
      /estimated no hours/,
    ],
    [
      'money on a request that estimated only hours',
      request('awaiting_approval', { estimateCents: null }),
      contact('billing_contact'),
      { minutes: null, cents: 100 },
      /estimated no amount/,
    ],
    [
      'nothing approved',
      request('awaiting_approval'),
      contact('billing_contact'),
      { minutes: null, cents: null },
      /Enter the hours or the amount/,
    ],
    [
      "another client's Billing Contact",
      request('awaiting_approval'),
      contact('billing_contact', 'client-b'),
      both,
      /not a contact of this ticket's client/,
    ],
    ['before it is confirmed', request('awaiting_confirmation'), contact('billing_contact'), both, /Record the confirmation first/],
    ['a second time', request('approved'), contact('billing_contact'), both, /one approval per request/],
    ['after it was declined', request('declined'), contact('billing_contact'), both, /is declined/],
  ];
  it.each(cases)('%s', (_label, state, by, amount, refusal) => {
    expect(approvalProblem(state, by, amount)).toEqual(refusal === null ? null : expect.stringMatching(refusal));
  });
});

describe('declining', () => {
  it.each([
    ['awaiting_confirmation', true],
    ['awaiting_approval', true],
    ['approved', false],
    ['declined', false],
  ] as const)('a request %s may be declined: %s', (status, allowed) => {
    expect(declineProblem({ status }) === null).toBe(allowed);
  });
});

describe('how to reach a contact', () => {
  it.each([
    [{ phones: [{ e164: '+19135550100', extension: null }], emails: ['r@x.example'] }, '(913) 555-0100, r@x.example'],
    [{ phones: [{ e164: '+442079460958', extension: '12' }], emails: [] }, '+44 20 7946 0958 ext. 12'],
    [{ phones: [], emails: ['r@x.example'] }, 'r@x.example'],
    [{ phones: [], emails: [] }, 'no phone or email on file'],
  ])('%j → %s', (c, shown) => {
    expect(contactReach(c)).toBe(shown);
  });
});
