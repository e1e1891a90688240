// Escalations on this desk: made and acknowledged offline through the outbox,
// checked here against the rows the desk holds before anything is written
// (the server checks again against its own; docs/domain/escalations-and-notifications.md).
import { acknowledgeError, nextEscalation } from '../domain/escalation';
import type { Ticket } from '../domain/ticket';
import type { EscalationRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';
import { readRow, syncTables } from './local-rows';
import { LocalMutationRefused, loadSyncState, recordMutation } from './outbox';

export class EscalationRepository {
  constructor(private readonly db: SwitchboardDb) {}

  /** Escalates the ticket one step; throws LocalMutationRefused (nothing written) when the chain forbids it. */
  async escalate(ticketId: string, reason: string, now: Date = new Date()): Promise<EscalationRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      const ticket = (await readRow(this.db, { entity: 'ticket', id: ticketId })) as Ticket | null;
      if (!ticket) throw new LocalMutationRefused(`Ticket ${ticketId} is not on this desk; sync and try again.`);
      const next = nextEscalation(ticket, await this.db.escalations.where('ticketId').equals(ticketId).toArray());
      if (!next.ok) throw new LocalMutationRefused(next.message);
      const recorded = await recordMutation(
        this.db,
        { name: 'escalateTicket', args: { id: newId(), ticketId, level: next.level, reason } },
        now,
      );
      return recorded.row as EscalationRecord;
    });
  }

  /** Acknowledges as the signed-in person; refused here when their role is not the one it went to. */
  async acknowledge(id: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      const escalation = await this.db.escalations.get(id);
      if (!escalation) throw new LocalMutationRefused(`Escalation ${id} is not on this desk; sync and try again.`);
      const { userId } = await loadSyncState(this.db);
      const me = userId === null ? undefined : await this.db.staff.get(userId);
      if (!me) throw new LocalMutationRefused('Sign in again: this desk does not know who you are, so it cannot acknowledge for you.');
      const refused = acknowledgeError(me.role, escalation);
      if (refused) throw new LocalMutationRefused(refused);
      await recordMutation(this.db, { name: 'acknowledgeEscalation', args: { id } }, now);
    });
  }

  forTicket(ticketId: string): Promise<EscalationRecord[]> {
    return this.db.escalations.where('ticketId').equals(ticketId).sortBy('level');
  }

  liveForTicket(ticketId: string): Live<EscalationRecord[]> {
    return live(() => this.forTicket(ticketId));
  }

  /** Every escalation not yet acknowledged, oldest first. */
  liveOpen(): Live<EscalationRecord[]> {
    return live(async () => (await this.db.escalations.toArray()).filter((e) => e.acknowledgedAt === null).sort(byEscalatedAt));
  }
}

const byEscalatedAt = (a: EscalationRecord, b: EscalationRecord) =>
  a.escalatedAt < b.escalatedAt ? -1 : a.escalatedAt > b.escalatedAt ? 1 : 0;
