// Expected rows are written out by hand from the worked example in
// docs/domain/onsite-visits.md (base $350, rate $135, prepaid $625).
import { describe, expect, it } from 'vitest';
import { csvText, monthlyVisitsCsv, monthProblem, neutralise, quoteField, visitCsv } from '../../../src/domain/visit-csv';
import { visitInvoice, type VisitInvoice } from '../../../src/domain/visit-invoice';
import type { VisitRecord } from '../../../src/protocol/records';
import { client, completedVisit } from './completed-visit';

function invoiceOf(over: Partial<VisitRecord> = {}, ticketTitle = 'Front desk switch dead', technicianName = 'Dana Reyes'): VisitInvoice {
  const result = visitInvoice(completedVisit(over), { client, technicianName, ticketTitle });
  if (!result.ok) throw new Error(result.problem);
  return result.invoice;
}

/** A minimal RFC 4180 reader, so hostile cells are checked as a spreadsheet would split them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('neutralise: formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+1+cmd|calc', `'+1+cmd|calc`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['  =1+1', `'  =1+1`],
    ['Main office', 'Main office'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(neutralise(text)).toBe(expected);
  });
});

describe('quoteField: RFC 4180', () => {
  it.each([
    ['plain', 'plain'],
    ['Lake St, Chicago', '"Lake St, Chicago"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
  ])('%j → %j', (field, expected) => {
    expect(quoteField(field)).toBe(expected);
  });

  it('ends every record with CRLF', () => {
    expect(csvText(['A', 'B'], [['x', { figure: '-5.00' }]])).toBe('A,B\r\nx,-5.00\r\n');
  });
});

describe('visitCsv: one visit for accounting', () => {
  it('lists base, additional hours, total, payments and the balance due', () => {
    const rows = parseCsv(visitCsv(invoiceOf()));
    const context = ['2026-03-03', 'America/Chicago', 'Prairie Dental', 'Main office', 'Front desk switch dead', 'Dana Reyes'];
    expect(rows).toEqual([
      ['Visit date', 'Time zone', 'Client', 'Site', 'Ticket', 'Technician', 'Line', 'Description', 'Quantity', 'Unit price', 'Amount'],
      [...context, 'charge', 'Base fee: trip and first hour onsite', '1', '350.00', '350.00'],
      [...context, 'charge', 'Additional hours (195 min onsite, 4 h billed)', '3', '135.00', '405.00'],
      [...context, 'total', 'Total charge', '', '', '755.00'],
      [...context, 'payment', 'Prepayment (AUTH-1)', '', '', '625.00'],
      [...context, 'paid', 'Total paid', '', '', '625.00'],
      [...context, 'balance_due', 'Balance due', '', '', '130.00'],
    ]);
  });

  it('ends with the refund when the visit took less than prepaid', () => {
    const rows = parseCsv(visitCsv(invoiceOf({ checkedOutAt: '2026-03-03T17:50:00.000Z', onsiteMinutes: 160 })));
    expect(rows.at(-1)!.slice(6)).toEqual(['refund', 'Refund due to the customer', '', '', '5.00']);
    expect(rows.find((r) => r[6] === 'total')![10]).toBe('620.00');
  });

  it('keeps hostile names as text in their own cell', () => {
    const rows = parseCsv(visitCsv(invoiceOf({}, '=cmd|"/c calc"!A1, "x"', '@Mallory\r\nEvil')));
    expect(rows).toHaveLength(7);
    expect(rows[1]!.slice(4, 6)).toEqual([`'=cmd|"/c calc"!A1, "x"`, `'@Mallory\r\nEvil`]);
  });
});

describe('monthlyVisitsCsv: a client month', () => {
  const march = invoiceOf({ id: '00000000-0000-4000-8000-000000000002' });
  // 04:30Z on 1 April is 23:30 on 31 March in Chicago (CDT, UTC−5): a March visit for the client.
  const lateMarch = invoiceOf({
    id: '00000000-0000-4000-8000-000000000003',
    checkedInAt: '2026-04-01T04:30:00.000Z',
    checkedOutAt: '2026-04-01T05:31:00.000Z',
    onsiteMinutes: 61,
  });
  // 05:30Z on 1 April is 00:30 on 1 April in Chicago: April.
  const april = invoiceOf({
    id: '00000000-0000-4000-8000-000000000004',
    checkedInAt: '2026-04-01T05:30:00.000Z',
    checkedOutAt: '2026-04-01T06:00:00.000Z',
    onsiteMinutes: 30,
  });

  it('has one row per visit of the month in the client zone, oldest first', () => {
    const rows = parseCsv(monthlyVisitsCsv('2026-03', 'America/Chicago', [lateMarch, april, march]));
    expect(rows).toEqual([
      [
        'Visit date',
        'Time zone',
        'Ticket',
        'Site',
        'Technician',
        'Check-in',
        'Check-out',
        'Onsite minutes',
        'Billed hours',
        'Base',
        'Additional hours',
        'Hourly rate',
        'Additional amount',
        'Total',
        'Paid',
        'Balance',
      ],
      // 09:10–12:25 CST: 4 h billed, $755 against $625 paid.
      [
        '2026-03-03',
        'America/Chicago',
        'Front desk switch dead',
        'Main office',
        'Dana Reyes',
        '09:10',
        '12:25',
        '195',
        '4',
        '350.00',
        '3',
        '135.00',
        '405.00',
        '755.00',
        '625.00',
        '130.00',
      ],
      // 23:30–00:31 CDT: 61 min bills 2 h, $485 against $625: $140 refunded (negative balance).
      [
        '2026-03-31',
        'America/Chicago',
        'Front desk switch dead',
        'Main office',
        'Dana Reyes',
        '23:30',
        '00:31',
        '61',
        '2',
        '350.00',
        '1',
        '135.00',
        '135.00',
        '485.00',
        '625.00',
        '-140.00',
      ],
    ]);
  });

  it('is only the header for a month without visits', () => {
    expect(monthlyVisitsCsv('2026-02', 'America/Chicago', [march])).toBe(
      'Visit date,Time zone,Ticket,Site,Technician,Check-in,Check-out,Onsite minutes,Billed hours,Base,Additional hours,Hourly rate,Additional amount,Total,Paid,Balance\r\n',
    );
  });

  it.each(['2026-3', '2026-13', 'March', '', '2026-03-01'])('refuses the month %j with how to write it', (month) => {
    expect(monthProblem(month)).toMatch(/e\.g\. 2026-03/);
    expect(() => monthlyVisitsCsv(month, 'America/Chicago', [march])).toThrow(/e\.g\. 2026-03/);
  });
});
