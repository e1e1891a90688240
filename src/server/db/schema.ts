// Kysely table types. int8 columns arrive as JS numbers on both backends
// (open-database.ts installs the parser for pg; PGlite does it natively).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MaintenanceWindow, Site } from '../../domain/client';
import type { ContactPhone } from '../../domain/contact-details';
import type { LeadTimeBand, TicketLeadTime } from '../../domain/lead-times';
import type { SlaEvent, SlaPolicy } from '../../domain/sla';
import type { TicketIntake } from '../../domain/intake';
import type { BookingRefusal, VisitAuthorization, VisitPart, VisitPayment } from '../../domain/visits';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Seq = ColumnType<number, number | undefined, number>;
/** jsonb goes in as JSON text (both drivers pass strings through untouched) and comes out parsed. */
type Json<T> = ColumnType<T, string, string>;
/** A column the database fills when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  /** Per-tenant change sequence; bumped under this row's lock inside each writing transaction. */
  change_seq: Seq;
  /** Highest tombstone seq pruned: cursors below it must reset. */
  purged_seq: Seq;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  /** scrypt of the one-time setup code an invitation or a password reset gave out; null once a password is chosen. */
  setup_code_hash: ColumnType<string | null, string | null | undefined, string | null>;
  setup_code_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionsTable {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** What an admin names the session by; the token hash never leaves the server. */
  id: Generated<string>;
  /** The device's User-Agent at sign-in, cut to 300 characters; null when it sent none. */
  user_agent: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClientsTable {
  id: string;
  tenant_id: string;
  name: string;
  time_zone: string;
  priority_scheme_id: string;
  /** The client's service record (migration 0011, docs/domain/clients.md); each column has a default for older inserts. */
  sites: ColumnType<Site[], string | undefined, string>;
  custom_policy: ColumnType<SlaPolicy | null, string | null | undefined, string | null>;
  hourly_rate_cents: Defaulted<number>;
  onsite_base_fee_cents: Defaulted<number>;
  after_hours_billable: Defaulted<string>;
  after_hours_rate_cents: Defaulted<number | null>;
  maintenance_window: ColumnType<MaintenanceWindow | null, string | null | undefined, string | null>;
  after_hours_contact_ids: ColumnType<string[], string | undefined, string>;
  authorization_preferences: Defaulted<string>;
  onboarding_notes: Defaulted<string>;
}

export interface ContactsTable {
  id: string;
  tenant_id: string;
  client_id: string;
  name: string;
  /** ContactPhone[] (src/domain/contact-details.ts), E.164 as the server read it. */
  phones: Json<ContactPhone[]>;
  /** Lower-cased addresses. */
  emails: Json<string[]>;
  role: string;
  approval_limit_cents: number | null;
  /** A number from before 0012 that did not read as one; kept here, not sent to desks (docs/domain/contacts-and-approvals.md). */
  unparsed_phone: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TicketsTable {
  id: string;
  tenant_id: string;
  client_id: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  channel: string;
  assignee_id: string | null;
  opened_at: Timestamp;
  updated_at: Timestamp;
  /** The compact SLA history (src/domain/sla-history.ts), kept by the same handlers that write ticket_events. */
  sla_history: Json<readonly SlaEvent[]>;
  created_by: string | null;
  /** A request with a lead time (docs/domain/lead-times.md): type, count, wanted date and the dates promised at creation. */
  lead_time: ColumnType<TicketLeadTime | null, string | null | undefined, string | null>;
  /** Opened from a phone call (migration 0019, docs/domain/phone-intake.md): what intake recorded; null otherwise. */
  intake: ColumnType<TicketIntake | null, string | null | undefined, string | null>;
}

export interface TicketEventsTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  type: string;
  /** When it counts (SLA): the desk's time, bounded by the server (docs/sync-protocol.md#clocks). */
  at: Timestamp;
  priority: string | null;
  status: string | null;
  actor_id: string | null;
  /** When the server received it. */
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotesTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  kind: string;
  author_id: string;
  body: string;
  performed_at: Timestamp;
  recorded_at: Timestamp;
}

export interface TimeEntriesTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  author_id: string;
  /** The span of the work as the person entered it (data, not bounded by the server's clocks; see time-entry-mutations.ts). */
  started_at: Timestamp;
  ended_at: Timestamp;
  work_type: string;
  cause: string;
  note: string;
  performed_at: Timestamp;
  recorded_at: Timestamp;
  /** The approved request its billable time counts against (migration 0013); null when it needed none. */
  approval_request_id: string | null;
}

