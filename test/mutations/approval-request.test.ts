// The approval request's definition for a caller not on the client's list
// asking for included work: held for confirmation with nothing to approve, and
// settled by the confirmation (docs/domain/contacts-and-approvals.md, "Rule:
// only listed contacts may ask for work").
import { describe, expect, it } from 'vitest';
import { applyMutation, parseMutationArgs, type MutationArgs } from '../../src/mutations';
import type { ApprovalRequestRecord } from '../../src/protocol/records';
import { requestStatusLabel } from '../../src/domain/approval-requests';

const T = '019a0000-0000-7000-8000-000000000001';
const C = '019a0000-0000-7000-8000-0000000000c1';
const R = '019a0000-0000-7000-8000-0000000000e1';
const K = '019a0000-0000-7000-8000-0000000000b1';
const ctx = { actorId: '019a0000-0000-7000-8000-0000000000a1' };
const performedAt = '2026-03-04T19:10:00.000Z';

const unknownCaller: MutationArgs['requestApproval'] = {
  id: R,
  ticketId: T,
  clientId: C,
  requesterContactId: null,
  callerName: 'Jordan Lee',
  callerPhone: '913-555-0142',
  kind: 'issue',
  work: 'break_fix',
  cause: 'none',
  onsite: false,
  afterHours: false,
  description: 'The scanner jams on every page.',
  estimateMinutes: null,
  estimateCents: null,
  triggers: [],
  status: 'awaiting_confirmation',
};

describe('a confirmation-only request', () => {
  it("accepts an unknown caller's request with no triggers and no estimate", () => {
    expect(parseMutationArgs('requestApproval', unknownCaller)).toMatchObject({ ok: true });
  });

  it.each<[string, Partial<MutationArgs['requestApproval']>]>([
    ['from a listed contact', { requesterContactId: K, callerName: null, callerPhone: null }],
    ['with billable triggers', { triggers: ['onsite'], onsite: true }],
  ])('still needs an estimate %s', (_label, over) => {
    expect(parseMutationArgs('requestApproval', { ...unknownCaller, ...over })).toEqual({
      ok: false,
      field: 'estimateMinutes',
      message: expect.stringMatching(/Enter the estimate/),
    });
  });

  it('is held awaiting confirmation, and the confirmation settles it with nothing approved ("Confirmed")', () => {
    const held = applyMutation(null, { name: 'requestApproval', args: unknownCaller, performedAt }, ctx) as ApprovalRequestRecord;
    expect(held).toMatchObject({ status: 'awaiting_confirmation', triggers: [], callerName: 'Jordan Lee' });
    const confirmed = applyMutation(
      held,
      { name: 'confirmRequest', args: { id: R, contactId: K, via: 'phone' }, performedAt },
      ctx,
    ) as ApprovalRequestRecord;
    expect(confirmed).toMatchObject({
      status: 'approved',
      confirmedBy: K,
      confirmedVia: 'phone',
      approvedBy: null,
      approvedMinutes: null,
      approvedCents: null,
    });
    expect(requestStatusLabel(confirmed)).toBe('Confirmed');
  });

  it('a billable request moves on to its approval when confirmed, and reads "Approved" only once approved', () => {
    const billable = { ...unknownCaller, triggers: ['onsite' as const], onsite: true, estimateMinutes: 60 };
    const held = applyMutation(null, { name: 'requestApproval', args: billable, performedAt }, ctx) as ApprovalRequestRecord;
    const confirmed = applyMutation(
      held,
      { name: 'confirmRequest', args: { id: R, contactId: K, via: 'phone' }, performedAt },
      ctx,
    ) as ApprovalRequestRecord;
    expect(confirmed.status).toBe('awaiting_approval');
    expect(requestStatusLabel({ ...confirmed, status: 'approved' })).toBe('Approved');
  });
});
