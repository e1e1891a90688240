// What one push transaction has read and has yet to write. A push applies a
// desk's mutations in one transaction, and most of them work on the same few
// tickets; locking those once, keeping them here and writing every ticket,
// note and event in one statement at the end turns several round trips per
// mutation into a few per push.
//   Tickets: locked (FOR UPDATE) before the first mutation, in id order so two
//     transactions never wait on each other in a circle; from then on this
//     transaction alone may change them, so the copy here is the truth.
//   New tickets and notes: ids come from desks, so an id may already be taken
//     (by this tenant or another). The push's last statement then fails on the
//     unique key; push redoes the transaction with flush(), which skips taken
//     ids and names the first mutation that had one, to be refused.
//   Ticket events: insert-only history with server-made ids.
//   Clients and staff: read once per transaction; a client upsertClient writes replaces its copy here.
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import {
  NOTE_COLUMNS,
  TICKET_CHANGEABLE,
  TICKET_COLUMNS,
  TICKET_EVENT_COLUMNS,
  type ClientsTable,
  type Database,
  type NoteRow,
  type TicketEventRow,
  type TicketRow,
  type UsersTable,
} from '../db/schema';
import { WriteTracker } from './write-tracker';

export type { NoteRow, TicketEventRow, TicketRow };
type ClientRow = Selectable<ClientsTable>;
type StaffRow = Pick<Selectable<UsersTable>, 'id' | 'active'>;
type TicketChange = Partial<Pick<TicketRow, (typeof TICKET_CHANGEABLE)[number]>>;

/** `insert into <table> (cols) select v.cols from jsonb_to_recordset(<rows>) as v(col type, ...)`, columns from schema.ts. */
function insertFromJson(table: string, columns: Record<string, string>, rows: unknown[], tail: RawBuilder<unknown>): RawBuilder<unknown> {
  const names = Object.keys(columns);
  const typed = names.map((c) => `${c} ${columns[c]}`).join(', ');
  return sql`insert into ${sql.raw(table)} (${sql.raw(names.join(', '))})
        select ${sql.raw(names.map((c) => `v.${c}`).join(', '))}
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(typed)})
        ${tail}`;
}

/** Desks may send ids in upper case; PostgreSQL hands uuids back in lower case, and rows here must match it. */
export const canonicalId = (id: string): string => id.toLowerCase();

export class UnitOfWork {
  readonly #tracker = new WriteTracker();
  /** The transaction as handlers see it: statements that change rows are counted. */
  readonly trx: Kysely<Database>;
  readonly #tickets = new Map<string, TicketRow>();
  readonly #changedTickets = new Set<string>();
  readonly #newTickets = new Map<string, Pending>();
  readonly #newNotes = new Map<string, Pending & { row: NoteRow }>();
  readonly #events: TicketEventRow[] = [];
  readonly #clients = new Map<string, ClientRow | undefined>();
  readonly #staff = new Map<string, StaffRow | undefined>();
  #deferred = 0;
  /** Index in the push of the mutation being applied, set by push: owner of the rows it inserts. */
  mutation = 0;

