// A client's contacts on this desk: added, changed and removed offline through
// the outbox, checked here before anything is written (the server checks again
// and stores its own reading of the numbers; docs/domain/contacts-and-approvals.md).
import { contactChangeProblem } from '../domain/contact-change-permission';
import { can, forbiddenMessage } from '../domain/staff-permissions';
import type { StaffMember } from '../domain/ticket';
import type { MutationArgs } from '../mutations';
import type { ContactRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { live, type Live } from './live';
import { syncTables } from './local-rows';
import { LocalMutationRefused, loadSyncState, recordMutation } from './outbox';

export class ContactRepository {
  constructor(private readonly db: SwitchboardDb) {}

  /** The client's contacts by name. */
  async forClient(clientId: string): Promise<ContactRecord[]> {
    const rows = await this.db.contacts.where('clientId').equals(clientId).toArray();
    return rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  liveForClient(clientId: string): Live<ContactRecord[]> {
    return live(() => this.forClient(clientId));
  }

  /** Adds or changes a contact; throws LocalMutationRefused (nothing written) for bad input or a role that may not. */
  async save(args: MutationArgs['upsertContact'], now: Date = new Date()): Promise<ContactRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      const me = await this.#me();
      const problem = contactChangeProblem(me.role, { existing: (await this.db.contacts.get(args.id)) !== undefined, role: args.role });
      if (problem) throw new LocalMutationRefused(problem, 'role');
      if (!(await this.db.clients.get(args.clientId)))
        throw new LocalMutationRefused(`Client ${args.clientId} is not on this desk; sync and try again.`, 'clientId');
      const recorded = await recordMutation(this.db, { name: 'upsertContact', args }, now);
      return recorded.row as ContactRecord;
    });
  }

  async remove(id: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#requireManager();
      if (!(await this.db.contacts.get(id)))
        throw new LocalMutationRefused(`Contact ${id} is not on this desk; it may already have been removed.`);
      await recordMutation(this.db, { name: 'deleteContact', args: { id } }, now);
    });
  }

  async #me(): Promise<StaffMember> {
    const { userId } = await loadSyncState(this.db);
    const me = userId === null ? undefined : await this.db.staff.get(userId);
    if (!me) throw new LocalMutationRefused('Sign in again: this desk does not know who you are, so it cannot change contacts for you.');
    return me;
  }

  async #requireManager(): Promise<void> {
    const me = await this.#me();
    if (!can(me.role, 'contact.manage')) throw new LocalMutationRefused(forbiddenMessage(me.role, 'contact.manage'));
  }
}
