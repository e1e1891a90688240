// Onsite visits (docs/domain/onsite-visits.md): one definition per step, each
// the desk's prediction and the server's check of the same arguments. The
// money rules are src/domain/onsite-pricing.ts; the booking rules
// src/domain/visit-schedule.ts. The server decides what it can read better
// (the client's contract and zone, overlaps, the billed hours) and refuses or
// corrects, and the desk's copy follows on the next pull.
import { z } from 'zod';
import { MAX_RATE_CENTS } from '../domain/client';
import { baseFeeCents, billedHours, extraTimeCents, MAX_ESTIMATE_HOURS, MAX_EXTRA_HOURS, onsiteMinutes } from '../domain/onsite-pricing';
import { TRAVEL_ZONES } from '../domain/travel';
import { bookingEnd } from '../domain/visit-schedule';
import {
  PART_QUANTITY_MAX,
  PARTS_MAX,
  PAYMENT_METHODS,
  REFERENCE_MAX,
  SCOPE_MAX,
  WORK_NOTES_MAX,
  type VisitStatus,
} from '../domain/visits';
import type { VisitRecord } from '../protocol/records';
import { defineMutation, type SyncedRow } from './define';
import { text } from './fields';

const isoInstant = z.iso.datetime({ offset: true, message: 'Give the time as an ISO-8601 instant, e.g. 2026-03-04T19:10:00Z.' });
const cents = (what: string, min: number) =>
  z
    .number()
    .int(`${what} must be a whole number of cents.`)
    .min(min, min > 0 ? `${what} must be more than $0.00.` : `${what} cannot be negative.`)
    .max(MAX_RATE_CENTS, `${what} is above $100,000.00; check it was not entered in cents as dollars.`);
const wholeHours = (max: number, least: string) =>
  z.number().int('Hours are billed whole: enter a whole number of hours.').min(1, least).max(max, `Enter at most ${max} hours.`);

function visitIn(row: SyncedRow | null, statuses: readonly VisitStatus[]): VisitRecord | null {
  return row && 'estimateHours' in row && statuses.includes(row.status) ? row : null;
}

export const requestVisit = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      ticketId: z.uuid(),
      clientId: z.uuid(),
      siteId: z.uuid(),
      contactId: z.uuid(),
      scope: text().trim().min(1, 'Describe the work to be done onsite: the scope is empty.').max(SCOPE_MAX),
      needsDowntime: z.boolean(),
      /** The desk's reading of the client's contract and the site's zone; the server checks both against its rows. */
      contractBaseFeeCents: cents('The contract base fee', 1),
      travelZone: z.enum(TRAVEL_ZONES),
      zoneSurchargeCents: cents('The travel zone surcharge', 0),
      scopeSurchargeCents: cents('The scope surcharge', 0),
      surchargeReason: text().trim().max(500, 'Shorten the reason to 500 characters.'),
      hourlyRateCents: cents('The hourly rate', 1),
      estimateHours: wholeHours(MAX_ESTIMATE_HOURS, 'Estimate at least 1 whole hour onsite: the base fee includes the first hour.'),
      /** The approval request queued just before, in the same transaction, that holds the visit until the client approves. */
      approvalRequestId: z.uuid(),
    })
    .superRefine((a, ctx) => {
      if (a.scopeSurchargeCents > 0 && a.surchargeReason === '')
        ctx.addIssue({ code: 'custom', path: ['surchargeReason'], message: 'Say why the scope raises the base fee.' });
      if (a.travelZone === 'remote' && a.surchargeReason === '')
        ctx.addIssue({
          code: 'custom',
          path: ['surchargeReason'],
          message: 'A remote site is quoted per visit: say how the surcharge was set.',
        });
    }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.ticketId);
    into.clients.push(a.clientId);
  },
  apply: (row, { args: a, performedAt }, ctx) => {
    if (row) return row;
    const visit: VisitRecord = {
      id: a.id,
      ticketId: a.ticketId,
      clientId: a.clientId,
      siteId: a.siteId,
      contactId: a.contactId,
      scope: a.scope,
      needsDowntime: a.needsDowntime,
      travelZone: a.travelZone,
      contractBaseFeeCents: a.contractBaseFeeCents,
      zoneSurchargeCents: a.zoneSurchargeCents,
      scopeSurchargeCents: a.scopeSurchargeCents,
      surchargeReason: a.surchargeReason,
      baseFeeCents: baseFeeCents(a),
      hourlyRateCents: a.hourlyRateCents,
      estimateHours: a.estimateHours,
      approvalRequestId: a.approvalRequestId,
      status: 'requested',
      technicianId: null,
      startsAt: null,
      endsAt: null,
      scheduledBy: null,
      scheduledAt: null,
      bookingRefusal: null,
      checkedInAt: null,
      checkedInBy: null,
      checkedOutAt: null,
      checkedOutBy: null,
      onsiteMinutes: null,
      billedHours: null,
      payments: [],
      authorizations: [],
      workNotes: '',
      parts: [],
      cancelReason: null,
      cancelledAt: null,
      cancelledBy: null,
      createdBy: ctx.actorId ?? '',
      createdAt: performedAt,
    };
    return visit;
  },
});

