// Records as they travel in pull changes: the server's rows, in the client's vocabulary.
// Browser-safe: zod and src/domain only.
import { TRAVEL_ZONES } from '../domain/travel';
import { z } from 'zod';
import { AFTER_HOURS_BILLING } from '../domain/client';
import { ESCALATION_CHAIN } from '../domain/escalation';
import { CONTACT_ROLES } from '../domain/contact-authorization';
import { PHONE_LABELS } from '../domain/contact-details';
import { LEAD_TIME_UNITS } from '../domain/lead-times';
import { WEEKDAYS, type SlaPolicy } from '../domain/sla';
import { CHANNELS, STAFF_ROLES, TICKET_STATUSES } from '../domain/ticket';
import { WORK_CAUSES, WORK_TYPES } from '../domain/time-entries';
import { APPROVAL_STATUSES, BILLABLE_TRIGGERS, CONTACT_CHANNELS, WORK_KINDS } from '../domain/approval-requests';
import { REQUEST_KINDS } from '../domain/contact-authorization';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALLBACK_STATUSES } from '../domain/calls';
import { IMPACTS } from '../domain/priority-guidance';
import { PAYMENT_METHODS, VISIT_STATUSES } from '../domain/visits';

const isoInstant = z.iso.datetime({ offset: true });

export { CONTACT_ROLES, CONTACT_ROLE_LABELS, type ContactRole } from '../domain/contact-authorization';

/**
 * A resolution note is written by closing a ticket and a reopening note by
 * reopening it (docs/domain/ticket-workflow.md); addNote writes only the first two.
 */
export const NOTE_KINDS = ['public_reply', 'internal_note', 'resolution', 'reopening'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const WRITABLE_NOTE_KINDS = ['public_reply', 'internal_note'] as const;

export const TICKET_EVENT_TYPES = ['opened', 'priority_changed', 'status_changed', 'public_reply'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

const intakePhoneSchema = z.object({ raw: z.string(), e164: z.string(), extension: z.string().nullable() });

/** A ticket opened from a phone call: what intake recorded (src/domain/intake.ts, TicketIntake). */
export const ticketIntakeSchema = z.object({
  callerContactId: z.uuid().nullable(),
  callerName: z.string(),
  callbackNumber: intakePhoneSchema,
  callerEmail: z.string().nullable(),
  siteId: z.uuid().nullable(),
  siteAddress: z.string(),
  systemNumber: intakePhoneSchema.nullable(),
  requestKind: z.enum(REQUEST_KINDS),
  impact: z.enum(IMPACTS),
  workaround: z.boolean(),
  suggestedPriority: z.string(),
  overrideReason: z.string().nullable(),
  afterHours: z.object({ told: z.boolean(), agreed: z.boolean() }).nullable(),
  callId: z.uuid().nullable(),
});

export const ticketRecordSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.string(),
  channel: z.enum(CHANNELS),
  assigneeId: z.uuid().nullable(),
  openedAt: isoInstant,
  updatedAt: isoInstant,
  sla: z
    .array(
      z.object({
        type: z.enum(TICKET_EVENT_TYPES),
        at: isoInstant,
        priority: z.string().optional(),
        status: z.enum(TICKET_STATUSES).optional(),
      }),
    )
    .readonly(),
  /** Present when the ticket is a request of a type with a lead time (docs/domain/lead-times.md). */
  leadTime: z
    .object({
      requestTypeId: z.uuid(),
      requestParam: z.number().int().nullable(),
      customerWantedDate: z.iso.date().nullable(),
      /** Computed by the server at creation on the client's calendar; absent on the desk until the server's copy arrives. */
      promisedEarliest: z.iso.date().optional(),
      promisedLatest: z.iso.date().nullable().optional(),
    })
    .optional(),
  /** Present when the ticket was opened from a phone call (docs/domain/phone-intake.md); older tickets have none. */
  intake: ticketIntakeSchema.optional(),
});

