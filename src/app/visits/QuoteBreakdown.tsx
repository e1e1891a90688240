// A visit's quote line by line: the contract's base fee raised for the site's
// zone and the scope, the agreed rate for each hour after the first, the total
// of the estimate and the prepayment that covers it (base + whole $25 steps).
import { formatCents } from '../../domain/money';
import type { Quote } from '../../domain/onsite-pricing';
import { additionalText, prepaymentText } from './quote-text';

export interface QuoteParts {
  contractBaseFeeCents: number;
  zoneLabel: string;
  zoneSurchargeCents: number;
  scopeSurchargeCents: number;
  surchargeReason: string;
}

export function QuoteBreakdown({
  parts,
  quote,
  testId,
  locale,
}: {
  parts: QuoteParts;
  quote: Quote;
  testId?: string;
  /** Default: the user's (the runtime's). */
  locale?: string;
}) {
  return (
    <dl className="visit-quote" data-testid={testId}>
      <dt>Contract base fee</dt>
      <dd>{formatCents(parts.contractBaseFeeCents, locale)}</dd>
      <dt>Travel zone surcharge</dt>
      <dd>
        {formatCents(parts.zoneSurchargeCents, locale)} <span className="muted">· {parts.zoneLabel}</span>
      </dd>
      <dt>Scope surcharge</dt>
      <dd>
        {formatCents(parts.scopeSurchargeCents, locale)}
        {parts.surchargeReason && <span className="muted"> · {parts.surchargeReason}</span>}
      </dd>
      <dt>Base fee (trip + first hour)</dt>
      <dd data-testid="quote-base">{formatCents(quote.baseFeeCents, locale)}</dd>
      <dt>Agreed hourly rate</dt>
      <dd>{formatCents(quote.hourlyRateCents, locale)}</dd>
      <dt>Estimated hours onsite</dt>
      <dd>{quote.estimateHours} h</dd>
      <dt>Additional hours</dt>
      <dd>{additionalText(quote, locale)}</dd>
      <dt>Total of the estimate</dt>
      <dd data-testid="quote-total">{formatCents(quote.totalCents, locale)}</dd>
      <dt>Required prepayment</dt>
      <dd data-testid="quote-prepayment">{prepaymentText(quote, locale)}</dd>
    </dl>
  );
}
