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

export function QuoteBreakdown({ parts, quote, testId }: { parts: QuoteParts; quote: Quote; testId?: string }) {
  return (
    <dl className="visit-quote" data-testid={testId}>
      <dt>Contract base fee</dt>
      <dd>{formatCents(parts.contractBaseFeeCents)}</dd>
      <dt>Travel zone surcharge</dt>
      <dd>
        {formatCents(parts.zoneSurchargeCents)} <span className="muted">· {parts.zoneLabel}</span>
      </dd>
      <dt>Scope surcharge</dt>
      <dd>
        {formatCents(parts.scopeSurchargeCents)}
        {parts.surchargeReason && <span className="muted"> · {parts.surchargeReason}</span>}
      </dd>
      <dt>Base fee (trip + first hour)</dt>
      <dd data-testid="quote-base">{formatCents(quote.baseFeeCents)}</dd>
      <dt>Agreed hourly rate</dt>
      <dd>{formatCents(quote.hourlyRateCents)}</dd>
      <dt>Estimated hours onsite</dt>
      <dd>{quote.estimateHours} h</dd>
      <dt>Additional hours</dt>
      <dd>{additionalText(quote)}</dd>
      <dt>Total of the estimate</dt>
      <dd data-testid="quote-total">{formatCents(quote.totalCents)}</dd>
      <dt>Required prepayment</dt>
      <dd data-testid="quote-prepayment">{prepaymentText(quote)}</dd>
    </dl>
  );
}