  constructor(
    private readonly raw: Kysely<Database>,
    readonly tenantId: string,
  ) {
    this.trx = raw.withPlugin(this.#tracker);
  }

  /** Writes so far, issued or deferred: a refusal after one must roll back. */
  get writes(): number {
    return this.#tracker.count + this.#deferred;
  }

  /**
   * Runs `first` (a statement returning one row: push claims the device's
   * sequence with it), then locks the tenant's tickets among `ids.tickets` and
   * reads its clients and staff among `ids.clients` and `ids.staff`, all in
   * one round trip. Returns `first`'s row, as JSON gives it back.
   */
  async open<First>(first: RawBuilder<unknown>, ids: { tickets: string[]; clients: string[]; staff: string[] }): Promise<First> {
    const list = (values: string[]) => [...new Set(values.map(canonicalId))];
    const tickets = list(ids.tickets);
    // `exists (select from d)` makes the tickets wait for `first`: a device's row is always locked before its tickets.
    const { rows } = await sql<{ first: First; tickets: TicketRow[]; clients: ClientRow[]; staff: StaffRow[] }>`
      with d as (${first}), tk as (
        select * from tickets
        where tenant_id = ${this.tenantId}::uuid and id = any(${tickets}::uuid[]) and exists (select from d)
        order by id for update
      )
      select (select to_jsonb(d) from d) as first,
        (select coalesce(jsonb_agg(tk), '[]') from tk) as tickets,
        (select coalesce(jsonb_agg(c), '[]') from clients c
          where c.tenant_id = ${this.tenantId}::uuid and (c.id = any(${list(ids.clients)}::uuid[]) or c.id in (select client_id from tk))) as clients,
        (select coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'active', u.active)), '[]') from users u
          where u.tenant_id = ${this.tenantId}::uuid and u.id = any(${list(ids.staff)}::uuid[])) as staff`.execute(this.raw);
    const row = rows[0]!;
    for (const t of row.tickets) this.#tickets.set(t.id, { ...t, opened_at: new Date(t.opened_at), updated_at: new Date(t.updated_at) });
    for (const id of ids.clients) this.#clients.set(canonicalId(id), undefined);
    for (const c of row.clients) this.#clients.set(c.id, c);
    for (const id of ids.staff) this.#staff.set(canonicalId(id), undefined);
    for (const u of row.staff) this.#staff.set(u.id, u);
    return row.first;
  }

  /** Locks the tenant's tickets among `ids`, in id order; ids of no ticket are skipped. */
  async lockTickets(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set([...ids].map(canonicalId))].filter((id) => !this.#tickets.has(id)).sort();
    if (wanted.length === 0) return;
    const rows = await this.raw
      .selectFrom('tickets')
      .selectAll()
      .where('tenant_id', '=', this.tenantId)
      .where('id', 'in', wanted)
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const row of rows) this.#tickets.set(row.id, row);
  }

