// Where an onsite visit stands and what the technician may record
// (docs/domain/onsite-visits.md): held until the client's Billing Contact or
// Backup Approver approves, then until the prepayment covers the estimate;
// more time is worked only once approved AND paid; check-in and check-out are
// real instants, never in the future, recorded within 12 hours.
import { describe, expect, it } from 'vitest';
import type { ApprovalStatus } from '../../../src/domain/approval-requests';
import {
  authorizationState,
  authorizedHours,
  authorizedUntil,
  checkInDayProblem,
  checkInProblem,
  checkOutProblem,
  conflictMessage,
  paidCents,
  prepaidCents,
  technicianProblem,
  visitReconciliation,
  visitStage,
  type StatusOf,
  type VisitAuthorization,
  type VisitFacts,
  type VisitPayment,
} from '../../../src/domain/visits';

const statuses =
  (map: Record<string, ApprovalStatus>): StatusOf =>
  (id) =>
    map[id] ?? null;

const payment = (amountCents: number, authorizationId: string | null = null): VisitPayment => ({
  id: `pay-${authorizationId ?? 'pre'}-${amountCents}`,
  authorizationId,
  amountCents,
  method: 'portal',
  reference: 'R-1',
  recordedBy: 'lee',
  recordedAt: '2026-03-02T15:00:00.000Z',
});

const more = (id: string, hours: number): VisitAuthorization => ({
  id,
  approvalRequestId: `ar-${id}`,
  hours,
  amountCents: hours * 13_500,
  reason: 'The second switch is faulty too.',
  requestedBy: 'tess',
  requestedAt: '2026-03-04T17:00:00.000Z',
});

// The guide's example: base $350, $135 an hour, 3 hours estimated → $620, prepaid $625.
const visit = (patch: Partial<VisitFacts> = {}): VisitFacts => ({
  status: 'requested',
  approvalRequestId: 'ar-quote',
  estimateHours: 3,
  baseFeeCents: 35_000,
  hourlyRateCents: 13_500,
  checkedInAt: null,
  payments: [],
  authorizations: [],
  ...patch,
});

describe('the stage of a visit', () => {
  const approved = statuses({ 'ar-quote': 'approved' });
  it.each([
    ['quoted, approval not recorded yet', visit(), statuses({}), 'awaiting_approval'],
    ['quoted, awaiting the approver', visit(), statuses({ 'ar-quote': 'awaiting_approval' }), 'awaiting_approval'],
    ['quoted, awaiting confirmation', visit(), statuses({ 'ar-quote': 'awaiting_confirmation' }), 'awaiting_approval'],
    ['declined by the client', visit(), statuses({ 'ar-quote': 'declined' }), 'declined'],
    ['approved, nothing paid', visit(), approved, 'awaiting_prepayment'],
    ['approved, $600 paid of the $625 required', visit({ payments: [payment(60_000)] }), approved, 'awaiting_prepayment'],
    ['approved and prepaid $625', visit({ payments: [payment(62_500)] }), approved, 'to_schedule'],
    ['approved and prepaid more than required', visit({ payments: [payment(65_000)] }), approved, 'to_schedule'],
    ['booked', visit({ status: 'scheduled', payments: [payment(62_500)] }), approved, 'scheduled'],
    ['onsite', visit({ status: 'onsite', checkedInAt: '2026-03-04T15:10:00Z' }), approved, 'onsite'],
    ['onsite, more time asked for', visit({ status: 'onsite', authorizations: [more('m1', 1)] }), approved, 'awaiting_more_time'],
    [
      'onsite, more time approved but not paid',
      visit({ status: 'onsite', authorizations: [more('m1', 1)] }),
      statuses({ 'ar-quote': 'approved', 'ar-m1': 'approved' }),
      'awaiting_more_time',
    ],
    [
      'onsite, more time approved and paid',
      visit({ status: 'onsite', authorizations: [more('m1', 1)], payments: [payment(62_500), payment(13_500, 'm1')] }),
      statuses({ 'ar-quote': 'approved', 'ar-m1': 'approved' }),
      'onsite',
    ],
    [
      'onsite, more time declined (the technician stops at the authorized time)',
      visit({ status: 'onsite', authorizations: [more('m1', 1)] }),
      statuses({ 'ar-quote': 'approved', 'ar-m1': 'declined' }),
      'onsite',
    ],
    ['completed', visit({ status: 'completed' }), approved, 'completed'],
    ['cancelled', visit({ status: 'cancelled' }), approved, 'cancelled'],
  ] as const)('%s', (_name, v, statusOf, stage) => {
    expect(visitStage(v, statusOf)).toBe(stage);
  });
});

