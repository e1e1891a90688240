// Money lines of a visit's quote and reconciliation as the screens say them,
// in the user's locale (amounts are integer cents until here).
import { formatCents } from '../../domain/money';
import { PREPAYMENT_INCREMENT_CENTS, type Quote, type Reconciliation } from '../../domain/onsite-pricing';

/** "$625.00 (base $350.00 + 11 × $25.00)": the required prepayment and how it is made up. */
export function prepaymentText(q: Pick<Quote, 'baseFeeCents' | 'increments' | 'prepaymentCents'>, locale?: string): string {
  return `${formatCents(q.prepaymentCents, locale)} (base ${formatCents(q.baseFeeCents, locale)} + ${q.increments} × ${formatCents(PREPAYMENT_INCREMENT_CENTS, locale)})`;
}

/** "2 h × $135.00 = $270.00", or "none" when the estimate is the first hour alone. */
export function additionalText(q: Pick<Quote, 'additionalHours' | 'hourlyRateCents' | 'additionalCents'>, locale?: string): string {
  if (q.additionalHours === 0) return 'none: the first hour is in the base fee';
  return `${q.additionalHours} h × ${formatCents(q.hourlyRateCents, locale)} = ${formatCents(q.additionalCents, locale)}`;
}

/** What the reconciliation comes to: the balance the client owes, the refund due to them, or nothing. */
export function balanceText(r: Pick<Reconciliation, 'balanceCents' | 'outcome'>, locale?: string): string {
  switch (r.outcome) {
    case 'balance_due':
      return `Balance due from the client: ${formatCents(r.balanceCents, locale)}`;
    case 'refund':
      return `Refund due to the client: ${formatCents(-r.balanceCents, locale)}`;
    case 'settled':
      return 'Settled: the payments cover the time onsite exactly.';
  }
}

/** "2 h 5 min": minutes onsite as people read them. */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
