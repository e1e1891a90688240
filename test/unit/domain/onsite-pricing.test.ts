// The money of an onsite visit, table-driven from the onsite-visit guide as
// docs/domain/onsite-visits.md words it: the base fee covers the trip and the
// first hour, further hours are billed whole at the agreed rate, the customer
// prepays the base plus enough $25 increments to reach the estimate, and the
// time between check-in and check-out decides what is billed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billedHours,
  chargeCents,
  extraHoursProblem,
  extraTimeCents,
  MAX_ESTIMATE_HOURS,
  onsiteMinutes,
  PREPAYMENT_INCREMENT_CENTS,
  prepaymentProblem,
  quote,
  quoteProblems,
  reconcile,
  requiredPrepayment,
} from '../../../src/domain/onsite-pricing';

const $ = (dollars: number) => Math.round(dollars * 100);
const CONTRACT_BASE = $(350);

describe('the quote', () => {
  it.each([
    // base, rate, estimate hours → additional hours, estimate total, increments, prepayment
    ["the guide's worked example", 350, 135, 3, 2, 620, 11, 625],
    ['a base raised to $425 for the drive, one hour: within the base', 425, 135, 1, 0, 425, 0, 425],
    ['an estimate that lands on an increment needs no rounding', 350, 100, 2, 1, 450, 4, 450],
    ['one cent above the base takes a whole increment', 350, 0.01, 2, 1, 350.01, 1, 375],
    ['one cent above an increment takes the next one', 350, 125.01, 2, 1, 475.01, 6, 500],
    ['the longest estimate', 350, 135, 12, 11, 1835, 60, 1850],
    ['a two-hour visit at $95', 350, 95, 2, 1, 445, 4, 450],
  ])('%s', (_name, base, rate, hours, additional, total, increments, prepay) => {
    const q = quote({ baseFeeCents: $(base), hourlyRateCents: $(rate), estimateHours: hours });
    expect(q).toMatchObject({
      additionalHours: additional,
      additionalCents: additional * $(rate),
      totalCents: $(total),
      increments,
      prepaymentCents: $(prepay),
    });
    expect(q.prepaymentCents).toBe(q.baseFeeCents + q.increments * PREPAYMENT_INCREMENT_CENTS);
  });

  it('takes no increment when the estimate is below the base', () => {
    expect(requiredPrepayment($(425), $(400))).toEqual({ increments: 0, prepaymentCents: $(425) });
  });
});

