// CSV files for accounting (docs/domain/visit-invoices.md): one visit's invoice lines, and a client's completed
// visits of one month. Amounts are plain decimals (centsAsDecimal) taken from
// the invoice, so the files equal the reconciliation to the cent.
//
// Text typed by people (site names, ticket titles, technician names) goes into
// cells a spreadsheet may evaluate: a cell starting with = + - @ (or a tab or
// carriage return, which some spreadsheets skip before reading a formula) is
// prefixed with ' so it is read as text (the OWASP "CSV injection" advice).
// Amounts and counts are written by this file, never neutralised, so a refund
// stays a number (-5.00).
import { DateTime } from 'luxon';
import { centsAsDecimal } from './money';
import { isValidTimeZone } from './sla/zone-time';
import type { VisitInvoice } from './visit-invoice';

/** A cell: text from people (neutralised and quoted as needed) or a figure this file wrote. */
type Cell = string | { figure: string };

const FORMULA_START = /^[=+\-@\t\r]|^\s+[=+\-@]/;

/** Text made safe for a spreadsheet: a leading formula character is escaped with '. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
export function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cell(value: Cell): string {
  return typeof value === 'string' ? quoteField(neutralise(value)) : quoteField(value.figure);
}

/** Rows joined with CRLF (RFC 4180), ending in one. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header.map((h) => quoteField(h)), ...rows.map((r) => r.map(cell))].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

const money = (cents: number): Cell => ({ figure: centsAsDecimal(cents) });
const count = (n: number): Cell => ({ figure: String(n) });

function local(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone: isValidTimeZone(zone) ? zone : 'UTC' });
}

/** yyyy-MM-dd and HH:mm in the site's zone: what accounting sorts and the customer recognises. */
const visitDate = (inv: VisitInvoice) => local(inv.checkedInAt, inv.timeZone).toFormat('yyyy-MM-dd');
const clock = (iso: string, zone: string) => local(iso, zone).toFormat('HH:mm');

export const VISIT_CSV_HEADER = [
  'Visit date',
  'Time zone',
  'Client',
  'Site',
  'Ticket',
  'Technician',
  'Line',
  'Description',
  'Quantity',
  'Unit price',
  'Amount',
] as const;

/**
 * One visit's invoice as accounting lines: the base fee, the additional hours,
 * the total, each payment, then the balance due or the refund (amounts always
 * positive; the Line column says which way the money goes).
 */
export function visitCsv(inv: VisitInvoice): string {
  const context: Cell[] = [visitDate(inv), inv.timeZone, inv.clientName, inv.site.name, inv.ticketTitle, inv.technicianName];
  const line = (kind: string, description: string, quantity: Cell | '', unit: Cell | '', amountCents: number): Cell[] => [
    ...context,
    kind,
    description,
    quantity,
    unit,
    money(amountCents),
  ];
  const rows: Cell[][] = [
    line('charge', 'Base fee: trip and first hour onsite', count(1), money(inv.baseFeeCents), inv.baseFeeCents),
    line(
      'charge',
      `Additional hours (${inv.onsiteMinutes} min onsite, ${inv.billedHours} h billed)`,
      count(inv.additionalHours),
      money(inv.hourlyRateCents),
      inv.additionalCents,
    ),
    line('total', 'Total charge', '', '', inv.totalCents),
    ...inv.payments.map((p) => line('payment', p.reference ? `${p.description} (${p.reference})` : p.description, '', '', p.amountCents)),
    line('paid', 'Total paid', '', '', inv.paidCents),
    inv.balanceCents < 0
      ? line('refund', 'Refund due to the customer', '', '', -inv.balanceCents)
      : line('balance_due', inv.balanceCents === 0 ? 'Settled' : 'Balance due', '', '', inv.balanceCents),
  ];
  return csvText(VISIT_CSV_HEADER, rows);
}

export const MONTHLY_CSV_HEADER = [
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
] as const;

/** "2026-03": a calendar month; anything else is refused with how to write it. */
export function monthProblem(month: string): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return `Give the month as year-month, e.g. 2026-03 (got "${month}").`;
  return null;
}

/**
 * A client's completed visits checked in during `month` (yyyy-MM, read in the
 * client's zone, the zone its billing runs in), oldest first. The client page
 * lists the same visits the monthly file holds.
 */
export function visitsOfMonth(month: string, clientZone: string, invoices: readonly VisitInvoice[]): VisitInvoice[] {
  const problem = monthProblem(month);
  if (problem) throw new Error(problem);
  const zone = isValidTimeZone(clientZone) ? clientZone : 'UTC';
  return invoices
    .filter((inv) => DateTime.fromISO(inv.checkedInAt, { zone }).toFormat('yyyy-MM') === month)
    .sort((a, b) => Date.parse(a.checkedInAt) - Date.parse(b.checkedInAt) || a.visitId.localeCompare(b.visitId));
}

/** The monthly billing file: one row per visit of visitsOfMonth, date and times in its site's zone; Balance = total − paid (negative: a refund). */
export function monthlyVisitsCsv(month: string, clientZone: string, invoices: readonly VisitInvoice[]): string {
  const rows = visitsOfMonth(month, clientZone, invoices).map((inv): Cell[] => [
    visitDate(inv),
    inv.timeZone,
    inv.ticketTitle,
    inv.site.name,
    inv.technicianName,
    clock(inv.checkedInAt, inv.timeZone),
    clock(inv.checkedOutAt, inv.timeZone),
    count(inv.onsiteMinutes),
    count(inv.billedHours),
    money(inv.baseFeeCents),
    count(inv.additionalHours),
    money(inv.hourlyRateCents),
    money(inv.additionalCents),
    money(inv.totalCents),
    money(inv.paidCents),
    money(inv.balanceCents),
  ]);
  return csvText(MONTHLY_CSV_HEADER, rows);
}

/** "prairie-dental-visits-2026-03.csv": a file name from a client's name, without characters file systems refuse. */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'visits'}.csv`;
}
