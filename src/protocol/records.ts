// Records as they travel in pull changes: the server's rows, in the client's vocabulary.
// Browser-safe: zod and src/domain only.
import { z } from 'zod';
import { AFTER_HOURS_BILLING } from '../domain/client';
import { ESCALATION_CHAIN } from '../domain/escalation';
import { WEEKDAYS, type SlaPolicy } from '../domain/sla';
import { CHANNELS, STAFF_ROLES, TICKET_STATUSES } from '../domain/ticket';
import { WORK_CAUSES, WORK_TYPES } from '../domain/time-entries';

const isoInstant = z.iso.datetime({ offset: true });

/**
 * Contact roles: who may request and who may approve (docs/domain/contacts-and-approvals.md).
 * Lives here until the domain grows an authorization module that owns it.
 */
export const CONTACT_ROLES = ['billing_contact', 'backup_approver', 'mac_only_requestor', 'portal_admin'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  billing_contact: 'Billing Contact',
  backup_approver: 'Backup Approver',
  mac_only_requestor: 'MAC-only requestor',
  portal_admin: 'Portal Admin',
};

/**
 * A resolution note is written by closing a ticket and a reopening note by
 * reopening it (docs/domain/ticket-workflow.md); addNote writes only the first two.
 */
export const NOTE_KINDS = ['public_reply', 'internal_note', 'resolution', 'reopening'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const WRITABLE_NOTE_KINDS = ['public_reply', 'internal_note'] as const;

export const TICKET_EVENT_TYPES = ['opened', 'priority_changed', 'status_changed', 'public_reply'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

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
});

/** The client's service record (docs/domain/clients.md); upsertClient checks every rule, the wire only the shape. */
export const clientRecordSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  prioritySchemeId: z.enum(['four-tier', 'four-severity', 'five-priority']),
  sites: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string(), timeZone: z.string() })),
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

export const contactRecordSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(CONTACT_ROLES),
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

export type TicketRecord = z.infer<typeof ticketRecordSchema>;
export type ClientRecord = z.infer<typeof clientRecordSchema>;
export type ContactRecord = z.infer<typeof contactRecordSchema>;
export type UserRecord = z.infer<typeof userRecordSchema>;
export type TicketEventRecord = z.infer<typeof ticketEventRecordSchema>;
export type NoteRecord = z.infer<typeof noteRecordSchema>;
export type TimeEntryRecord = z.infer<typeof timeEntryRecordSchema>;
export type EscalationRecord = z.infer<typeof escalationRecordSchema>;

export const ENTITIES = ['ticket', 'client', 'contact', 'user', 'ticket_event', 'note', 'time_entry', 'escalation'] as const;
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
