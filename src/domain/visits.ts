// An onsite visit's life (docs/domain/onsite-visits.md): quoted on a ticket,
// approved by the client's Billing Contact or Backup Approver (an approval
// request), prepaid, booked on the board, checked in and out by the technician,
// with more time approved and paid before it is worked, then reconciled.
// Where a visit stands is derived from its record and its approval requests,
// never stored as a second copy.
import type { ApprovalStatus } from './approval-requests';
import { chargeCents, quote, reconcile, type Quote, type Reconciliation } from './onsite-pricing';

/** What the record says happened; the finer stage (awaiting approval, prepayment…) is derived by visitStage. */
export const VISIT_STATUSES = ['requested', 'scheduled', 'onsite', 'completed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const PAYMENT_METHODS = ['portal', 'card_by_phone', 'ach', 'check'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  portal: 'Web portal',
  card_by_phone: 'Card by phone',
  ach: 'Bank transfer (ACH)',
  check: 'Check',
};

export const SCOPE_MAX = 2_000;
export const REFERENCE_MAX = 100;
export const WORK_NOTES_MAX = 10_000;
export const PARTS_MAX = 50;
export const PART_QUANTITY_MAX = 999;
/** A check-in or check-out may be recorded this long after it happened (the technician forgot to press it). */
export const LATE_ENTRY_HOURS = 12;

export interface VisitPayment {
  id: string;
  /** null: the prepayment; otherwise the more-time authorization it pays for. */
  authorizationId: string | null;
  amountCents: number;
  method: PaymentMethod;
  reference: string;
  recordedBy: string;
  recordedAt: string;
}

/** More time onsite, asked for by the technician: worked only once its approval request is approved and it is paid. */
export interface VisitAuthorization {
  id: string;
  approvalRequestId: string;
  hours: number;
  /** hours × the visit's rate: the payment it needs. */
  amountCents: number;
  reason: string;
  requestedBy: string;
  requestedAt: string;
}

export interface VisitPart {
  description: string;
  quantity: number;
}

/** A booking the server refused (the technician was taken): kept on the visit so every scheduler sees why. */
export interface BookingRefusal {
  technicianId: string;
  startsAt: string;
  reason: string;
  attemptedBy: string;
  refusedAt: string;
}

export interface VisitFacts {
  status: VisitStatus;
  approvalRequestId: string;
  estimateHours: number;
  baseFeeCents: number;
  hourlyRateCents: number;
  checkedInAt: string | null;
  payments: readonly VisitPayment[];
  authorizations: readonly VisitAuthorization[];
}

export type StatusOf = (approvalRequestId: string) => ApprovalStatus | null;

