// The invoice of a completed onsite visit (docs/domain/visit-invoices.md): what the customer receives after the
// technician checks out. Every amount comes from the visit's reconciliation
// (visitReconciliation), so the invoice, the CSV files and the Visits screen
// agree to the cent; nothing here prices a visit a second way.
import { DateTime } from 'luxon';
import type { Site } from './client';
import type { Reconciliation } from './onsite-pricing';
import { isValidTimeZone } from './sla/zone-time';
import { visitReconciliation, type VisitAuthorization, type VisitFacts, type VisitPart, type VisitPayment } from './visits';

/** The record fields an invoice reads (VisitRecord has them all). */
export interface InvoicedVisit extends VisitFacts {
  id: string;
  siteId: string;
  scope: string;
  checkedOutAt: string | null;
  onsiteMinutes: number | null;
  workNotes: string;
  parts: readonly VisitPart[];
}

/** Who and where, looked up by the caller from the desk's rows. */
export interface InvoiceParties {
  client: { name: string; sites: readonly Site[] };
  technicianName: string | null;
  ticketTitle: string | null;
}

export interface InvoicePaymentLine {
  id: string;
  /** 'prepayment', or the more-time authorization the payment paid for. */
  kind: 'prepayment' | 'additional_time';
  /** "Prepayment", or "Additional time: 1 h (server rebuild ran long)". */
  description: string;
  method: VisitPayment['method'];
  reference: string;
  recordedAt: string;
  amountCents: number;
}

export interface VisitInvoice {
  visitId: string;
  clientName: string;
  site: Site;
  /** The zone every date and time on the invoice is read in: the site's (UTC when the site's zone is not a real one). */
  timeZone: string;
  technicianName: string;
  ticketTitle: string;
  scope: string;
  checkedInAt: string;
  checkedOutAt: string;
  /** Raw whole minutes onsite, shown beside the whole hours billed for them. */
  onsiteMinutes: number;
  billedHours: number;
  /** Trip and first hour onsite. */
  baseFeeCents: number;
  /** Billed hours after the first, each at the visit's agreed rate. */
  additionalHours: number;
  hourlyRateCents: number;
  additionalCents: number;
  /** base + additional: the reconciliation's charge. */
  totalCents: number;
  payments: InvoicePaymentLine[];
  paidCents: number;
  /** total − paid: above zero the customer owes it, below zero it is refunded. */
  balanceCents: number;
  outcome: Reconciliation['outcome'];
  parts: readonly VisitPart[];
  workNotes: string;
}

export type InvoiceResult = { ok: true; invoice: VisitInvoice } | { ok: false; problem: string };

/** The invoice of a completed visit, or why there is none yet. */
export function visitInvoice(visit: InvoicedVisit, parties: InvoiceParties): InvoiceResult {
  if (visit.status !== 'completed' || !visit.checkedInAt || !visit.checkedOutAt)
    return { ok: false, problem: 'An invoice is made once the technician has checked out and the visit is completed.' };
  const reconciliation = visitReconciliation(visit);
  if (!reconciliation) return { ok: false, problem: 'The visit has no time onsite recorded yet: sync, then open the invoice again.' };
  const site = parties.client.sites.find((s) => s.id === visit.siteId);
  if (!site)
    return { ok: false, problem: `The visit's site is not one of ${parties.client.name}'s sites on this desk; sync and try again.` };
  const additionalCents = reconciliation.chargeCents - visit.baseFeeCents;
  return {
    ok: true,
    invoice: {
      visitId: visit.id,
      clientName: parties.client.name,
      site,
      timeZone: isValidTimeZone(site.timeZone) ? site.timeZone : 'UTC',
      technicianName: parties.technicianName ?? 'Technician not on this desk',
      ticketTitle: parties.ticketTitle ?? '',
      scope: visit.scope,
      checkedInAt: visit.checkedInAt,
      checkedOutAt: visit.checkedOutAt,
      onsiteMinutes: reconciliation.onsiteMinutes,
      billedHours: reconciliation.billedHours,
      baseFeeCents: visit.baseFeeCents,
      additionalHours: reconciliation.billedHours - 1,
      hourlyRateCents: visit.hourlyRateCents,
      additionalCents,
      totalCents: reconciliation.chargeCents,
      payments: paymentLines(visit.payments, visit.authorizations),
      paidCents: reconciliation.paidCents,
      balanceCents: reconciliation.balanceCents,
      outcome: reconciliation.outcome,
      parts: visit.parts,
      workNotes: visit.workNotes,
    },
  };
}

function paymentLines(payments: readonly VisitPayment[], authorizations: readonly VisitAuthorization[]): InvoicePaymentLine[] {
  const byId = new Map(authorizations.map((a) => [a.id, a]));
  return [...payments]
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id))
    .map((p) => {
      const authorization = p.authorizationId === null ? undefined : byId.get(p.authorizationId);
      return {
        id: p.id,
        kind: p.authorizationId === null ? 'prepayment' : 'additional_time',
        description:
          p.authorizationId === null
            ? 'Prepayment'
            : authorization
              ? `Additional time: ${authorization.hours} h (${authorization.reason})`
              : 'Additional time',
        method: p.method,
        reference: p.reference,
        recordedAt: p.recordedAt,
        amountCents: p.amountCents,
      };
    });
}

/** "Tue, Mar 3, 2026, 9:10 AM CST": an instant as the site reads it (the zone's full name is shown once, beside). */
export function siteDateTime(iso: string, zone: string, locale?: string): string {
  const t = DateTime.fromISO(iso, { zone: isValidTimeZone(zone) ? zone : 'UTC', locale });
  const abbreviation = t.offsetNameShort ?? t.toFormat('ZZ');
  return `${t.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' })} ${abbreviation}`;
}

/** "3 h 15 min": raw minutes onsite, as the customer reads them beside the billed hours. */
export function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