  /** The tenant's ticket, locked until commit; undefined when the tenant has no such ticket. */
  async ticket(id: string): Promise<TicketRow | undefined> {
    const key = canonicalId(id);
    if (!this.#tickets.has(key)) await this.lockTickets([key]);
    return this.#tickets.get(key);
  }

  /** Queues a new ticket; false when this transaction already knows a ticket with its id. */
  insertTicket(row: TicketRow, conflict: string): boolean {
    if (this.#tickets.has(row.id)) return false;
    this.#tickets.set(row.id, row);
    this.#newTickets.set(row.id, { mutation: this.mutation, conflict });
    this.#deferred++;
    return true;
  }

  /** Queues a new note; false when this transaction already inserts a note with its id. */
  insertNote(row: NoteRow, conflict: string): boolean {
    if (this.#newNotes.has(row.id)) return false;
    this.#newNotes.set(row.id, { mutation: this.mutation, conflict, row });
    this.#deferred++;
    return true;
  }

  updateTicket(current: TicketRow, change: TicketChange): TicketRow {
    const row = { ...current, ...change };
    this.#tickets.set(row.id, row);
    // A ticket new in this transaction is inserted as it is at the end.
    if (!this.#newTickets.has(row.id)) this.#changedTickets.add(row.id);
    this.#deferred++;
    return row;
  }

  addEvent(row: TicketEventRow): void {
    this.#events.push(row);
    this.#deferred++;
  }

  async client(id: string): Promise<ClientRow | undefined> {
    const key = canonicalId(id);
    if (!this.#clients.has(key)) {
      this.#clients.set(
        key,
        await this.raw.selectFrom('clients').selectAll().where('id', '=', key).where('tenant_id', '=', this.tenantId).executeTakeFirst(),
      );
    }
    return this.#clients.get(key);
  }

  /** A client this transaction wrote: later mutations of the push read it as it is now. */
  rememberClient(row: ClientRow): void {
    this.#clients.set(row.id, row);
  }

  async staff(id: string): Promise<StaffRow | undefined> {
    const key = canonicalId(id);
    if (!this.#staff.has(key)) {
      this.#staff.set(
        key,
        await this.raw
          .selectFrom('users')
          .select(['id', 'active'])
          .where('id', '=', key)
          .where('tenant_id', '=', this.tenantId)
          .executeTakeFirst(),
      );
    }
    return this.#staff.get(key);
  }

  /**
   * Everything queued, as CTEs (`, nt as (...), ...`) to append to the push's
   * last statement. A new ticket or note whose id is taken fails the
   * statement (unique violation); push then redoes the transaction with flush().
   */
  pendingWrites(): RawBuilder<unknown> {
    const parts = this.#writeCtes(false);
    this.#clear();
    return parts.length === 0 ? sql`` : sql`, ${sql.join(parts, sql`, `)}`;
  }

  /**
   * Writes everything queued in a statement of its own, skipping new tickets
   * and notes whose id is taken; returns the first mutation that had one.
   */
  async flush(): Promise<Conflict | undefined> {
    const parts = this.#writeCtes(true);
    if (parts.length === 0) return undefined;
    const inserted = (name: 'nt' | 'nn', queued: number) =>
      queued > 0 ? sql.raw(`(select coalesce(jsonb_agg(id), '[]') from ${name})`) : sql.raw(`'[]'::jsonb`);
    const { rows } = await sql<{ tickets: string[]; notes: string[] }>`
      with ${sql.join(parts, sql`, `)}
      select ${inserted('nt', this.#newTickets.size)} as tickets, ${inserted('nn', this.#newNotes.size)} as notes`.execute(this.raw);
    const done = rows[0]!;
    const missed = [...missing(this.#newTickets, done.tickets), ...missing(this.#newNotes, done.notes)];
    this.#clear();
    return missed.sort((a, b) => a.mutation - b.mutation)[0];
  }

  #clear(): void {
    this.#newTickets.clear();
    this.#newNotes.clear();
    this.#changedTickets.clear();
    this.#events.length = 0;
  }

  // One parameter per table (JSON); foreign keys are checked at the end of the statement, after all of them.
  #writeCtes(skipTaken: boolean): RawBuilder<unknown>[] {
    const parts: RawBuilder<unknown>[] = [];
    const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
    const taken = skipTaken ? sql`on conflict (id) do nothing returning id` : sql``;
    if (this.#newTickets.size > 0) {
      const rows = [...this.#newTickets.keys()].map((id) => this.#tickets.get(id)!);
      parts.push(sql`nt as (${insertFromJson('tickets', TICKET_COLUMNS, rows, taken)})`);
    }
    if (this.#changedTickets.size > 0) {
      const rows = [...this.#changedTickets].map((id) => this.#tickets.get(id)!);
      const set = TICKET_CHANGEABLE.map((c) => `${c} = v.${c}`).join(', ');
      const typed = (['id', ...TICKET_CHANGEABLE] as const).map((c) => `${c} ${TICKET_COLUMNS[c]}`).join(', ');
      parts.push(sql`ut as (
        update tickets as t set ${sql.raw(set)}
        from jsonb_to_recordset(${json(rows)}) as v(${sql.raw(typed)})
        where t.id = v.id and t.tenant_id = ${this.tenantId}::uuid)`);
    }
    if (this.#newNotes.size > 0) {
      const rows = [...this.#newNotes.values()].map((n) => n.row);
      parts.push(sql`nn as (${insertFromJson('notes', NOTE_COLUMNS, rows, taken)})`);
    }
    if (this.#events.length > 0) {
      parts.push(sql`ev as (${insertFromJson('ticket_events', TICKET_EVENT_COLUMNS, this.#events, sql``)})`);
    }
    return parts;
  }
}

interface Pending {
  mutation: number;
  conflict: string;
}

export type Conflict = Pending;

function missing(queued: Map<string, Pending>, inserted: string[]): Pending[] {
  if (inserted.length === queued.size) return [];
  const done = new Set(inserted);
  return [...queued].filter(([id]) => !done.has(id)).map(([, p]) => p);
}
