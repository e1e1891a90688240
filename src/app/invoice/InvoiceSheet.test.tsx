import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { visitInvoice } from '../../domain/visit-invoice';
import type { VisitRecord } from '../../protocol/records';
import { client, completedVisit, extraPayment, moreTime, prepayment } from '../../../test/unit/domain/completed-visit';
import { InvoiceSheet } from './InvoiceSheet';

/** What a reader sees: the markup without tags, entities as typed, ICU's narrow spaces as spaces. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ');

function shown(over: Partial<VisitRecord>, ticketTitle = 'Front desk switch dead'): string {
  const r = visitInvoice(completedVisit(over), { client, technicianName: 'Dana Reyes', ticketTitle });
  if (!r.ok) throw new Error(r.problem);
  return text(renderToStaticMarkup(<InvoiceSheet invoice={r.invoice} headingId="h" />));
}

// Figures from the worked example of docs/domain/onsite-visits.md: 09:10–12:25 CST, base $350, rate $135, prepaid $625.
describe('InvoiceSheet', () => {
  it('shows the site, its zone named, the times there, raw minutes beside billed hours, and the balance due', () => {
    const t = shown({});
    expect(t).toContain('Prairie Dental');
    expect(t).toContain('12 Lake St, Chicago IL');
    expect(t).toContain("America/Chicago (the site's time zone)");
    expect(t).toContain('Tue, Mar 3, 2026, 9:10 AM CST');
    expect(t).toContain('Tue, Mar 3, 2026, 12:25 PM CST');
    expect(t).toContain('3 h 15 min (195 min), billed as 4 whole hours');
    expect(t).toContain('Base fee: trip and first hour onsite 1 $350.00 $350.00');
    expect(t).toContain('Additional hours after the first 3 $135.00 $405.00');
    expect(t).toContain('Total $755.00');
    expect(t).toContain('Total paid $625.00');
    expect(t).toContain('Balance due: $130.00');
    expect(t).toContain('1 × 24-port switch');
    expect(t).toContain('Dana Reyes');
  });

  it('says what is refunded when more was paid than the time cost', () => {
    const t = shown({ authorizations: [moreTime], payments: [prepayment(), extraPayment] });
    expect(t).toContain('Additional time: 1 h (Server rebuild ran long)');
    expect(t).toContain('Total paid $760.00');
    expect(t).toContain('Refund due to you: $5.00');
  });

  it('shows hostile notes as text, not markup', () => {
    const r = visitInvoice(completedVisit({ workNotes: '<img src=x onerror=alert(1)>' }), {
      client,
      technicianName: null,
      ticketTitle: null,
    });
    if (!r.ok) throw new Error(r.problem);
    const html = renderToStaticMarkup(<InvoiceSheet invoice={r.invoice} headingId="h" />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
