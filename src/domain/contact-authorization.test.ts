// The authorization matrix from the support guides (docs/domain/contacts-and-approvals.md):
// Billing Contact approves billable work; Backup Approver is the alternate;
// MAC-only requestor may request changes but not approve charges; Portal Admin
// manages the portal; anyone else may report issues only; a person not on the
// list is held until an authorized contact confirms.
import { describe, expect, it } from 'vitest';
import { approversAmong, mayApprove, mayRequest, type ContactRole, type RequestKind } from './contact-authorization';

type Row = [ContactRole | 'not listed', RequestKind, 'ok' | 'awaiting_confirmation'];
const REQUESTS: Row[] = [
  ['billing_contact', 'issue', 'ok'],
  ['billing_contact', 'change', 'ok'],
  ['billing_contact', 'billable_work', 'ok'],
  ['billing_contact', 'billing_change', 'ok'],
  ['billing_contact', 'access_change', 'ok'],
  ['backup_approver', 'issue', 'ok'],
  ['backup_approver', 'change', 'ok'],
  ['backup_approver', 'billable_work', 'ok'],
  ['backup_approver', 'billing_change', 'ok'],
  ['backup_approver', 'access_change', 'ok'],
  ['mac_only_requestor', 'issue', 'ok'],
  ['mac_only_requestor', 'change', 'ok'],
  ['mac_only_requestor', 'billable_work', 'ok'],
  ['mac_only_requestor', 'billing_change', 'awaiting_confirmation'],
  ['mac_only_requestor', 'access_change', 'awaiting_confirmation'],
  ['portal_admin', 'issue', 'ok'],
  ['portal_admin', 'change', 'ok'],
  ['portal_admin', 'access_change', 'ok'],
  ['portal_admin', 'billing_change', 'awaiting_confirmation'],
  ['none', 'issue', 'ok'],
  ['none', 'change', 'awaiting_confirmation'],
  ['none', 'billable_work', 'awaiting_confirmation'],
  ['none', 'billing_change', 'awaiting_confirmation'],
  ['none', 'access_change', 'awaiting_confirmation'],
  ['not listed', 'issue', 'awaiting_confirmation'],
  ['not listed', 'change', 'awaiting_confirmation'],
  ['not listed', 'billable_work', 'awaiting_confirmation'],
];

describe('mayRequest', () => {
  it.each(REQUESTS)('%s asking to %s: %s', (role, kind, expected) => {
    const answer = mayRequest(role === 'not listed' ? null : { role }, kind);
    expect(answer.ok ? 'ok' : answer.hold).toBe(expected);
    expect(answer.reason.length).toBeGreaterThan(10);
  });

  it('names who may, when a role may not', () => {
    const answer = mayRequest({ role: 'mac_only_requestor' }, 'billing_change');
    expect(answer.reason).toContain('Billing Contact, Backup Approver');
  });
});

describe('mayApprove', () => {
  const APPROVALS: [ContactRole | 'not listed', number | null, number, boolean][] = [
    ['billing_contact', null, 1_000_000, true],
    ['backup_approver', null, 35_000, true],
    ['backup_approver', 50_000, 50_000, true],
    ['backup_approver', 50_000, 50_001, false],
    ['mac_only_requestor', null, 100, false],
    ['portal_admin', null, 100, false],
    ['none', null, 100, false],
    ['not listed', null, 100, false],
  ];
  it.each(APPROVALS)('%s (limit %s) approving %s cents: %s', (role, limit, amountCents, expected) => {
    const answer = mayApprove(role === 'not listed' ? null : { role, approvalLimitCents: limit }, { amountCents });
    expect(answer.ok).toBe(expected);
  });

  it('tells whom to ask instead', () => {
    const answer = mayApprove({ role: 'mac_only_requestor' }, { minutes: 180 });
    expect(answer).toEqual({ ok: false, reason: expect.stringContaining('Billing Contact or Backup Approver') });
  });

  it('states the limit and the charge in dollars', () => {
    const answer = mayApprove({ role: 'backup_approver', approvalLimitCents: 50_000 }, { amountCents: 72_550 });
    expect(answer.reason).toContain('$500.00');
    expect(answer.reason).toContain('$725.50');
  });

  it('a limit does not bind a charge given in hours only', () => {
    expect(mayApprove({ role: 'backup_approver', approvalLimitCents: 0 }, { minutes: 60 }).ok).toBe(true);
  });
});

describe('approversAmong', () => {
  it('lists Billing Contacts first, then Backup Approvers, by name, and no one else', () => {
    const contacts = [
      { name: 'Zoe', role: 'backup_approver' as const },
      { name: 'Mia', role: 'mac_only_requestor' as const },
      { name: 'Ben', role: 'billing_contact' as const },
      { name: 'Ann', role: 'backup_approver' as const },
    ];
    expect(approversAmong(contacts).map((c) => c.name)).toEqual(['Ben', 'Ann', 'Zoe']);
  });
});
