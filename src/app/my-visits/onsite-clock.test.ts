import { describe, expect, it } from 'vitest';
import type { ApprovalStatus } from '../../domain/approval-requests';
import type { VisitAuthorization, VisitFacts, VisitPayment } from '../../domain/visits';
import { authorizationText, onsiteClock } from './onsite-clock';

const CHECK_IN = '2026-03-04T10:00:00.000Z';
const at = (iso: string) => Date.parse(iso);
const extra: VisitAuthorization = {
  id: 'auth-1',
  approvalRequestId: 'appr-extra',
  hours: 1,
  amountCents: 10_000,
  reason: 'Second switch failed too',
  requestedBy: 'tech',
  requestedAt: '2026-03-04T11:50:00.000Z',
};
const extraPayment: VisitPayment = {
  id: 'pay-2',
  authorizationId: 'auth-1',
  amountCents: 10_000,
  method: 'card_by_phone',
  reference: 'R2',
  recordedBy: 'lead',
  recordedAt: '2026-03-04T11:58:00.000Z',
};

// Base $150 (trip + first hour), $100 an hour after it, estimated at 2 hours.
function visit(over: Partial<VisitFacts & { checkedOutAt: string | null }> = {}): VisitFacts & { checkedOutAt: string | null } {
  return {
    status: 'onsite',
    approvalRequestId: 'appr-visit',
    estimateHours: 2,
    baseFeeCents: 15_000,
    hourlyRateCents: 10_000,
    checkedInAt: CHECK_IN,
    checkedOutAt: null,
    payments: [],
    authorizations: [],
    ...over,
  };
}
const statuses =
  (extraStatus: ApprovalStatus | null) =>
  (id: string): ApprovalStatus | null =>
    id === 'appr-visit' ? 'approved' : id === 'appr-extra' ? extraStatus : null;

describe('onsiteClock', () => {
  it.each([
    // [now, minutes so far, billed hours, cost so far in cents]
    ['2026-03-04T10:00:00.000Z', 0, 1, 15_000],
    ['2026-03-04T10:59:59.000Z', 59, 1, 15_000],
    ['2026-03-04T11:00:00.000Z', 60, 1, 15_000],
    ['2026-03-04T11:01:00.000Z', 61, 2, 25_000],
    ['2026-03-04T12:01:30.000Z', 121, 3, 35_000],
  ])('at %s: %i minutes, %i billed hours, %i cents so far', (now, minutes, hours, cents) => {
    const clock = onsiteClock(visit(), statuses(null), at(now))!;
    expect(clock.minutesSoFar).toBe(minutes);
    expect(clock.billedHoursSoFar).toBe(hours);
    expect(clock.costSoFarCents).toBe(cents);
  });

  it('authorizes check-in plus the estimate, and says stop once that moment is reached, not before', () => {
    const before = onsiteClock(visit(), statuses(null), at('2026-03-04T11:59:00.000Z'))!;
    expect(before.authorizedUntil).toBe('2026-03-04T12:00:00.000Z');
    expect(before.minutesLeft).toBe(1);
    expect(before.mustStop).toBe(false);
    const reached = onsiteClock(visit(), statuses(null), at('2026-03-04T12:00:00.000Z'))!;
    expect(reached.mustStop).toBe(true);
    expect(reached.minutesLeft).toBe(0);
  });

  it.each([
    ['awaiting_approval' as ApprovalStatus, [], 'awaiting_approval'],
    ['approved' as ApprovalStatus, [], 'awaiting_payment'],
  ])('keeps the stop while more time is %s with payments %j: waiting for %s', (status, payments, state) => {
    const clock = onsiteClock(visit({ authorizations: [extra], payments }), statuses(status), at('2026-03-04T12:10:00.000Z'))!;
    expect(clock.mustStop).toBe(true);
    expect(clock.authorizedUntil).toBe('2026-03-04T12:00:00.000Z');
    expect(clock.waiting?.authorization.id).toBe('auth-1');
    expect(clock.waiting?.state).toBe(state);
  });

  it('moves the limit by the extra hours once approved and paid, and lifts the stop', () => {
    const clock = onsiteClock(
      visit({ authorizations: [extra], payments: [extraPayment] }),
      statuses('approved'),
      at('2026-03-04T12:10:00.000Z'),
    )!;
    expect(clock.authorizedUntil).toBe('2026-03-04T13:00:00.000Z');
    expect(clock.mustStop).toBe(false);
    expect(clock.waiting).toBeNull();
  });

  it('counts a check-in slightly ahead of this desk as zero minutes, one billed hour', () => {
    const clock = onsiteClock(visit(), statuses(null), at('2026-03-04T09:59:00.000Z'))!;
    expect(clock.minutesSoFar).toBe(0);
    expect(clock.billedHoursSoFar).toBe(1);
  });

  it.each(['scheduled', 'completed', 'cancelled'] as const)('has no clock when the visit is %s', (status) => {
    expect(onsiteClock(visit({ status }), statuses(null), at('2026-03-04T10:30:00.000Z'))).toBeNull();
  });
});

describe('authorizationText', () => {
  it.each([
    ['awaiting_approval', "Waiting for the client's approval."],
    ['awaiting_payment', 'Approved, waiting for payment.'],
    ['authorized', 'Authorized: continue until 13:00 CST.'],
    ['declined', 'Declined by the client: finish up and check out.'],
  ] as const)('%s reads %s', (state, text) => {
    expect(authorizationText(state, '13:00 CST')).toBe(text);
  });
});
