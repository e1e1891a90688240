// The invoice tables are the worked examples of docs/domain/onsite-visits.md,
// figured by hand there (not read back from the code).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursAndMinutes, siteDateTime, visitInvoice, type VisitInvoice } from '../../../src/domain/visit-invoice';
import { visitReconciliation } from '../../../src/domain/visits';
import { client, completedVisit, extraPayment, moreTime, prepayment, TECH_ID } from './completed-visit';

const parties = { client, technicianName: 'Dana Reyes', ticketTitle: 'Front desk switch dead' };

function invoiceOf(over: Parameters<typeof completedVisit>[0]): VisitInvoice {
  const result = visitInvoice(completedVisit(over), parties);
  if (!result.ok) throw new Error(result.problem);
  return result.invoice;
}

describe('visitInvoice: the worked examples', () => {
  it.each([
    {
      name: '09:10–12:25 (3 h 15 min), the fourth hour authorized and paid $135: $5 refunded',
      over: {
        checkedOutAt: '2026-03-03T18:25:00.000Z',
        onsiteMinutes: 195,
        authorizations: [moreTime],
        payments: [prepayment(), extraPayment],
      },
      billed: 4,
      additionalHours: 3,
      additional: 40_500,
      total: 75_500,
      paid: 76_000,
      balance: -500,
      outcome: 'refund',
    },
    {
      name: '09:10–12:25 with only the $625 prepayment: $130 due',
      over: { checkedOutAt: '2026-03-03T18:25:00.000Z', onsiteMinutes: 195 },
      billed: 4,
      additionalHours: 3,
      additional: 40_500,
      total: 75_500,
      paid: 62_500,
      balance: 13_000,
      outcome: 'balance_due',
    },
    {
      name: '09:10–11:50 (2 h 40 min) within the $625 prepayment: $5 of the last increment refunded',
      over: { checkedOutAt: '2026-03-03T17:50:00.000Z', onsiteMinutes: 160 },
      billed: 3,
      additionalHours: 2,
      additional: 27_000,
      total: 62_000,
      paid: 62_500,
      balance: -500,
      outcome: 'refund',
    },
    {
      name: 'a distant site quoted at $425 for 1 hour, 55 minutes onsite: settled',
      over: {
        baseFeeCents: 42_500,
        estimateHours: 1,
        checkedOutAt: '2026-03-03T16:05:00.000Z',
        onsiteMinutes: 55,
        payments: [prepayment(42_500)],
      },
      billed: 1,
      additionalHours: 0,
      additional: 0,
      total: 42_500,
      paid: 42_500,
      balance: 0,
      outcome: 'settled',
    },
    {
      name: '61 minutes onsite bills the base and one additional hour',
      over: { checkedOutAt: '2026-03-03T16:11:00.000Z', onsiteMinutes: 61 },
      billed: 2,
      additionalHours: 1,
      additional: 13_500,
      total: 48_500,
      paid: 62_500,
      balance: -14_000,
      outcome: 'refund',
    },
  ])('$name', ({ over, billed, additionalHours, additional, total, paid, balance, outcome }) => {
    const invoice = invoiceOf(over);
    expect(invoice).toMatchObject({
      billedHours: billed,
      additionalHours,
      additionalCents: additional,
      totalCents: total,
      paidCents: paid,
      balanceCents: balance,
      outcome,
    });
    // The same figures as the reconciliation the Visits screen shows, to the cent.
    const reconciliation = visitReconciliation(completedVisit(over))!;
    expect([invoice.totalCents, invoice.paidCents, invoice.balanceCents]).toEqual([
      reconciliation.chargeCents,
      reconciliation.paidCents,
      reconciliation.balanceCents,
    ]);
    expect(invoice.baseFeeCents + invoice.additionalCents).toBe(invoice.totalCents);
  });

  it('lists the payments oldest first, naming the more time each extra payment bought', () => {
    const invoice = invoiceOf({ authorizations: [moreTime], payments: [extraPayment, prepayment()] });
    expect(invoice.payments.map((p) => [p.kind, p.description, p.amountCents])).toEqual([
      ['prepayment', 'Prepayment', 62_500],
      ['additional_time', 'Additional time: 1 h (Server rebuild ran long)', 13_500],
    ]);
  });

  it('keeps the raw minutes beside the billed hours, and the site, technician, parts and notes', () => {
    const invoice = invoiceOf({});
    expect(invoice).toMatchObject({
      onsiteMinutes: 195,
      billedHours: 4,
      technicianName: 'Dana Reyes',
      clientName: 'Prairie Dental',
      timeZone: 'America/Chicago',
      site: { address: '12 Lake St, Chicago IL' },
      parts: [{ description: '24-port switch', quantity: 1 }],
      workNotes: 'Swapped the switch; patched ports 1–12.',
    });
  });
});