export interface SyncClientsTable {
  tenant_id: string;
  client_id: string;
  last_seq: Seq;
  /** The person this device id belongs to: the first to push under it. */
  user_id: string;
  updated_at: Timestamp;
  /** The latest time this device's applied changes count at; null before the first. */
  acted_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ClientMutationsTable {
  tenant_id: string;
  client_id: string;
  seq: number;
  user_id: string;
  name: string;
  /** null for a refused mutation: nothing it carried was applied, and keeping it let anyone grow the database. */
  args: ColumnType<unknown, string | null, string | null>;
  /** A refused mutation's md5 of the jsonb text of [name, args], to tell a resend from a different mutation under its number; null when applied (args are kept). */
  fingerprint: string | null;
  performed_at: Timestamp;
  result: Json<unknown>;
  applied_at: Timestamp;
}

export interface ChangesTable {
  tenant_id: string;
  entity: string;
  id: string;
  seq: number;
  op: 'upsert' | 'delete';
  data: Json<unknown> | null;
  /** `data` as the values a page sends, kept by PostgreSQL (a generated column: never written); null for a delete. */
  wire: ColumnType<string | null, never, never>;
  changed_at: Timestamp;
}

/** The field names, per entity, of the values in `changes.wire`. */
export interface WireFieldsTable {
  entity: string;
  fields: Json<string[]>;
}

export interface EscalationsTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  /** 1 = service coordinator ... 3 = site director (src/domain/escalation.ts). */
  level: number;
  to_role: string;
  reason: string;
  escalated_by: string;
  /** When the person escalated, bounded like a note's performed_at. */
  escalated_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  recorded_at: Timestamp;
}

/** Request types with lead times, per workspace (migration 0014, docs/domain/lead-times.md). */
export interface RequestTypesTable {
  id: string;
  tenant_id: string;
  name: string;
  unit: string;
  min_days: number;
  max_days: number | null;
  parameter: ColumnType<{ label: string; bands: LeadTimeBand[] } | null, string | null, string | null>;
  note: string;
  position: number;
  archived: Generated<boolean>;
}

type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** A request for billable work and its one confirmation, approval or decline (docs/domain/contacts-and-approvals.md). */
export interface ApprovalRequestsTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  client_id: string;
  requester_contact_id: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  kind: string;
  work: string;
  cause: string;
  onsite: boolean;
  after_hours: boolean;
  triggers: Json<string[]>;
  description: string;
  estimate_minutes: number | null;
  estimate_cents: number | null;
  status: string;
  confirmed_by: string | null;
  confirmed_via: string | null;
  confirmed_at: NullableTimestamp;
  confirmation_taken_by: string | null;
  approved_by: string | null;
  approved_via: string | null;
  approved_at: NullableTimestamp;
  approved_minutes: number | null;
  approved_cents: number | null;
  approval_taken_by: string | null;
  decline_reason: string | null;
  declined_at: NullableTimestamp;
  decline_taken_by: string | null;
  created_by: string;
  /** When the person asked, bounded like a note's performed_at. */
  created_at: Timestamp;
  recorded_at: Timestamp;
}