describe('more time onsite', () => {
  const m1 = more('m1', 2);
  it.each([
    ['not answered yet', {}, [], 'awaiting_approval'],
    ['awaiting the approver', { 'ar-m1': 'awaiting_approval' }, [], 'awaiting_approval'],
    ['declined', { 'ar-m1': 'declined' }, [], 'declined'],
    ['approved, not paid', { 'ar-m1': 'approved' }, [], 'awaiting_payment'],
    ['approved, another authorization paid', { 'ar-m1': 'approved' }, [payment(13_500, 'other')], 'awaiting_payment'],
    ['approved, the prepayment alone', { 'ar-m1': 'approved' }, [payment(62_500)], 'awaiting_payment'],
    ['approved and paid', { 'ar-m1': 'approved' }, [payment(27_000, 'm1')], 'authorized'],
  ] as const)('%s', (_name, map, payments, state) => {
    expect(authorizationState(m1, payments, statuses(map))).toBe(state);
  });

  const onsite = visit({
    status: 'onsite',
    checkedInAt: '2026-03-04T15:10:00.000Z',
    payments: [payment(62_500), payment(13_500, 'paid')],
    authorizations: [more('paid', 1), more('unpaid', 2), more('declined', 4)],
  });
  const map = statuses({ 'ar-quote': 'approved', 'ar-paid': 'approved', 'ar-unpaid': 'approved', 'ar-declined': 'declined' });

  it('counts the estimate and only the hours approved and paid', () => {
    expect(authorizedHours(onsite, map)).toBe(3 + 1);
  });

  it('runs out at check-in plus the authorized hours', () => {
    expect(authorizedUntil(onsite, map)).toBe('2026-03-04T19:10:00.000Z');
    expect(authorizedUntil({ ...onsite, authorizations: [] }, map)).toBe('2026-03-04T18:10:00.000Z');
  });

  it('has no end before check-in', () => {
    expect(authorizedUntil(visit(), map)).toBeNull();
  });

  it('keeps the prepayment apart from the payments for more time', () => {
    expect(prepaidCents(onsite)).toBe(62_500);
    expect(paidCents(onsite)).toBe(62_500 + 13_500);
  });
});

describe('the reconciliation of a visit', () => {
  it('is unknown until checked out', () => {
    expect(visitReconciliation({ ...visit({ status: 'onsite' }), onsiteMinutes: null })).toBeNull();
  });

  it('bills the time onsite against everything paid: 3 h 15 min with the extra hour paid refunds $5', () => {
    const v = { ...visit({ status: 'completed', payments: [payment(62_500), payment(13_500, 'm1')] }), onsiteMinutes: 195 };
    expect(visitReconciliation(v)).toEqual({
      onsiteMinutes: 195,
      billedHours: 4,
      chargeCents: 75_500,
      paidCents: 76_000,
      balanceCents: -500,
      outcome: 'refund',
    });
  });
});

describe('check-in and check-out times', () => {
  const now = Date.parse('2026-03-04T15:00:00Z');
  const minutes = (m: number) => new Date(now + m * 60_000).toISOString();
  it.each([
    ['now', minutes(0), null],
    ['a minute ahead (a desk clock slightly fast)', minutes(1), null],
    ['in the future', minutes(3), /in the future: check in when you arrive/],
    ['a forgotten press 11 h 59 min ago', minutes(-719), null],
    ['too late: 12 h 01 min ago', minutes(-721), /within 12 hours of arriving/],
    ['not a time', 'this morning', /date and time/],
  ])('check-in %s', (_name, at, expected) => {
    const problem = checkInProblem(at, now);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  // Booked 09:00–12:00 UTC on 4 March; a check-in more than a day from that slot is another day's visit.
  const slot = ['2026-03-04T09:00:00Z', '2026-03-04T12:00:00Z'] as const;
  it.each([
    ['on time', '2026-03-04T09:00:00Z', null],
    ['early the evening before (23 h 59 min ahead)', '2026-03-03T09:01:00Z', null],
    ['a day and a minute before the start', '2026-03-03T08:59:00Z', /booked on another day/],
    ['the next morning (a day after the end)', '2026-03-05T12:00:00Z', null],
    ['a day and a minute after the end', '2026-03-05T12:01:00Z', /booked on another day/],
    ['weeks ahead of a visit booked for today', '2026-03-25T09:00:00Z', /booked on another day/],
  ])('check-in %s of its booked slot', (_name, at, expected) => {
    const problem = checkInDayProblem(at, ...slot);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  const checkedIn = minutes(-120);
  it.each([
    ['now', minutes(0), null],
    ['at the check-in (0 minutes, billed as the first hour)', checkedIn, null],
    ['a minute before check-in', minutes(-121), /Check-out is before check-in/],
    ['the day before check-in', minutes(-24 * 60), /Check-out is before check-in/],
    ['in the future', minutes(5), /in the future: check out when you leave/],
    ['a minute ahead (a desk clock slightly fast)', minutes(1), null],
    ['not a time', '', /date and time/],
  ])('check-out %s', (_name, at, expected) => {
    const problem = checkOutProblem(checkedIn, at, now);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('refuses a check-out recorded more than 12 hours after leaving', () => {
    expect(checkOutProblem(minutes(-900), minutes(-800), now)).toMatch(/within 12 hours of leaving/);
  });
});

describe('who can be booked', () => {
  it.each([
    ['a technician', { name: 'Tess', role: 'technician' }, null],
    ['an engineer', { name: 'Eli', role: 'engineer', active: true }, null],
    ['nobody on the staff list', undefined, /not on the staff list/],
    ['a deactivated technician', { name: 'Tess', role: 'technician', active: false }, /Tess's account is deactivated/],
    ['a scheduler', { name: 'Sam', role: 'scheduler' }, /Sam is a scheduler, not a technician or engineer/],
    ['an admin', { name: 'Ada', role: 'admin' }, /Ada is an admin, not a technician/],
  ])('%s', (_name, who, expected) => {
    const problem = technicianProblem(who);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('names the booking there first when a slot is taken', () => {
    const message = conflictMessage(
      'Tess',
      { startsAt: 's', endsAt: 'e', siteName: 'Main office', clientName: 'Harbor Dental' },
      (s, e) => `${s}–${e} (zone)`,
    );
    expect(message).toMatch(
      /^Tess is already booked s–e \(zone\) at Harbor Dental, Main office: a technician cannot be in two places at once/,
    );
  });
});
