// Database rows to the records clients see (src/protocol/records.ts).
import type { Selectable } from 'kysely';
import type {
  ApprovalRequestRecord,
  CallRecord,
  ClientRecord,
  ContactRecord,
  EscalationRecord,
  NoteRecord,
  RequestTypeRecord,
  TicketEventRecord,
  TicketRecord,
  TimeEntryRecord,
  UserRecord,
} from '../../protocol';
import type {
  ApprovalRequestsTable,
  CallsTable,
  ClientsTable,
  ContactsTable,
  EscalationsTable,
  NotesTable,
  RequestTypesTable,
  TicketEventsTable,
  TicketsTable,
  TimeEntriesTable,
  UsersTable,
} from '../db/schema';
import type { CallbackRecord } from '../../protocol';
import type { CallbacksTable } from '../db/schema';
import type { VisitRecord } from '../../protocol';
import type { VisitsTable } from '../db/schema';

const iso = (value: Date | string) => new Date(value).toISOString();

export function ticketRecord(row: Selectable<TicketsTable>): TicketRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    description: row.description,
    status: row.status as TicketRecord['status'],
    priority: row.priority,
    channel: row.channel as TicketRecord['channel'],
    assigneeId: row.assignee_id,
    openedAt: iso(row.opened_at),
    updatedAt: iso(row.updated_at),
    sla: row.sla_history,
    ...(row.lead_time === null ? {} : { leadTime: row.lead_time }),
    ...(row.intake === null ? {} : { intake: row.intake }),
  };
}

export function ticketEventRecord(row: Selectable<TicketEventsTable>): TicketEventRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    type: row.type as TicketEventRecord['type'],
    at: iso(row.at),
    ...(row.priority === null ? {} : { priority: row.priority }),
    ...(row.status === null ? {} : { status: row.status as TicketEventRecord['status'] }),
    ...(row.actor_id === null ? {} : { actorId: row.actor_id }),
  };
}

export function noteRecord(row: Selectable<NotesTable>): NoteRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind as NoteRecord['kind'],
    authorId: row.author_id,
    body: row.body,
    performedAt: iso(row.performed_at),
    recordedAt: iso(row.recorded_at),
  };
}

export function clientRecord(row: Selectable<ClientsTable>): ClientRecord {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    prioritySchemeId: row.priority_scheme_id as ClientRecord['prioritySchemeId'],
    sites: row.sites,
    customPolicy: row.custom_policy,
    contract: {
      hourlyRateCents: row.hourly_rate_cents,
      onsiteBaseFeeCents: row.onsite_base_fee_cents,
      afterHoursBillable: row.after_hours_billable as ClientRecord['contract']['afterHoursBillable'],
      afterHoursRateCents: row.after_hours_rate_cents,
    },
    maintenanceWindow: row.maintenance_window,
    onboarding: {
      afterHoursContactIds: row.after_hours_contact_ids,
      authorizationPreferences: row.authorization_preferences,
      notes: row.onboarding_notes,
    },
  };
}

/** A client's columns from its record, as inserted (jsonb as JSON text). */
export function clientColumns(c: ClientRecord) {
  return {
    name: c.name,
    time_zone: c.timeZone,
    priority_scheme_id: c.prioritySchemeId,
    sites: JSON.stringify(c.sites),
    custom_policy: c.customPolicy === null ? null : JSON.stringify(c.customPolicy),
    hourly_rate_cents: c.contract.hourlyRateCents,
    onsite_base_fee_cents: c.contract.onsiteBaseFeeCents,
    after_hours_billable: c.contract.afterHoursBillable,
    after_hours_rate_cents: c.contract.afterHoursRateCents,
    maintenance_window: c.maintenanceWindow === null ? null : JSON.stringify(c.maintenanceWindow),
    after_hours_contact_ids: JSON.stringify(c.onboarding.afterHoursContactIds),
    authorization_preferences: c.onboarding.authorizationPreferences,
    onboarding_notes: c.onboarding.notes,
  };
}

export function contactRecord(row: Selectable<ContactsTable>): ContactRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    phones: row.phones,
    emails: row.emails,
    role: row.role as ContactRecord['role'],
    approvalLimitCents: row.approval_limit_cents,
  };
}

export function userRecord(row: Pick<Selectable<UsersTable>, 'id' | 'name' | 'email' | 'role' | 'active'>): UserRecord {
  return { id: row.id, name: row.name, email: row.email, role: row.role as UserRecord['role'], active: row.active };
}

export function timeEntryRecord(row: Selectable<TimeEntriesTable>): TimeEntryRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    authorId: row.author_id,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    workType: row.work_type as TimeEntryRecord['workType'],
    cause: row.cause as TimeEntryRecord['cause'],
    note: row.note,
    performedAt: iso(row.performed_at),
    recordedAt: iso(row.recorded_at),
    ...(row.approval_request_id === null ? {} : { approvalRequestId: row.approval_request_id }),
  };
}