export const VISIT_STAGES = [
  'awaiting_approval',
  'declined',
  'awaiting_prepayment',
  'to_schedule',
  'scheduled',
  'onsite',
  'awaiting_more_time',
  'completed',
  'cancelled',
] as const;
export type VisitStage = (typeof VISIT_STAGES)[number];
export const VISIT_STAGE_LABELS: Record<VisitStage, string> = {
  awaiting_approval: 'Awaiting approval',
  declined: 'Declined by the client',
  awaiting_prepayment: 'Awaiting prepayment',
  to_schedule: 'To schedule',
  scheduled: 'Scheduled',
  onsite: 'Onsite',
  awaiting_more_time: 'Onsite, waiting for more time',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export type AuthorizationState = 'awaiting_approval' | 'awaiting_payment' | 'authorized' | 'declined';

export function authorizationState(a: VisitAuthorization, payments: readonly VisitPayment[], statusOf: StatusOf): AuthorizationState {
  const status = statusOf(a.approvalRequestId);
  if (status === 'declined') return 'declined';
  if (status !== 'approved') return 'awaiting_approval';
  return payments.some((p) => p.authorizationId === a.id) ? 'authorized' : 'awaiting_payment';
}

export function visitQuote(v: Pick<VisitFacts, 'baseFeeCents' | 'hourlyRateCents' | 'estimateHours'>): Quote {
  return quote({ baseFeeCents: v.baseFeeCents, hourlyRateCents: v.hourlyRateCents, estimateHours: v.estimateHours });
}

export function prepaidCents(v: Pick<VisitFacts, 'payments'>): number {
  return v.payments.filter((p) => p.authorizationId === null).reduce((sum, p) => sum + p.amountCents, 0);
}

export function paidCents(v: Pick<VisitFacts, 'payments'>): number {
  return v.payments.reduce((sum, p) => sum + p.amountCents, 0);
}

/** Hours the client has approved and paid for: the estimate plus each authorized extension. */
export function authorizedHours(v: VisitFacts, statusOf: StatusOf): number {
  let hours = v.estimateHours;
  for (const a of v.authorizations) if (authorizationState(a, v.payments, statusOf) === 'authorized') hours += a.hours;
  return hours;
}

/** When the technician has to stop unless more time is authorized: check-in plus the authorized hours; null before check-in. */
export function authorizedUntil(v: VisitFacts, statusOf: StatusOf): string | null {
  if (!v.checkedInAt) return null;
  return new Date(Date.parse(v.checkedInAt) + authorizedHours(v, statusOf) * 3_600_000).toISOString();
}

/** Where the visit stands, from its record and the status of its approval requests. */
export function visitStage(v: VisitFacts, statusOf: StatusOf): VisitStage {
  switch (v.status) {
    case 'cancelled':
      return 'cancelled';
    case 'completed':
      return 'completed';
    case 'onsite':
      return v.authorizations.some((a) => {
        const s = authorizationState(a, v.payments, statusOf);
        return s === 'awaiting_approval' || s === 'awaiting_payment';
      })
        ? 'awaiting_more_time'
        : 'onsite';
    case 'scheduled':
      return 'scheduled';
    case 'requested': {
      const status = statusOf(v.approvalRequestId);
      if (status === 'declined') return 'declined';
      if (status !== 'approved') return 'awaiting_approval';
      return prepaidCents(v) >= visitQuote(v).prepaymentCents ? 'to_schedule' : 'awaiting_prepayment';
    }
  }
}

/** The money at completion: billed from check-in to check-out against everything paid. */
export function visitReconciliation(v: VisitFacts & { onsiteMinutes: number | null }): Reconciliation | null {
  if (v.onsiteMinutes === null) return null;
  return reconcile(v, v.onsiteMinutes, paidCents(v));
}

/** What the visit will cost if it ends at `hours` billed hours (the live figure onsite). */
export function costSoFarCents(v: Pick<VisitFacts, 'baseFeeCents' | 'hourlyRateCents'>, hours: number): number {
  return chargeCents(v.baseFeeCents, v.hourlyRateCents, hours);
}

const MINUTE_MS = 60_000;
/** A desk's clock may run this far ahead of the moment it records (the same grace the call log allows). */
export const CLOCK_GRACE_MS = 2 * MINUTE_MS;

/**
 * Why a check-in at `at` cannot be recorded at `recordedAtMs` (the desk's
 * clock when the technician pressed it, never later than the server's), or
 * null: not in the future, and not more than LATE_ENTRY_HOURS before it was recorded.
 */
export function checkInProblem(at: string, recordedAtMs: number): string | null {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return 'Give the check-in time as a date and time.';
  if (ms > recordedAtMs + CLOCK_GRACE_MS) return 'The check-in time is in the future: check in when you arrive.';
  if (ms < recordedAtMs - LATE_ENTRY_HOURS * 60 * MINUTE_MS)
    return `A check-in is recorded within ${LATE_ENTRY_HOURS} hours of arriving; ask the scheduler to correct an older one.`;
  return null;
}

/** A check-in this far from the booked slot is a different day's visit (a slip of the finger), not a late or early arrival. */
export const CHECK_IN_SLACK_HOURS = 24;

/**
 * Why a check-in at `at` does not belong to the visit booked [startsAt,
 * endsAt), or null: it falls within a day of the slot.
 */
export function checkInDayProblem(at: string, startsAt: string, endsAt: string): string | null {
  const ms = Date.parse(at);
  const slack = CHECK_IN_SLACK_HOURS * 60 * MINUTE_MS;
  if (ms < Date.parse(startsAt) - slack || ms > Date.parse(endsAt) + slack)
    return 'This visit is booked on another day: check in to the visit you are at, or ask the scheduler to book this one again for today.';
  return null;
}

/** Why a check-out at `at` cannot close a visit checked in at `checkedInAt`, or null. */
export function checkOutProblem(checkedInAt: string, at: string, recordedAtMs: number): string | null {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return 'Give the check-out time as a date and time.';
  if (ms < Date.parse(checkedInAt)) return 'Check-out is before check-in: give the time you left, after the time you arrived.';
  if (ms > recordedAtMs + CLOCK_GRACE_MS) return 'The check-out time is in the future: check out when you leave.';
  if (ms < recordedAtMs - LATE_ENTRY_HOURS * 60 * MINUTE_MS)
    return `A check-out is recorded within ${LATE_ENTRY_HOURS} hours of leaving; ask the scheduler to correct an older one.`;
  return null;
}

/** Staff who can be booked onsite. */
export const BOOKABLE_ROLES = ['technician', 'engineer'] as const;

/** Why `who` cannot be booked, or null. */
export function technicianProblem(who: { name: string; role: string; active?: boolean } | undefined): string | null {
  if (!who) return 'Choose a technician on this workspace: that person is not on the staff list.';
  if (who.active === false) return `${who.name}'s account is deactivated: book another technician.`;
  if (!(BOOKABLE_ROLES as readonly string[]).includes(who.role))
    return `${who.name} is ${who.role === 'admin' ? 'an' : 'a'} ${who.role}, not a technician or engineer: book someone who goes onsite.`;
  return null;
}

/** The refusal when a slot overlaps another booking of the same technician: names the booking there first. */
export function conflictMessage(
  technicianName: string,
  other: { startsAt: string; endsAt: string; siteName: string; clientName: string },
  describe: (s: string, e: string) => string,
): string {
  return `${technicianName} is already booked ${describe(other.startsAt, other.endsAt)} at ${other.clientName}, ${other.siteName}: a technician cannot be in two places at once. Choose another time or technician.`;
}
