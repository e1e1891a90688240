import { describe, expect, it } from 'vitest';
import { quote } from '../../domain/onsite-pricing';
import { additionalText, balanceText, minutesText, prepaymentText } from './quote-text';

describe('prepaymentText', () => {
  it.each([
    // base $350, rate $135, 3 h: total $620, so 11 increments of $25 above the base reach it ($625).
    [35_000, 13_500, 3, '$625.00 (base $350.00 + 11 × $25.00)'],
    // One hour: the base alone covers it.
    [35_000, 13_500, 1, '$350.00 (base $350.00 + 0 × $25.00)'],
    // $100/h for 2 h: exactly 4 increments, none rounded up.
    [20_000, 10_000, 2, '$300.00 (base $200.00 + 4 × $25.00)'],
  ])('base %i, rate %i, %i h → %s', (base, rate, hours, expected) => {
    expect(prepaymentText(quote({ baseFeeCents: base, hourlyRateCents: rate, estimateHours: hours }), 'en-US')).toBe(expected);
  });

  it('follows the locale given', () => {
    const text = prepaymentText(quote({ baseFeeCents: 35_000, hourlyRateCents: 13_500, estimateHours: 3 }), 'de-DE');
    expect(text).toContain('625,00');
    expect(text).toContain('11 ×');
  });
});

describe('additionalText', () => {
  it('says the first hour is in the base', () => {
    expect(additionalText(quote({ baseFeeCents: 35_000, hourlyRateCents: 13_500, estimateHours: 1 }), 'en-US')).toMatch(/^none/);
  });
  it('multiplies the hours after the first by the rate', () => {
    expect(additionalText(quote({ baseFeeCents: 35_000, hourlyRateCents: 13_500, estimateHours: 3 }), 'en-US')).toBe(
      '2 h × $135.00 = $270.00',
    );
  });
});

describe('balanceText', () => {
  it.each([
    [{ balanceCents: 13_500, outcome: 'balance_due' as const }, 'Balance due from the client: $135.00'],
    [{ balanceCents: -500, outcome: 'refund' as const }, 'Refund due to the client: $5.00'],
    [{ balanceCents: 0, outcome: 'settled' as const }, 'Settled: the payments cover the time onsite exactly.'],
  ])('%o → %s', (r, expected) => {
    expect(balanceText(r, 'en-US')).toBe(expected);
  });
});

describe('minutesText', () => {
  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h'],
    [125, '2 h 5 min'],
  ])('%i → %s', (m, expected) => expect(minutesText(m)).toBe(expected));
});
