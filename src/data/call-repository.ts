// The call log on this desk (docs/domain/phone-intake.md, "Call log"): a call
// is logged offline through the outbox like any change; a ticket's calls are read
// with its timeline (timeline-repository.ts), a client's most recent ones here.
import type { MutationArgs } from '../mutations';
import type { CallRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { live, type Live } from './live';
import { syncTables } from './local-rows';
import { recordMutation } from './outbox';

/** A client page shows this many; older calls are in the tickets they were about. */
export const RECENT_CALLS = 10;

export class CallRepository {
  constructor(private readonly db: SwitchboardDb) {}

  /** Queues logCall; throws LocalMutationRefused (nothing written) when its arguments break a rule, naming the field. */
  async log(args: MutationArgs['logCall'], now: Date = new Date()): Promise<CallRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      const recorded = await recordMutation(this.db, { name: 'logCall', args }, now);
      return recorded.row as CallRecord;
    });
  }

  /** The client's latest calls, newest first. */
  async recentForClient(clientId: string, limit = RECENT_CALLS): Promise<CallRecord[]> {
    const calls = await this.db.calls.where('clientId').equals(clientId).toArray();
    return calls.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)).slice(0, limit);
  }

  liveRecentForClient(clientId: string, limit = RECENT_CALLS): Live<CallRecord[]> {
    return live(() => this.recentForClient(clientId, limit));
  }
}
