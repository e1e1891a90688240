// Callbacks on this desk (docs/domain/phone-intake.md, "Callbacks"): promised,
// completed and cancelled offline through the outbox, each checked here against
// the rows the desk holds before anything is written; the server checks again
// against its own rows and clock.
import { byPromise, closeProblem, promisedByProblem, timeZoneProblem } from '../domain/callbacks';
import { can, forbiddenMessage } from '../domain/staff-permissions';
import type { Ticket } from '../domain/ticket';
import type { CallbackRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';
import { readRow, syncTables } from './local-rows';
import { LocalMutationRefused, loadSyncState, recordMutation } from './outbox';

export interface CallbackDraft {
  clientId: string;
  contactId: string | null;
  callerName: string;
  /** As typed; read with src/domain/phone.ts. */
  number: string;
  reason: string;
  /** ISO instant. */
  promisedBy: string;
  /** The caller's IANA zone. */
  timeZone: string;
  ticketId: string | null;
}

/** How many closed callbacks a client's page shows, newest first. */
export const RECENT_CLOSED_LIMIT = 10;

export class CallbackRepository {
  constructor(private readonly db: SwitchboardDb) {}

  async #requireManager(): Promise<string> {
    const { userId } = await loadSyncState(this.db);
    const me = userId === null ? undefined : await this.db.staff.get(userId);
    if (!me) throw new LocalMutationRefused('Sign in again: this desk does not know who you are, so it cannot record the callback.');
    if (!can(me.role, 'callback.manage')) throw new LocalMutationRefused(forbiddenMessage(me.role, 'callback.manage'));
    return me.id;
  }

  /** Promises a callback; throws LocalMutationRefused (with the field, when one is at fault) and writes nothing when a rule refuses it. */
  async promise(draft: CallbackDraft, now: Date = new Date()): Promise<CallbackRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#requireManager();
      const client = await this.db.clients.get(draft.clientId);
      if (!client) throw new LocalMutationRefused(`Client ${draft.clientId} is not on this desk; sync and try again.`, 'clientId');
      if (draft.contactId !== null) {
        const contact = await this.db.contacts.get(draft.contactId);
        if (!contact || contact.clientId !== client.id)
          throw new LocalMutationRefused(`Choose one of ${client.name}'s contacts, or the caller by name.`, 'contactId');
      }
      if (draft.ticketId !== null) {
        const ticket = (await readRow(this.db, { entity: 'ticket', id: draft.ticketId })) as Ticket | null;
        if (!ticket || ticket.clientId !== client.id)
          throw new LocalMutationRefused(
            `The ticket is not one of ${client.name}'s on this desk: link one of theirs, or none.`,
            'ticketId',
          );
      }
      const zone = timeZoneProblem(draft.timeZone);
      if (zone) throw new LocalMutationRefused(zone, 'timeZone');
      const when = promisedByProblem(draft.promisedBy, now.getTime(), now.getTime());
      if (when) throw new LocalMutationRefused(when, 'promisedBy');
      const recorded = await recordMutation(this.db, { name: 'promiseCallback', args: { id: newId(), ...draft } }, now);
      return recorded.row as CallbackRecord;
    });
  }

  async #open(id: string): Promise<CallbackRecord> {
    const callback = await this.db.callbacks.get(id);
    if (!callback) throw new LocalMutationRefused(`Callback ${id} is not on this desk; sync and try again.`);
    const closer = callback.closedBy ? await this.db.staff.get(callback.closedBy) : undefined;
    const problem = closeProblem({
      status: callback.status,
      closedByName: closer?.name ?? 'someone else',
      closedAt: callback.closedAt,
      timeZone: callback.timeZone,
    });
    if (problem) throw new LocalMutationRefused(problem);
    return callback;
  }

  /** Records what happened on the callback; `callId` is the outbound call logged for it, if any. */
  async complete(id: string, outcome: string, callId: string | null = null, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#requireManager();
      await this.#open(id);
      await recordMutation(this.db, { name: 'completeCallback', args: { id, outcome, callId } }, now);
    });
  }

  async cancel(id: string, reason: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#requireManager();
      await this.#open(id);
      await recordMutation(this.db, { name: 'cancelCallback', args: { id, reason } }, now);
    });
  }

  /** Every open callback, earliest promise first: the order intake works them in. */
  liveOpen(): Live<CallbackRecord[]> {
    return live(async () => (await this.db.callbacks.where('status').equals('open').toArray()).sort(byPromise));
  }

  /** A client's open callbacks in promise order, then its most recently closed ones. */
  liveForClient(clientId: string): Live<{ open: CallbackRecord[]; closed: CallbackRecord[] }> {
    return live(async () => {
      const all = await this.db.callbacks.where('clientId').equals(clientId).toArray();
      const closedAt = (c: CallbackRecord) => c.closedAt ?? c.createdAt;
      return {
        open: all.filter((c) => c.status === 'open').sort(byPromise),
        closed: all
          .filter((c) => c.status !== 'open')
          .sort((a, b) => (closedAt(a) < closedAt(b) ? 1 : closedAt(a) > closedAt(b) ? -1 : 0))
          .slice(0, RECENT_CLOSED_LIMIT),
      };
    });
  }
}