/** A phone system's key to look callers up in one workspace (migration 0017, docs/integrations/pbx.md). */
export interface IntegrationKeysTable {
  id: string;
  tenant_id: string;
  label: string;
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  key_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

/** One phone call taken or made by staff (migration 0018, docs/domain/phone-intake.md, "Call log"). */
export interface CallsTable {
  id: string;
  tenant_id: string;
  client_id: string;
  ticket_id: string | null;
  contact_id: string | null;
  caller_name: string;
  /** E.164 as the server read it; null when the caller withheld the number. */
  caller_number: string | null;
  caller_extension: string | null;
  direction: string;
  /** The desk's times of the call, bounded by the server's clock (callTimesProblem). */
  started_at: Timestamp;
  ended_at: Timestamp;
  taken_by: string;
  outcome: string;
  summary: string;
  callback_id: string | null;
  recorded_at: Timestamp;
}

/** A promise to call someone back (migration 0020, docs/domain/phone-intake.md "Callbacks"). */
export interface CallbacksTable {
  id: string;
  tenant_id: string;
  client_id: string;
  contact_id: string | null;
  caller_name: string;
  /** E.164, as the server read it from number_raw. */
  number: string;
  extension: string | null;
  number_raw: string;
  reason: string;
  promised_by: Timestamp;
  time_zone: string;
  ticket_id: string | null;
  status: string;
  created_by: string;
  created_at: Timestamp;
  closed_by: string | null;
  closed_at: NullableTimestamp;
  outcome: string | null;
  /** The outbound call logged when it was worked, if any. */
  call_id: string | null;
  recorded_at: Timestamp;
}

/** An onsite visit (migration 0021, docs/domain/onsite-visits.md); the record on the wire is its mirror (changes/records.ts). */
export interface VisitsTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  client_id: string;
  site_id: string;
  contact_id: string;
  scope: string;
  needs_downtime: boolean;
  travel_zone: string;
  contract_base_fee_cents: number;
  zone_surcharge_cents: number;
  scope_surcharge_cents: number;
  surcharge_reason: string;
  base_fee_cents: number;
  hourly_rate_cents: number;
  estimate_hours: number;
  approval_request_id: string;
  status: string;
  technician_id: string | null;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  scheduled_by: string | null;
  scheduled_at: NullableTimestamp;
  /** The last booking the server refused for this visit (the technician was taken), so every desk sees why. */
  booking_refusal: ColumnType<BookingRefusal | null, string | null, string | null>;
  checked_in_at: NullableTimestamp;
  checked_in_by: string | null;
  checked_out_at: NullableTimestamp;
  checked_out_by: string | null;
  onsite_minutes: number | null;
  billed_hours: number | null;
  payments: Json<VisitPayment[]>;
  authorizations: Json<VisitAuthorization[]>;
  work_notes: string;
  parts: Json<VisitPart[]>;
  cancel_reason: string | null;
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
  created_by: string;
  created_at: Timestamp;
  recorded_at: Timestamp;
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  clients: ClientsTable;
  contacts: ContactsTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  notes: NotesTable;
  sync_clients: SyncClientsTable;
  client_mutations: ClientMutationsTable;
  changes: ChangesTable;
  wire_fields: WireFieldsTable;
  time_entries: TimeEntriesTable;
  escalations: EscalationsTable;
  request_types: RequestTypesTable;
  approval_requests: ApprovalRequestsTable;
  integration_keys: IntegrationKeysTable;
  calls: CallsTable;
  callbacks: CallbacksTable;
  visits: VisitsTable;
}

export type TicketRow = Selectable<TicketsTable>;
export type NewTicketRow = Insertable<TicketsTable>;
export type TicketEventRow = Selectable<TicketEventsTable>;
export type NoteRow = Selectable<NotesTable>;

type PgType = 'uuid' | 'text' | 'timestamptz' | 'jsonb';
/** A table's columns with their PostgreSQL types; a column missing here or there fails to compile. */
type Columns<T> = { [K in keyof T]-?: PgType };

// For statements that take rows as one JSON parameter (jsonb_to_recordset), so
// their column lists come from the same place as the row types above.
export const TICKET_COLUMNS = {
  id: 'uuid',
  tenant_id: 'uuid',
  client_id: 'uuid',
  title: 'text',
  description: 'text',
  status: 'text',
  priority: 'text',
  channel: 'text',
  assignee_id: 'uuid',
  opened_at: 'timestamptz',
  updated_at: 'timestamptz',
  sla_history: 'jsonb',
  created_by: 'uuid',
  lead_time: 'jsonb',
  intake: 'jsonb',
} as const satisfies Columns<TicketsTable>;

/** What a mutation may change on an existing ticket. */
export const TICKET_CHANGEABLE = [
  'title',
  'description',
  'status',
  'priority',
  'assignee_id',
  'updated_at',
  'sla_history',
] as const satisfies readonly (keyof TicketsTable)[];

export const TICKET_EVENT_COLUMNS = {
  id: 'uuid',
  tenant_id: 'uuid',
  ticket_id: 'uuid',
  type: 'text',
  at: 'timestamptz',
  priority: 'text',
  status: 'text',
  actor_id: 'uuid',
  recorded_at: 'timestamptz',
} as const satisfies Columns<TicketEventsTable>;

export const NOTE_COLUMNS = {
  id: 'uuid',
  tenant_id: 'uuid',
  ticket_id: 'uuid',
  kind: 'text',
  author_id: 'uuid',
  body: 'text',
  performed_at: 'timestamptz',
  recorded_at: 'timestamptz',
} as const satisfies Columns<NotesTable>;
export type UserRow = Selectable<UsersTable>;
export type TimeEntryRow = Selectable<TimeEntriesTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type ApprovalRequestRow = Selectable<ApprovalRequestsTable>;
export type CallRow = Selectable<CallsTable>;
export type CallbackRow = Selectable<CallbacksTable>;
export type VisitRow = Selectable<VisitsTable>;