/** The client's service record (docs/domain/clients.md); upsertClient checks every rule, the wire only the shape. */
export const clientRecordSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  prioritySchemeId: z.enum(['four-tier', 'four-severity', 'five-priority']),
  sites: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      address: z.string(),
      timeZone: z.string(),
      travelZone: z.enum(TRAVEL_ZONES).optional(),
      location: z.object({ latitude: z.number(), longitude: z.number() }).nullable().optional(),
    }),
  ),
  customPolicy: z.custom<SlaPolicy>((v) => typeof v === 'object' && v !== null).nullable(),
  contract: z.object({
    hourlyRateCents: z.number().int(),
    onsiteBaseFeeCents: z.number().int(),
    afterHoursBillable: z.enum(AFTER_HOURS_BILLING),
    afterHoursRateCents: z.number().int().nullable(),
  }),
  maintenanceWindow: z.object({ weekdays: z.array(z.enum(WEEKDAYS)), from: z.string(), to: z.string() }).nullable(),
  onboarding: z.object({ afterHoursContactIds: z.array(z.uuid()), authorizationPreferences: z.string(), notes: z.string() }),
});

/**
 * A client's contact (docs/domain/contacts-and-approvals.md): numbers as typed
 * and as the server read them (E.164), emails lower-cased, and the most they
 * may approve in cents (null: no limit, or not an approver).
 */
export const contactRecordSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  name: z.string(),
  phones: z
    .array(z.object({ raw: z.string(), e164: z.string(), extension: z.string().nullable(), label: z.enum(PHONE_LABELS) }))
    .readonly(),
  emails: z.array(z.string()).readonly(),
  role: z.enum(CONTACT_ROLES),
  approvalLimitCents: z.number().int().nullable(),
});

export const userRecordSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
});

/**
 * SLA history. `at` is when it happened (the desk's clock, never later than
 * the server's receipt); the change `seq` it arrived with is the server's order.
 * `actorId` is who did it, absent when the server did not record one.
 */
export const ticketEventRecordSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  type: z.enum(TICKET_EVENT_TYPES),
  at: isoInstant,
  priority: z.string().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  actorId: z.uuid().optional(),
});

export const noteRecordSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  kind: z.enum(NOTE_KINDS),
  authorId: z.uuid(),
  body: z.string(),
  performedAt: isoInstant,
  recordedAt: isoInstant,
});

/** Time logged on a ticket (docs/domain/time-and-approvals.md): the span as the person entered it, performedAt when they logged it. */
export const timeEntryRecordSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  authorId: z.uuid(),
  startedAt: isoInstant,
  endedAt: isoInstant,
  workType: z.enum(WORK_TYPES),
  cause: z.enum(WORK_CAUSES),
  note: z.string(),
  performedAt: isoInstant,
  recordedAt: isoInstant,
  /** The approved request its billable time counts against; absent when it needed none. */
  approvalRequestId: z.uuid().optional(),
});

/** One step of a ticket's escalation (docs/domain/escalations-and-notifications.md); acknowledged fields null until then. */
export const escalationRecordSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  toRole: z.enum(ESCALATION_CHAIN),
  reason: z.string(),
  escalatedBy: z.uuid(),
  escalatedAt: isoInstant,
  acknowledgedBy: z.uuid().nullable(),
  acknowledgedAt: isoInstant.nullable(),
});

const leadTimeBandSchema = z.object({
  from: z.number().int(),
  to: z.number().int().nullable(),
  minDays: z.number().int(),
  maxDays: z.number().int().nullable(),
});

/**
 * A kind of request with a lead time, per workspace (docs/domain/lead-times.md).
 * Archived rather than deleted, so tickets that name it keep their meaning.
 */
export const requestTypeRecordSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  unit: z.enum(LEAD_TIME_UNITS),
  minDays: z.number().int(),
  maxDays: z.number().int().nullable(),
  parameter: z.object({ label: z.string(), bands: z.array(leadTimeBandSchema).readonly() }).nullable(),
  note: z.string(),
  /** Where it sits in lists, smallest first. */
  position: z.number().int(),
  archived: z.boolean(),
});

/**
 * A request for billable work on a ticket and its one approval
 * (docs/domain/contacts-and-approvals.md, "Approval requests"). The requester
 * is a contact of the ticket's client, or a caller not on its list (name and
 * phone as they gave them). Confirmation, approval and decline fields are null
 * until they happen; each names the contact, the channel, when, and who on
 * staff took it.
 */
