import { validateNewTicket, type FieldErrors, type NewTicketDraft } from '../domain/new-ticket';
import type { Ticket, TicketStatus } from '../domain/ticket';
import { transitionError } from '../domain/ticket-workflow';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';

export type CreateTicketResult = { ok: true; ticket: Ticket } | { ok: false; errors: FieldErrors };

export class TicketRepository {
  constructor(private readonly db: SwitchboardDb) {}

  /** Validates against the local reference data; writes nothing when the draft is refused. */
  async create(draft: NewTicketDraft, now: Date = new Date()): Promise<CreateTicketResult> {
    return this.db.transaction('rw', this.db.tickets, this.db.clients, this.db.staff, async () => {
      const [clients, staff] = await Promise.all([this.db.clients.toArray(), this.db.staff.toArray()]);
      const result = validateNewTicket(draft, {
        clients: new Map(clients.map((c) => [c.id, c])),
        staffIds: new Set(staff.map((s) => s.id)),
        now: now.toISOString(),
      });
      if (!result.ok) return result;
      const ticket: Ticket = { id: newId(), ...result.ticket };
      await this.db.tickets.add(ticket);
      return { ok: true as const, ticket };
    });
  }

  async setStatus(id: string, status: TicketStatus, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', this.db.tickets, async () => {
      const ticket = await this.db.tickets.get(id);
      if (!ticket) throw new Error(`Ticket ${id} is not in the local store; sync and try again.`);
      const refused = transitionError(ticket.status, status);
      if (refused) throw new Error(refused);
      await this.db.tickets.update(id, { status, updatedAt: now.toISOString() });
    });
  }

  /** The bulk path for demo data, benchmarks and sync snapshots: one transaction, no per-row validation. */
  async bulkPut(tickets: readonly Ticket[]): Promise<void> {
    await this.db.transaction('rw', this.db.tickets, () => this.db.tickets.bulkPut(tickets as Ticket[]));
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.db.tickets.get(id);
  }

  count(): Promise<number> {
    return this.db.tickets.count();
  }

  liveAll(): Live<Ticket[]> {
    return live(() => this.db.tickets.toArray());
  }

  liveOne(id: string): Live<Ticket | undefined> {
    return live(() => this.db.tickets.get(id));
  }
}