/** The prepayment (authorizationId null) or the payment for more time; the amount rules are in src/domain/onsite-pricing.ts. */
export const recordVisitPayment = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    paymentId: z.uuid(),
    authorizationId: z.uuid().nullable(),
    amountCents: cents('The payment', 1),
    method: z.enum(PAYMENT_METHODS, { message: `Choose how it was paid: ${PAYMENT_METHODS.join(', ')}.` }),
    reference: text()
      .trim()
      .min(1, "Enter the payment's reference (portal receipt, check number…) so accounting can match it.")
      .max(REFERENCE_MAX),
  }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: () => {},
  apply: (row, { args: a, performedAt }, ctx) => {
    const visit = visitIn(row, a.authorizationId === null ? ['requested'] : ['onsite']);
    if (!visit || visit.payments.some((p) => p.id === a.paymentId)) return row;
    const payment = {
      id: a.paymentId,
      authorizationId: a.authorizationId,
      amountCents: a.amountCents,
      method: a.method,
      reference: a.reference,
      recordedBy: ctx.actorId ?? '',
      recordedAt: performedAt,
    };
    return { ...visit, payments: [...visit.payments, payment] } satisfies VisitRecord;
  },
});

/** Books the visit (or moves it) to a technician from `startsAt` for its estimated hours; slot null takes it off the board. */
export const scheduleVisit = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    slot: z.strictObject({ technicianId: z.uuid(), startsAt: isoInstant }).nullable(),
  }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: (a, into) => {
    if (a.slot) into.staff.push(a.slot.technicianId);
  },
  apply: (row, { args: a, performedAt }, ctx) => {
    const visit = visitIn(row, ['requested', 'scheduled']);
    if (!visit) return row;
    if (!a.slot)
      return { ...visit, status: 'requested', technicianId: null, startsAt: null, endsAt: null, scheduledBy: null, scheduledAt: null };
    return {
      ...visit,
      status: 'scheduled',
      technicianId: a.slot.technicianId,
      startsAt: new Date(a.slot.startsAt).toISOString(),
      endsAt: bookingEnd(a.slot.startsAt, visit.estimateHours),
      scheduledBy: ctx.actorId ?? '',
      scheduledAt: performedAt,
      bookingRefusal: null,
    } satisfies VisitRecord;
  },
});

/** `at`: when the technician arrived or left by the desk's clock (usually the moment they press it). */
export const checkInVisit = defineMutation({
  args: z.strictObject({ id: z.uuid(), at: isoInstant }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: () => {},
  apply: (row, { args: a }, ctx) => {
    const visit = visitIn(row, ['scheduled']);
    if (!visit) return row;
    return { ...visit, status: 'onsite', checkedInAt: new Date(a.at).toISOString(), checkedInBy: ctx.actorId ?? '' } satisfies VisitRecord;
  },
});

export const checkOutVisit = defineMutation({
  args: z.strictObject({ id: z.uuid(), at: isoInstant }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: () => {},
  apply: (row, { args: a }, ctx) => {
    const visit = visitIn(row, ['onsite']);
    if (!visit || !visit.checkedInAt) return row;
    const minutes = onsiteMinutes(visit.checkedInAt, a.at);
    if (minutes === null) return row;
    return {
      ...visit,
      status: 'completed',
      checkedOutAt: new Date(a.at).toISOString(),
      checkedOutBy: ctx.actorId ?? '',
      onsiteMinutes: minutes,
      billedHours: billedHours(minutes),
    } satisfies VisitRecord;
  },
});

/** More time onsite: the approval request is queued just before, in the same transaction; work continues once it is approved and paid. */
export const requestVisitTime = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    authorizationId: z.uuid(),
    approvalRequestId: z.uuid(),
    hours: wholeHours(MAX_EXTRA_HOURS, 'Ask for at least 1 more whole hour: hours are billed whole.'),
    reason: text().trim().min(1, 'Say why more time is needed: the client approves it from this.').max(SCOPE_MAX),
  }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: () => {},
  apply: (row, { args: a, performedAt }, ctx) => {
    const visit = visitIn(row, ['onsite']);
    if (!visit || visit.authorizations.some((x) => x.id === a.authorizationId)) return row;
    const authorization = {
      id: a.authorizationId,
      approvalRequestId: a.approvalRequestId,
      hours: a.hours,
      amountCents: extraTimeCents(a.hours, visit.hourlyRateCents),
      reason: a.reason,
      requestedBy: ctx.actorId ?? '',
      requestedAt: performedAt,
    };
    return { ...visit, authorizations: [...visit.authorizations, authorization] } satisfies VisitRecord;
  },
});

/** The technician's notes and the parts used, replaced whole (the form holds the full list). */
export const recordVisitWork = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    workNotes: text().max(WORK_NOTES_MAX, `Shorten the notes to ${WORK_NOTES_MAX} characters.`),
    parts: z
      .array(
        z.strictObject({
          description: text().trim().min(1, 'Describe each part used, or remove the empty line.').max(200),
          quantity: z
            .number()
            .int('Enter a whole quantity.')
            .min(1, 'A part used has a quantity of at least 1.')
            .max(PART_QUANTITY_MAX, `Enter at most ${PART_QUANTITY_MAX} of one part.`),
        }),
      )
      .max(PARTS_MAX, `List at most ${PARTS_MAX} parts; group the small ones.`),
  }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: () => {},
  apply: (row, { args: a }) => {
    const visit = visitIn(row, ['scheduled', 'onsite', 'completed']);
    if (!visit) return row;
    return { ...visit, workNotes: a.workNotes, parts: a.parts } satisfies VisitRecord;
  },
});

export const cancelVisit = defineMutation({
  args: z.strictObject({ id: z.uuid(), reason: text().trim().min(1, 'Say why the visit is cancelled.').max(SCOPE_MAX) }),
  target: (a) => ({ entity: 'visit', id: a.id }),
  names: () => {},
  apply: (row, { args: a, performedAt }, ctx) => {
    const visit = visitIn(row, ['requested', 'scheduled']);
    if (!visit) return row;
    return {
      ...visit,
      status: 'cancelled',
      cancelReason: a.reason,
      cancelledAt: performedAt,
      cancelledBy: ctx.actorId ?? '',
    } satisfies VisitRecord;
  },
});