export const approvalRequestRecordSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  clientId: z.uuid(),
  requesterContactId: z.uuid().nullable(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  kind: z.enum(REQUEST_KINDS),
  work: z.enum(WORK_KINDS),
  cause: z.enum(WORK_CAUSES),
  onsite: z.boolean(),
  afterHours: z.boolean(),
  triggers: z.array(z.enum(BILLABLE_TRIGGERS)).readonly(),
  description: z.string(),
  estimateMinutes: z.number().int().nullable(),
  estimateCents: z.number().int().nullable(),
  status: z.enum(APPROVAL_STATUSES),
  confirmedBy: z.uuid().nullable(),
  confirmedVia: z.enum(CONTACT_CHANNELS).nullable(),
  confirmedAt: isoInstant.nullable(),
  confirmationTakenBy: z.uuid().nullable(),
  approvedBy: z.uuid().nullable(),
  approvedVia: z.enum(CONTACT_CHANNELS).nullable(),
  approvedAt: isoInstant.nullable(),
  approvedMinutes: z.number().int().nullable(),
  approvedCents: z.number().int().nullable(),
  approvalTakenBy: z.uuid().nullable(),
  declineReason: z.string().nullable(),
  declinedAt: isoInstant.nullable(),
  declineTakenBy: z.uuid().nullable(),
  createdBy: z.uuid(),
  createdAt: isoInstant,
});

/**
 * One phone call taken or made by staff (docs/domain/phone-intake.md, "Call
 * log"): who called, on which number, when it started and ended (desk clock,
 * bounded by the server), who took it and how it ended. A call about a ticket
 * shows on its timeline.
 */
export const callRecordSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  ticketId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  callerName: z.string(),
  /** E.164, or null when the caller withheld it. */
  callerNumber: z.string().nullable(),
  callerExtension: z.string().nullable(),
  direction: z.enum(CALL_DIRECTIONS),
  startedAt: isoInstant,
  endedAt: isoInstant,
  takenBy: z.uuid(),
  outcome: z.enum(CALL_OUTCOMES),
  summary: z.string(),
  /** The callback this call promised or worked. */
  callbackId: z.uuid().nullable(),
});

/**
 * A promise to call someone back (docs/domain/phone-intake.md, "Callbacks"):
 * worked by intake in order of `promisedBy`, shown in the caller's zone.
 */
export const callbackRecordSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  contactId: z.uuid().nullable(),
  callerName: z.string(),
  number: z.string(),
  extension: z.string().nullable(),
  numberRaw: z.string(),
  reason: z.string(),
  promisedBy: isoInstant,
  /** The caller's IANA zone, for showing the promise as they heard it. */
  timeZone: z.string(),
  ticketId: z.uuid().nullable(),
  status: z.enum(CALLBACK_STATUSES),
  createdBy: z.uuid(),
  createdAt: isoInstant,
  closedBy: z.uuid().nullable(),
  closedAt: isoInstant.nullable(),
  /** What happened on the callback, or why it was cancelled. */
  outcome: z.string().nullable(),
});

/**
 * An onsite visit (docs/domain/onsite-visits.md): the quote (base fee as the
 * contract's, the zone's and the scope's parts, the agreed rate, the estimate),
 * the approval request that holds it, the payments, the booking, check-in and
 * check-out (desk clock, bounded by the server), the billed hours the server
 * computed at check-out beside the raw minutes, more-time authorizations, and
 * the technician's notes and parts.
 */
export const visitRecordSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  clientId: z.uuid(),
  siteId: z.uuid(),
  /** The client's contact who asked for the visit and meets the technician. */
  contactId: z.uuid(),
  scope: z.string(),
  /** The work takes systems down: it is booked inside the client's maintenance window. */
  needsDowntime: z.boolean(),
  travelZone: z.enum(TRAVEL_ZONES),
  contractBaseFeeCents: z.number().int(),
  zoneSurchargeCents: z.number().int(),
  scopeSurchargeCents: z.number().int(),
  /** Why the base fee was raised for the zone (remote sites) or the scope; empty when it was not. */
  surchargeReason: z.string(),
  /** contract + zone + scope: the trip and the first hour. */
  baseFeeCents: z.number().int(),
  hourlyRateCents: z.number().int(),
  estimateHours: z.number().int(),
  approvalRequestId: z.uuid(),
  status: z.enum(VISIT_STATUSES),
  technicianId: z.uuid().nullable(),
  startsAt: isoInstant.nullable(),
  endsAt: isoInstant.nullable(),
  scheduledBy: z.uuid().nullable(),
  scheduledAt: isoInstant.nullable(),
  bookingRefusal: z
    .object({ technicianId: z.uuid(), startsAt: isoInstant, reason: z.string(), attemptedBy: z.uuid(), refusedAt: isoInstant })
    .nullable(),
  checkedInAt: isoInstant.nullable(),
  checkedInBy: z.uuid().nullable(),
  checkedOutAt: isoInstant.nullable(),
  checkedOutBy: z.uuid().nullable(),
  /** Whole minutes from check-in to check-out, and the whole hours billed for them; null until check-out. */
  onsiteMinutes: z.number().int().nullable(),
  billedHours: z.number().int().nullable(),
  payments: z
    .array(
      z.object({
        id: z.uuid(),
        authorizationId: z.uuid().nullable(),
        amountCents: z.number().int(),
        method: z.enum(PAYMENT_METHODS),
        reference: z.string(),
        recordedBy: z.uuid(),
        recordedAt: isoInstant,
      }),
    )
    .readonly(),
  authorizations: z
    .array(
      z.object({
        id: z.uuid(),
        approvalRequestId: z.uuid(),
        hours: z.number().int(),
        amountCents: z.number().int(),
        reason: z.string(),
        requestedBy: z.uuid(),
        requestedAt: isoInstant,
      }),
    )
    .readonly(),
  workNotes: z.string(),
  parts: z.array(z.object({ description: z.string(), quantity: z.number().int() })).readonly(),
  cancelReason: z.string().nullable(),
  cancelledAt: isoInstant.nullable(),
  cancelledBy: z.uuid().nullable(),
  createdBy: z.uuid(),
  createdAt: isoInstant,
});

