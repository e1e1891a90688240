import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { quote } from '../../domain/onsite-pricing';
import { QuoteBreakdown } from './QuoteBreakdown';

describe('QuoteBreakdown', () => {
  // A regional site ($75.00) with a $25.00 scope surcharge on a $350.00 contract base: base $450.00; $135.00/h for 3 h.
  const html = renderToStaticMarkup(
    <QuoteBreakdown
      locale="en-US"
      quote={quote({ baseFeeCents: 45_000, hourlyRateCents: 13_500, estimateHours: 3 })}
      parts={{
        contractBaseFeeCents: 35_000,
        zoneLabel: 'Regional (25–60 miles)',
        zoneSurchargeCents: 7_500,
        scopeSurchargeCents: 2_500,
        surchargeReason: 'Rack lift needed',
      }}
    />,
  );
  const line = (label: string) => new RegExp(`<dt>${label.replace(/[()+]/g, '\\$&')}</dt><dd[^>]*>(.*?)</dd>`).exec(html)?.[1];

  it.each([
    ['Contract base fee', '$350.00'],
    ['Base fee (trip + first hour)', '$450.00'],
    ['Agreed hourly rate', '$135.00'],
    ['Estimated hours onsite', '3 h'],
    ['Additional hours', '2 h × $135.00 = $270.00'],
    ['Total of the estimate', '$720.00'],
    ['Required prepayment', '$725.00 (base $450.00 + 11 × $25.00)'],
  ])('%s: %s', (label, expected) => {
    expect(line(label)).toBe(expected);
  });

  it('names the zone and the reason for the scope surcharge beside their amounts', () => {
    expect(line('Travel zone surcharge')).toContain('$75.00');
    expect(line('Travel zone surcharge')).toContain('Regional (25–60 miles)');
    expect(line('Scope surcharge')).toContain('$25.00');
    expect(line('Scope surcharge')).toContain('Rack lift needed');
  });
});