describe('terms that cannot be quoted', () => {
  const good = { baseFeeCents: $(350), hourlyRateCents: $(135), estimateHours: 3 };
  it.each([
    ['a zero rate', { hourlyRateCents: 0 }, 'hourlyRateCents', /hourly rate must be more than \$0\.00/],
    ['a negative rate', { hourlyRateCents: -13_500 }, 'hourlyRateCents', /hourly rate must be more than \$0\.00/],
    ['a rate in fractions of a cent', { hourlyRateCents: 13_500.5 }, 'hourlyRateCents', /whole number of cents/],
    ['a rate typed as cents for dollars', { hourlyRateCents: 13_500_00_00 }, 'hourlyRateCents', /above \$100,000\.00/],
    ['a zero base fee', { baseFeeCents: 0 }, 'baseFeeCents', /base fee must be more than \$0\.00/],
    ['a negative base fee', { baseFeeCents: -35_000 }, 'baseFeeCents', /base fee must be more than \$0\.00/],
    ['a base fee below the contract', { baseFeeCents: $(349.99) }, 'baseFeeCents', /below the contract's \$350\.00/],
    ['an estimate of 0 hours', { estimateHours: 0 }, 'estimateHours', /at least 1 whole hour/],
    ['a negative estimate', { estimateHours: -2 }, 'estimateHours', /at least 1 whole hour/],
    ['an estimate in part hours', { estimateHours: 2.5 }, 'estimateHours', /at least 1 whole hour/],
    ['an estimate over 12 hours', { estimateHours: MAX_ESTIMATE_HOURS + 1 }, 'estimateHours', /at most 12 hours/],
  ])('refuses %s, naming the field', (_name, patch, field, message) => {
    const problems = quoteProblems({ ...good, ...patch }, CONTRACT_BASE);
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.message).toMatch(message);
  });

  it.each([
    ['the contract base itself', good],
    ['a base raised above the contract', { ...good, baseFeeCents: $(425) }],
    ['one hour', { ...good, estimateHours: 1 }],
    ['twelve hours', { ...good, estimateHours: 12 }],
  ])('quotes %s', (_name, terms) => {
    expect(quoteProblems(terms, CONTRACT_BASE)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = quoteProblems({ baseFeeCents: 0, hourlyRateCents: 0, estimateHours: 0 }, CONTRACT_BASE);
    expect(problems.map((p) => p.field)).toEqual(['baseFeeCents', 'hourlyRateCents', 'estimateHours']);
  });
});

describe('the prepayment taken', () => {
  const example = quote({ baseFeeCents: $(350), hourlyRateCents: $(135), estimateHours: 3 });
  const withinBase = quote({ baseFeeCents: $(425), hourlyRateCents: $(135), estimateHours: 1 });
  it.each([
    ['the required $625', example, 625, null],
    ['one increment more ($650): refunded at reconciliation', example, 650, null],
    ['many increments more', example, 1000, null],
    [
      'the estimate itself ($620), not base + whole increments',
      example,
      620,
      /base fee plus whole \$25\.00 increments.*\$625\.00 \(base \$350\.00 \+ 11 × \$25\.00\)/,
    ],
    ['ten increments ($600): short of the estimate', example, 600, /\$600\.00 does not cover the estimate of \$620\.00/],
    ['the base alone', example, 350, /does not cover the estimate of \$620\.00/],
    ['less than the base', example, 349, /base fee plus whole \$25\.00 increments/],
    ['nothing', example, 0, /base fee plus whole \$25\.00 increments/],
    ['a negative amount', example, -625, /base fee plus whole \$25\.00 increments/],
    ['a fraction of a cent', example, 625.005, /base fee plus whole \$25\.00 increments/],
    ['$425 for a quote within its $425 base', withinBase, 425, null],
    ['$450 for that quote', withinBase, 450, null],
    [
      '$350 (the usual base) for that quote',
      withinBase,
      350,
      /base fee plus whole \$25\.00 increments.*\$425\.00 \(base \$425\.00 \+ 0 × \$25\.00\)/,
    ],
  ])('%s', (_name, q, dollars, expected) => {
    const problem = prepaymentProblem($(dollars), q);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('time onsite', () => {
  const at = (hhmmss: string) => `2026-03-04T${hhmmss}Z`;
  it.each([
    ['the guide example, 09:10 to 12:25', at('09:10:00'), at('12:25:00'), 195],
    ['09:10 to 11:50', at('09:10:00'), at('11:50:00'), 160],
    ['a check-out at the check-in', at('09:10:00'), at('09:10:00'), 0],
    ['59 seconds: dropped', at('09:10:00'), at('09:10:59'), 0],
    ['an hour and 59 seconds', at('09:00:00'), at('10:00:59'), 60],
    ['an hour less a second', at('09:00:30'), at('10:00:29'), 59],
    ['across midnight', '2026-03-04T23:30:00Z', '2026-03-05T00:45:00Z', 75],
    ['offsets of different zones', '2026-03-04T09:00:00-06:00', '2026-03-04T11:00:00-05:00', 60],
  ])('%s', (_name, checkedIn, checkedOut, minutes) => {
    expect(onsiteMinutes(checkedIn, checkedOut)).toBe(minutes);
  });

  it.each([
    ['a check-out before the check-in', at('12:00:00'), at('11:59:00')],
    ['an unreadable time', at('09:00:00'), 'noon'],
  ])('is unknown for %s', (_name, checkedIn, checkedOut) => {
    expect(onsiteMinutes(checkedIn, checkedOut)).toBeNull();
  });
});

describe('whole hours billed', () => {
  const edges: [number, number][] = [
    [0, 1],
    [1, 1],
    [59, 1],
  ];
  // 60 and 61 minutes are the first hour's edge in the loop.
  for (let h = 1; h <= 12; h++) edges.push([h * 60, h], [h * 60 + 1, h + 1]);
  it.each(edges)('%i minutes onsite bill %i hours', (minutes, hours) => {
    expect(billedHours(minutes)).toBe(hours);
  });

  it('1 h 01 min onsite bills the base plus 1 additional hour', () => {
    expect(chargeCents($(350), $(135), billedHours(61))).toBe($(350 + 135));
  });

  it.each([
    [1, 350],
    [3, 620],
    [4, 755],
  ])('%i billed hours at $135 on a $350 base cost $%i', (hours, dollars) => {
    expect(chargeCents($(350), $(135), hours)).toBe($(dollars));
  });

  it('billed hours cover the time onsite by less than an hour (1 minute and up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 * 60 }), (minutes) => {
        const hours = billedHours(minutes);
        expect(Number.isInteger(hours)).toBe(true);
        expect(hours * 60).toBeGreaterThanOrEqual(minutes);
        expect(hours * 60).toBeLessThan(minutes + 60);
      }),
    );
  });
});

describe('more time', () => {
  it.each([
    [0, /at least 1 more whole hour/],
    [-1, /at least 1 more whole hour/],
    [1.5, /at least 1 more whole hour/],
    [9, /at most 8 more hours/],
  ])('refuses %d hours', (hours, message) => {
    expect(extraHoursProblem(hours)).toMatch(message);
  });

  it.each([1, 8])('accepts %d hours', (hours) => {
    expect(extraHoursProblem(hours)).toBeNull();
  });

  it('is paid at the agreed rate per extra hour', () => {
    expect(extraTimeCents(1, $(135))).toBe($(135));
    expect(extraTimeCents(3, $(135))).toBe($(405));
  });
});

describe('reconciliation', () => {
  const terms = { baseFeeCents: $(350), hourlyRateCents: $(135) };
  it.each([
    // minutes onsite, paid → billed hours, charge, balance (charge − paid), outcome
    ['4 hours against the $625 prepaid, no more time paid', 195, 625, 4, 755, 130, 'balance_due'],
    ['4 hours with the extra hour paid: the unused $5 of the last increment is refunded', 195, 625 + 135, 4, 755, -5, 'refund'],
    ['3 hours against $625: the unused $5 is refunded', 160, 625, 3, 620, -5, 'refund'],
    ['exactly the estimate', 180, 625, 3, 620, -5, 'refund'],
    ['a shorter visit: the unused hours are refunded', 30, 625, 1, 350, -275, 'refund'],
    ['a visit checked out at its check-in still bills the first hour', 0, 625, 1, 350, -275, 'refund'],
    ['one minute past the estimate bills a fourth hour', 181, 625, 4, 755, 130, 'balance_due'],
  ] as const)('%s', (_name, minutes, paid, hours, charge, balance, outcome) => {
    expect(reconcile(terms, minutes, $(paid))).toEqual({
      onsiteMinutes: minutes,
      billedHours: hours,
      chargeCents: $(charge),
      paidCents: $(paid),
      balanceCents: $(balance),
      outcome,
    });
  });

  it('is settled when the payment meets the charge exactly', () => {
    // $350 + 1 × $100 = $450 = the base + 4 increments.
    expect(reconcile({ baseFeeCents: $(350), hourlyRateCents: $(100) }, 120, $(450))).toMatchObject({
      balanceCents: 0,
      outcome: 'settled',
    });
  });
});

describe('the prepayment against the estimate (properties)', () => {
  const terms = fc.record({
    baseFeeCents: fc.integer({ min: CONTRACT_BASE, max: $(5_000) }),
    hourlyRateCents: fc.integer({ min: 1, max: $(1_000) }),
    estimateHours: fc.integer({ min: 1, max: MAX_ESTIMATE_HOURS }),
  });

  it('covers the estimate with less than $25 over it, in base + whole increments', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const q = quote(t);
        expect(q.totalCents).toBe(t.baseFeeCents + (t.estimateHours - 1) * t.hourlyRateCents);
        expect(q.prepaymentCents).toBeGreaterThanOrEqual(q.totalCents);
        expect(q.prepaymentCents).toBeLessThan(q.totalCents + PREPAYMENT_INCREMENT_CENTS);
        expect(q.prepaymentCents).toBe(t.baseFeeCents + q.increments * PREPAYMENT_INCREMENT_CENTS);
        expect(Number.isInteger(q.increments) && q.increments >= 0).toBe(true);
        expect(prepaymentProblem(q.prepaymentCents, q)).toBeNull();
      }),
    );
  });

  it('refuses one increment less whenever the base alone does not cover the estimate', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const q = quote(t);
        fc.pre(q.increments > 0);
        expect(prepaymentProblem(q.prepaymentCents - PREPAYMENT_INCREMENT_CENTS, q)).toMatch(/does not cover the estimate/);
      }),
    );
  });

  it('refuses any amount that is not the base plus whole increments', () => {
    fc.assert(
      fc.property(terms, fc.integer({ min: 0, max: $(10_000) }), (t, amount) => {
        const q = quote(t);
        fc.pre((amount - q.baseFeeCents) % PREPAYMENT_INCREMENT_CENTS !== 0 || amount < q.baseFeeCents);
        expect(prepaymentProblem(amount, q)).not.toBeNull();
      }),
    );
  });
});
