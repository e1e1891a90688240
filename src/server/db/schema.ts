// Kysely table types. int8 columns arrive as JS numbers on both backends
// (open-database.ts installs the parser for pg; PGlite does it natively).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Seq = ColumnType<number, number | undefined, number>;
/** jsonb goes in as JSON text (both drivers pass strings through untouched) and comes out parsed. */
type Json<T> = ColumnType<T, string, string>;

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
}

export interface SessionsTable {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ClientsTable {
  id: string;
  tenant_id: string;
  name: string;
  time_zone: string;
  priority_scheme_id: string;
}

export interface ContactsTable {
  id: string;
  tenant_id: string;
  client_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string;
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
  created_by: string | null;
}

export interface TicketEventsTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  type: string;
  at: Timestamp;
  priority: string | null;
  status: string | null;
  actor_id: string | null;
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

export interface SyncClientsTable {
  tenant_id: string;
  client_id: string;
  last_seq: Seq;
  user_id: string;
  updated_at: Timestamp;
}

export interface ClientMutationsTable {
  tenant_id: string;
  client_id: string;
  seq: number;
  user_id: string;
  name: string;
  args: Json<unknown>;
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
  changed_at: Timestamp;
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
}

export type TicketRow = Selectable<TicketsTable>;
export type NewTicketRow = Insertable<TicketsTable>;
export type UserRow = Selectable<UsersTable>;
