// The money rules of an onsite visit (docs/domain/onsite-visits.md, from the
// onsite-visit guide): the base fee covers the trip and the first hour, later
// hours are billed whole at the visit's agreed rate, the customer prepays the
// base plus enough $25 increments to reach the estimate, and at completion the
// time between check-in and check-out decides what is billed. Integer cents only.
import { MAX_RATE_CENTS } from './client';
import { formatCentsForMessage } from './money';

/** The customer prepays in steps of $25 above the base fee. */
export const PREPAYMENT_INCREMENT_CENTS = 2_500;
/** The most hours one visit is estimated at, or one more-time request adds; a longer job is several visits. */
export const MAX_ESTIMATE_HOURS = 12;
export const MAX_EXTRA_HOURS = 8;

export interface QuoteTerms {
  /** Trip + first hour onsite, already raised for the site's zone and the scope. */
  baseFeeCents: number;
  /** Agreed per visit, for each whole hour after the first. */
  hourlyRateCents: number;
  /** Hours onsite the work is expected to take, the first included (at least 1). */
  estimateHours: number;
}

export interface Quote extends QuoteTerms {
  /** estimateHours − 1: the hours billed beyond the base. */
  additionalHours: number;
  additionalCents: number;
  /** base + additional: what the estimate costs. */
  totalCents: number;
  /** How many $25 increments above the base the prepayment holds. */
  increments: number;
  /** base + increments × $25: the smallest such amount that reaches the total. */
  prepaymentCents: number;
}

export interface FieldProblem {
  field: keyof QuoteTerms;
  message: string;
}

/** Every reason the terms cannot be quoted; none: quote them. `minBaseFeeCents` is the client's contract base fee. */
export function quoteProblems(terms: QuoteTerms, minBaseFeeCents: number): FieldProblem[] {
  const found: FieldProblem[] = [];
  const money = (field: 'baseFeeCents' | 'hourlyRateCents', label: string, value: number) => {
    if (!Number.isInteger(value)) found.push({ field, message: `${label} must be a whole number of cents.` });
    else if (value <= 0) found.push({ field, message: `${label} must be more than $0.00: enter the agreed amount.` });
    else if (value > MAX_RATE_CENTS)
      found.push({ field, message: `${label} is above $100,000.00; check it was not entered in cents as dollars.` });
  };
  money('baseFeeCents', 'The base fee', terms.baseFeeCents);
  money('hourlyRateCents', 'The hourly rate', terms.hourlyRateCents);
  if (Number.isInteger(terms.baseFeeCents) && terms.baseFeeCents > 0 && terms.baseFeeCents < minBaseFeeCents)
    found.push({
      field: 'baseFeeCents',
      message: `The base fee is below the contract's ${formatCentsForMessage(minBaseFeeCents)} (trip and first hour): quote at least that.`,
    });
  if (!Number.isInteger(terms.estimateHours) || terms.estimateHours < 1)
    found.push({ field: 'estimateHours', message: 'Estimate at least 1 whole hour onsite: the base fee includes the first hour.' });
  else if (terms.estimateHours > MAX_ESTIMATE_HOURS)
    found.push({ field: 'estimateHours', message: `Estimate at most ${MAX_ESTIMATE_HOURS} hours; book longer work as several visits.` });
  return found;
}

/** The base fee of a visit (trip and first hour): the contract's, raised by the site's travel zone and by the scope. */
export function baseFeeCents(parts: { contractBaseFeeCents: number; zoneSurchargeCents: number; scopeSurchargeCents: number }): number {
  return parts.contractBaseFeeCents + parts.zoneSurchargeCents + parts.scopeSurchargeCents;
}

/** The quote of valid terms (check them with quoteProblems first). */
export function quote(terms: QuoteTerms): Quote {
  const additionalHours = Math.max(0, terms.estimateHours - 1);
  const additionalCents = additionalHours * terms.hourlyRateCents;
  const totalCents = terms.baseFeeCents + additionalCents;
  const { increments, prepaymentCents } = requiredPrepayment(terms.baseFeeCents, totalCents);
  return { ...terms, additionalHours, additionalCents, totalCents, increments, prepaymentCents };
}