describe('visitInvoice: no invoice before the visit is done', () => {
  it.each([
    ['scheduled', { status: 'scheduled' as const, checkedInAt: null, checkedOutAt: null, onsiteMinutes: null }, /checked out/],
    ['onsite', { status: 'onsite' as const, checkedOutAt: null, onsiteMinutes: null }, /checked out/],
    ['cancelled', { status: 'cancelled' as const }, /checked out/],
    ['completed but the minutes not synced', { onsiteMinutes: null }, /no time onsite/],
    ['on a site the client does not have', { siteId: '00000000-0000-4000-8000-0000000000ff' }, /not one of Prairie Dental's sites/],
  ])('%s', (_name, over, problem) => {
    const result = visitInvoice(completedVisit(over), parties);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });

  it('names a technician this desk does not know instead of failing', () => {
    const result = visitInvoice(completedVisit({ technicianId: TECH_ID }), { ...parties, technicianName: null });
    expect(result.ok && result.invoice.technicianName).toBe('Technician not on this desk');
  });
});

describe('times on the invoice', () => {
  it.each([
    // 15:10Z is 09:10 in Chicago before DST (CST, UTC−6), 10:10 after it (CDT, UTC−5).
    ['2026-03-03T15:10:00.000Z', 'America/Chicago', 'Tue, Mar 3, 2026, 9:10 AM CST'],
    ['2026-03-10T15:10:00.000Z', 'America/Chicago', 'Tue, Mar 10, 2026, 10:10 AM CDT'],
    ['2026-03-03T15:10:00.000Z', 'Not/AZone', 'Tue, Mar 3, 2026, 3:10 PM UTC'],
  ])('%s in %s reads %s', (iso, zone, expected) => {
    // ICU puts a narrow no-break space before AM/PM in some versions; the words are what is checked.
    expect(siteDateTime(iso, zone, 'en-US').replace(/\u202f/g, ' ')).toBe(expected);
  });

  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h'],
    [195, '3 h 15 min'],
  ])('%i minutes read %s', (minutes, expected) => {
    expect(hoursAndMinutes(minutes)).toBe(expected);
  });
});

describe('visitInvoice: properties', () => {
  it('its lines add up: base + hours × rate = total, total − payments = balance, whole hours cover the minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 35_000, max: 200_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 16 * 60 }),
        fc.array(fc.integer({ min: 1, max: 500_000 }), { maxLength: 4 }),
        (base, rate, minutes, amounts) => {
          const payments = amounts.map((amountCents, i) => ({
            ...prepayment(amountCents),
            id: `00000000-0000-4000-8000-00000000f1${String(i).padStart(2, '0')}`,
          }));
          const invoice = invoiceOf({ baseFeeCents: base, hourlyRateCents: rate, onsiteMinutes: minutes, payments });
          expect(invoice.additionalCents).toBe(invoice.additionalHours * rate);
          expect(invoice.totalCents).toBe(base + invoice.additionalCents);
          expect(invoice.paidCents).toBe(invoice.payments.reduce((sum, p) => sum + p.amountCents, 0));
          expect(invoice.balanceCents).toBe(invoice.totalCents - invoice.paidCents);
          expect(invoice.billedHours * 60).toBeGreaterThanOrEqual(minutes);
          expect(invoice.additionalHours).toBe(invoice.billedHours - 1);
        },
      ),
    );
  });
});