export function escalationRecord(row: Selectable<EscalationsTable>): EscalationRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    level: row.level as EscalationRecord['level'],
    toRole: row.to_role as EscalationRecord['toRole'],
    reason: row.reason,
    escalatedBy: row.escalated_by,
    escalatedAt: iso(row.escalated_at),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at === null ? null : iso(row.acknowledged_at),
  };
}

export function requestTypeRecord(row: Selectable<RequestTypesTable>): RequestTypeRecord {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit as RequestTypeRecord['unit'],
    minDays: row.min_days,
    maxDays: row.max_days,
    parameter: row.parameter,
    note: row.note,
    position: row.position,
    archived: row.archived,
  };
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export function approvalRequestRecord(row: Selectable<ApprovalRequestsTable>): ApprovalRequestRecord {
  type R = ApprovalRequestRecord;
  return {
    id: row.id,
    ticketId: row.ticket_id,
    clientId: row.client_id,
    requesterContactId: row.requester_contact_id,
    callerName: row.caller_name,
    callerPhone: row.caller_phone,
    kind: row.kind as R['kind'],
    work: row.work as R['work'],
    cause: row.cause as R['cause'],
    onsite: row.onsite,
    afterHours: row.after_hours,
    triggers: row.triggers as R['triggers'],
    description: row.description,
    estimateMinutes: row.estimate_minutes,
    estimateCents: row.estimate_cents,
    status: row.status as R['status'],
    confirmedBy: row.confirmed_by,
    confirmedVia: row.confirmed_via as R['confirmedVia'],
    confirmedAt: isoOrNull(row.confirmed_at),
    confirmationTakenBy: row.confirmation_taken_by,
    approvedBy: row.approved_by,
    approvedVia: row.approved_via as R['approvedVia'],
    approvedAt: isoOrNull(row.approved_at),
    approvedMinutes: row.approved_minutes,
    approvedCents: row.approved_cents,
    approvalTakenBy: row.approval_taken_by,
    declineReason: row.decline_reason,
    declinedAt: isoOrNull(row.declined_at),
    declineTakenBy: row.decline_taken_by,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
  };
}

export function callRecord(row: Selectable<CallsTable>): CallRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    ticketId: row.ticket_id,
    contactId: row.contact_id,
    callerName: row.caller_name,
    callerNumber: row.caller_number,
    callerExtension: row.caller_extension,
    direction: row.direction as CallRecord['direction'],
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    takenBy: row.taken_by,
    outcome: row.outcome as CallRecord['outcome'],
    summary: row.summary,
    callbackId: row.callback_id,
  };
}

export function callbackRecord(row: Selectable<CallbacksTable>): CallbackRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    contactId: row.contact_id,
    callerName: row.caller_name,
    number: row.number,
    extension: row.extension,
    numberRaw: row.number_raw,
    reason: row.reason,
    promisedBy: iso(row.promised_by),
    timeZone: row.time_zone,
    ticketId: row.ticket_id,
    status: row.status as CallbackRecord['status'],
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    closedBy: row.closed_by,
    closedAt: isoOrNull(row.closed_at),
    outcome: row.outcome,
  };
}

export function visitRecord(row: Selectable<VisitsTable>): VisitRecord {
  type R = VisitRecord;
  return {
    id: row.id,
    ticketId: row.ticket_id,
    clientId: row.client_id,
    siteId: row.site_id,
    contactId: row.contact_id,
    scope: row.scope,
    needsDowntime: row.needs_downtime,
    travelZone: row.travel_zone as R['travelZone'],
    contractBaseFeeCents: row.contract_base_fee_cents,
    zoneSurchargeCents: row.zone_surcharge_cents,
    scopeSurchargeCents: row.scope_surcharge_cents,
    surchargeReason: row.surcharge_reason,
    baseFeeCents: row.base_fee_cents,
    hourlyRateCents: row.hourly_rate_cents,
    estimateHours: row.estimate_hours,
    approvalRequestId: row.approval_request_id,
    status: row.status as R['status'],
    technicianId: row.technician_id,
    startsAt: isoOrNull(row.starts_at),
    endsAt: isoOrNull(row.ends_at),
    scheduledBy: row.scheduled_by,
    scheduledAt: isoOrNull(row.scheduled_at),
    bookingRefusal: row.booking_refusal,
    checkedInAt: isoOrNull(row.checked_in_at),
    checkedInBy: row.checked_in_by,
    checkedOutAt: isoOrNull(row.checked_out_at),
    checkedOutBy: row.checked_out_by,
    onsiteMinutes: row.onsite_minutes,
    billedHours: row.billed_hours,
    payments: row.payments,
    authorizations: row.authorizations,
    workNotes: row.work_notes,
    parts: row.parts,
    cancelReason: row.cancel_reason,
    cancelledAt: isoOrNull(row.cancelled_at),
    cancelledBy: row.cancelled_by,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
  };
}