/** The base plus the fewest $25 increments that reach `totalCents`. */
export function requiredPrepayment(baseFeeCents: number, totalCents: number): { increments: number; prepaymentCents: number } {
  const increments = Math.ceil(Math.max(0, totalCents - baseFeeCents) / PREPAYMENT_INCREMENT_CENTS);
  return { increments, prepaymentCents: baseFeeCents + increments * PREPAYMENT_INCREMENT_CENTS };
}

/**
 * Why an amount cannot be taken as the prepayment of `q`, or null. It is the
 * base plus whole $25 increments, and at least the required prepayment (more
 * increments are accepted; the reconciliation refunds what was not used).
 */
export function prepaymentProblem(amountCents: number, q: Quote): string | null {
  const above = amountCents - q.baseFeeCents;
  const expected = `${formatCentsForMessage(q.prepaymentCents)} (base ${formatCentsForMessage(q.baseFeeCents)} + ${q.increments} × $25.00)`;
  if (!Number.isInteger(amountCents) || above < 0 || above % PREPAYMENT_INCREMENT_CENTS !== 0)
    return `A prepayment is the base fee plus whole $25.00 increments: for this quote, ${expected}.`;
  if (amountCents < q.prepaymentCents)
    return `${formatCentsForMessage(amountCents)} does not cover the estimate of ${formatCentsForMessage(q.totalCents)}: take ${expected}.`;
  return null;
}

/** Minutes onsite from check-in to check-out: whole minutes, seconds dropped; null when check-out is before check-in (or unreadable). */
export function onsiteMinutes(checkedInAt: string, checkedOutAt: string): number | null {
  const ms = Date.parse(checkedOutAt) - Date.parse(checkedInAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return Math.floor(ms / 60_000);
}

/** Whole hours billed for the time onsite, rounded up, never below the first hour the base fee includes. */
export function billedHours(minutesOnsite: number): number {
  return Math.max(1, Math.ceil(minutesOnsite / 60));
}

/** What `hours` billed hours cost: the base for the first, the rate for each after it. */
export function chargeCents(baseFeeCents: number, hourlyRateCents: number, hours: number): number {
  return baseFeeCents + Math.max(0, hours - 1) * hourlyRateCents;
}

/** A more-time request's payment: the extra whole hours at the visit's agreed rate. */
export function extraTimeCents(hours: number, hourlyRateCents: number): number {
  return hours * hourlyRateCents;
}

export function extraHoursProblem(hours: number): string | null {
  if (!Number.isInteger(hours) || hours < 1) return 'Ask for at least 1 more whole hour: hours are billed whole.';
  if (hours > MAX_EXTRA_HOURS) return `Ask for at most ${MAX_EXTRA_HOURS} more hours at a time; book a further visit for longer work.`;
  return null;
}

/** The reconciliation at completion: what was paid, what the time onsite costs, and the difference. */
export interface Reconciliation {
  onsiteMinutes: number;
  billedHours: number;
  chargeCents: number;
  paidCents: number;
  /** charge − paid: above zero the customer owes it, below zero it is refunded. */
  balanceCents: number;
  outcome: 'balance_due' | 'refund' | 'settled';
}

export function reconcile(terms: Pick<QuoteTerms, 'baseFeeCents' | 'hourlyRateCents'>, minutes: number, paidCents: number): Reconciliation {
  const hours = billedHours(minutes);
  const charge = chargeCents(terms.baseFeeCents, terms.hourlyRateCents, hours);
  const balanceCents = charge - paidCents;
  return {
    onsiteMinutes: minutes,
    billedHours: hours,
    chargeCents: charge,
    paidCents,
    balanceCents,
    outcome: balanceCents > 0 ? 'balance_due' : balanceCents < 0 ? 'refund' : 'settled',
  };
}