export type TicketRecord = z.infer<typeof ticketRecordSchema>;
export type ClientRecord = z.infer<typeof clientRecordSchema>;
export type ContactRecord = z.infer<typeof contactRecordSchema>;
export type UserRecord = z.infer<typeof userRecordSchema>;
export type TicketEventRecord = z.infer<typeof ticketEventRecordSchema>;
export type NoteRecord = z.infer<typeof noteRecordSchema>;
export type TimeEntryRecord = z.infer<typeof timeEntryRecordSchema>;
export type EscalationRecord = z.infer<typeof escalationRecordSchema>;
export type RequestTypeRecord = z.infer<typeof requestTypeRecordSchema>;
export type ApprovalRequestRecord = z.infer<typeof approvalRequestRecordSchema>;
export type TicketIntakeRecord = z.infer<typeof ticketIntakeSchema>;
export type CallRecord = z.infer<typeof callRecordSchema>;
export type CallbackRecord = z.infer<typeof callbackRecordSchema>;
export type VisitRecord = z.infer<typeof visitRecordSchema>;

export const ENTITIES = [
  'ticket',
  'client',
  'contact',
  'user',
  'ticket_event',
  'note',
  'time_entry',
  'escalation',
  'request_type',
  'approval_request',
  'call',
  'callback',
  'visit',
] as const;
export type Entity = (typeof ENTITIES)[number];

export interface EntityRecords {
  ticket: TicketRecord;
  client: ClientRecord;
  contact: ContactRecord;
  user: UserRecord;
  ticket_event: TicketEventRecord;
  note: NoteRecord;
  time_entry: TimeEntryRecord;
  escalation: EscalationRecord;
  request_type: RequestTypeRecord;
  approval_request: ApprovalRequestRecord;
  call: CallRecord;
  callback: CallbackRecord;
  visit: VisitRecord;
}

export const recordSchemas = {
  ticket: ticketRecordSchema,
  client: clientRecordSchema,
  contact: contactRecordSchema,
  user: userRecordSchema,
  ticket_event: ticketEventRecordSchema,
  note: noteRecordSchema,
  time_entry: timeEntryRecordSchema,
  escalation: escalationRecordSchema,
  request_type: requestTypeRecordSchema,
  approval_request: approvalRequestRecordSchema,
  call: callRecordSchema,
  callback: callbackRecordSchema,
  visit: visitRecordSchema,
} as const satisfies { [E in Entity]: z.ZodType<EntityRecords[E]> };

/** One row's newest state since the cursor; `data` is null for a delete (tombstone). */
export type Change = {
  [E in Entity]:
    | { seq: number; entity: E; id: string; op: 'upsert'; data: EntityRecords[E] }
    | { seq: number; entity: E; id: string; op: 'delete'; data: null };
}[Entity];

export const changeSchema = z.union(
  ENTITIES.map((entity) =>
    z.union([
      z.object({
        seq: z.number().int().positive(),
        entity: z.literal(entity),
        id: z.uuid(),
        op: z.literal('upsert'),
        data: recordSchemas[entity],
      }),
      z.object({ seq: z.number().int().positive(), entity: z.literal(entity), id: z.uuid(), op: z.literal('delete'), data: z.null() }),
    ]),
  ),
) as unknown as z.ZodType<Change>;
