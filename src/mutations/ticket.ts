import { z } from 'zod';
import { CHANNELS, TICKET_STATUSES, type Ticket, type TicketStatus } from '../domain/ticket';
import { appendSlaEvent, openedHistory } from '../domain/sla-history';
import { statusChangeError } from '../domain/ticket-workflow';
import { MAX_PARAM } from '../domain/lead-times';
import { REQUEST_KINDS } from '../domain/contact-authorization';
import { CALLER_NAME_MAX, EMAIL_MAX, OVERRIDE_REASON_MAX, SITE_ADDRESS_MAX } from '../domain/intake';
import { PHONE_RAW_MAX } from '../domain/phone';
import { IMPACTS } from '../domain/priority-guidance';
import { defineMutation } from './define';
import { priorityKey, text, ticketDescription, ticketTitle } from './fields';

/** Optional: a ticket that is a request with a lead time (docs/domain/lead-times.md). */
const leadTimeArgs = {
  requestTypeId: z.uuid().optional(),
  requestParam: z.number().int('Enter a whole number.').min(1, 'Enter a count of at least 1.').max(MAX_PARAM).optional(),
  customerWantedDate: z.iso.date('Enter the wanted date as YYYY-MM-DD.').optional(),
};

const intakePhone = (what: string) =>
  z.strictObject({
    raw: text().max(PHONE_RAW_MAX, `${what}: a phone number is at most ${PHONE_RAW_MAX} characters.`),
    e164: z.string().regex(/^\+[1-9]\d{1,14}$/, `${what}: give the number as the desk read it, in E.164 (+ and up to 15 digits).`),
    extension: z
      .string()
      .regex(/^\d{1,10}$/, `${what}: an extension is 1 to 10 digits.`)
      .nullable(),
  });

/**
 * Optional: the ticket was opened from a phone call (src/domain/intake.ts,
 * TicketIntake). Only the shape and the lengths are checked here; the rules
 * (intakeProblems) need the client's scheme and the server's clock, so the
 * intake screen runs them before queuing and the server again before storing.
 */
const intakeArgs = z.strictObject({
  callerContactId: z.uuid().nullable(),
  callerName: text().trim().max(CALLER_NAME_MAX, `Shorten the caller's name to ${CALLER_NAME_MAX} characters.`),
  callbackNumber: intakePhone('Callback number'),
  callerEmail: text().trim().max(EMAIL_MAX, `Shorten the email to ${EMAIL_MAX} characters.`).nullable(),
  siteId: z.uuid().nullable(),
  siteAddress: text().trim().max(SITE_ADDRESS_MAX, `Shorten the site address to ${SITE_ADDRESS_MAX} characters.`),
  systemNumber: intakePhone("The system's main number").nullable(),
  requestKind: z.enum(REQUEST_KINDS),
  impact: z.enum(IMPACTS),
  workaround: z.boolean(),
  suggestedPriority: priorityKey,
  overrideReason: text().trim().max(OVERRIDE_REASON_MAX, `Shorten the reason to ${OVERRIDE_REASON_MAX} characters.`).nullable(),
  afterHours: z.strictObject({ told: z.boolean(), agreed: z.boolean() }).nullable(),
  callId: z.uuid().nullable(),
});

export const createTicket = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      clientId: z.uuid(),
      title: ticketTitle,
      description: ticketDescription,
      priority: priorityKey,
      channel: z.enum(CHANNELS),
      assigneeId: z.uuid().nullable(),
      ...leadTimeArgs,
      intake: intakeArgs.optional(),
    })
    .refine((a) => a.requestTypeId !== undefined || (a.requestParam === undefined && a.customerWantedDate === undefined), {
      message: 'A count or a wanted date belongs to a request type: choose the request type, or leave them out.',
    }),
  target: (a) => ({ entity: 'ticket', id: a.id }),
  names: (a, into) => {
    into.clients.push(a.clientId);
    if (a.assigneeId) into.staff.push(a.assigneeId);
  },
  apply: (row, { args: a, performedAt }) => {
    // Already there: the server has it (a response lost after commit); keep its copy.
    if (row) return row;
    const ticket: Ticket = {
      id: a.id,
      clientId: a.clientId,
      title: a.title,
      description: a.description,
      status: 'new',
      priority: a.priority,
      channel: a.channel,
      assigneeId: a.assigneeId,
      openedAt: performedAt,
      updatedAt: performedAt,
      sla: openedHistory(performedAt, a.priority),
    };
    // The promised dates are the server's to compute (docs/domain/lead-times.md); until they arrive the desk computes them to show.
    if (a.requestTypeId !== undefined)
      ticket.leadTime = {
        requestTypeId: a.requestTypeId,
        requestParam: a.requestParam ?? null,
        customerWantedDate: a.customerWantedDate ?? null,
      };
    if (a.intake !== undefined) ticket.intake = a.intake;
    return ticket;
  },
});

export const updateTicket = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      title: ticketTitle.optional(),
      description: ticketDescription.optional(),
      priority: priorityKey.optional(),
      assigneeId: z.uuid().nullable().optional(),
    })
    .refine((a) => a.title !== undefined || a.description !== undefined || a.priority !== undefined || a.assigneeId !== undefined, {
      message: 'updateTicket changes nothing: give at least one of title, description, priority, assigneeId.',
    }),
  target: (a) => ({ entity: 'ticket', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.id);
    if (a.assigneeId) into.staff.push(a.assigneeId);
  },
  apply: (row, { args: a, performedAt }) => {
    if (!row) return null;
    const t = row as Ticket;
    return {
      ...t,
      title: a.title ?? t.title,
      description: a.description ?? t.description,
      priority: a.priority ?? t.priority,
      assigneeId: a.assigneeId === undefined ? t.assigneeId : a.assigneeId,
      updatedAt: performedAt,
      sla: a.priority === undefined ? t.sla : appendSlaEvent(t.sla, { type: 'priority_changed', at: performedAt, priority: a.priority }),
    };
  },
});

export const setStatus = defineMutation({
  args: z.strictObject({ id: z.uuid(), status: z.enum(TICKET_STATUSES) }),
  target: (a) => ({ entity: 'ticket', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.id);
  },
  apply: (row, { args: a, performedAt }) => {
    if (!row) return null;
    const t = row as Ticket;
    return statusChangeError(t.status, a.status) ? t : withStatus(t, a.status, performedAt);
  },
});

/** The ticket in its new status, the move in its SLA history (setStatus, closing, reopening); the caller has checked the move. */
export function withStatus(t: Ticket, status: TicketStatus, performedAt: string): Ticket {
  return { ...t, status, updatedAt: performedAt, sla: appendSlaEvent(t.sla, { type: 'status_changed', at: performedAt, status }) };
}
