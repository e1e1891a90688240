import { describe, expect, it } from 'vitest';
import { readVisitForm, type VisitFormText } from './request-visit-form';

const filled: VisitFormText = {
  siteId: 'site-1',
  contactId: 'contact-1',
  scope: 'Replace the core switch',
  needsDowntime: true,
  zoneSurcharge: '',
  scopeSurcharge: '',
  surchargeReason: '',
  rate: '135',
  hours: '3',
};
const local = { travelZone: 'local' as const };

describe('readVisitForm', () => {
  it('quotes base $350, $135/h, 3 h at $620.00 with a $625.00 prepayment', () => {
    const r = readVisitForm(filled, 35_000, local);
    expect(r.problems).toEqual({});
    expect(r.quote).toMatchObject({ baseFeeCents: 35_000, totalCents: 62_000, prepaymentCents: 62_500, increments: 11 });
    expect(r.draft).toMatchObject({ zoneSurchargeCents: 0, scopeSurchargeCents: 0, hourlyRateCents: 13_500, estimateHours: 3 });
  });

  it("adds a regional site's fixed surcharge whatever is typed in the zone field", () => {
    const r = readVisitForm({ ...filled, zoneSurcharge: '1' }, 35_000, { travelZone: 'regional' });
    expect(r.quote?.baseFeeCents).toBe(35_000 + 7_500);
    expect(r.draft?.zoneSurchargeCents).toBe(7_500);
  });

  it('takes a remote site’s surcharge as typed, and asks how it was set', () => {
    const r = readVisitForm({ ...filled, zoneSurcharge: '400' }, 35_000, { travelZone: 'remote' });
    expect(r.quote?.baseFeeCents).toBe(75_000);
    expect(r.problems.surchargeReason).toMatch(/remote site is quoted per visit/);
    expect(r.draft).toBeNull();
    const reasoned = readVisitForm({ ...filled, zoneSurcharge: '400', surchargeReason: 'Ferry and overnight stay' }, 35_000, {
      travelZone: 'remote',
    });
    expect(reasoned.draft?.zoneSurchargeCents).toBe(40_000);
  });

  it('asks for a reason when the scope raises the base fee', () => {
    const r = readVisitForm({ ...filled, scopeSurcharge: '50' }, 35_000, local);
    expect(r.quote?.baseFeeCents).toBe(40_000);
    expect(r.problems.surchargeReason).toBe('Say why the scope raises the base fee.');
  });

  it.each([
    [{ rate: '' }, 'rate', /Enter the agreed hourly rate/],
    [{ rate: 'abc' }, 'rate', /"abc" is not an amount in dollars/],
    [{ rate: '0' }, 'rate', /more than \$0.00/],
    [{ hours: '0' }, 'hours', /at least 1 whole hour/],
    [{ hours: '2.5' }, 'hours', /whole number of hours/],
    [{ hours: '13' }, 'hours', /at most 12 hours/],
    [{ scopeSurcharge: '-5' }, 'scopeSurcharge', /not an amount in dollars/],
    [{ scope: '  ' }, 'scope', /scope is empty/],
    [{ contactId: '' }, 'contactId', /Choose the contact/],
  ] as const)('%o is refused by its field (%s), and nothing is ready to save', (patch, field, message) => {
    const r = readVisitForm({ ...filled, ...patch }, 35_000, local);
    expect(r.problems[field]).toMatch(message);
    expect(r.draft).toBeNull();
  });

  it('still shows the quote while the scope is empty', () => {
    const r = readVisitForm({ ...filled, scope: '' }, 35_000, local);
    expect(r.quote?.totalCents).toBe(62_000);
  });

  it('needs a site', () => {
    const r = readVisitForm(filled, 35_000, null);
    expect(r.problems.siteId).toMatch(/Choose the site/);
    expect(r.draft).toBeNull();
  });
});
