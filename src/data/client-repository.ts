// Clients' service records on this desk: read live with their contacts, edited
// offline through the outbox (upsertClient), checked by the mutation's own
// schema before anything is written (the server checks again against its rows).
import { newClient, type Client } from '../domain/client';
import { can, forbiddenMessage } from '../domain/staff-permissions';
import type { ContactRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';
import { syncTables } from './local-rows';
import { loadSyncState, LocalMutationRefused, recordMutation } from './outbox';

export interface ClientsAndContacts {
  clients: Client[];
  contacts: ContactRecord[];
}

export class ClientRepository {
  constructor(private readonly db: SwitchboardDb) {}

  live(): Live<ClientsAndContacts> {
    return live(async () => {
      const [clients, contacts] = await Promise.all([this.db.clients.orderBy('name').toArray(), this.db.contacts.toArray()]);
      return { clients, contacts };
    });
  }

  /** A client not yet saved: one site (its main office), the scheme's preset, the standard terms. */
  draft(name = '', timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Chicago'): Client {
    return newClient({ id: newId(), name, timeZone, prioritySchemeId: 'four-tier' }, newId());
  }

  newSiteId(): string {
    return newId();
  }

  /** Creates or edits; throws LocalMutationRefused naming the rule (nothing written) when the record breaks one. */
  async save(client: Client, now: Date = new Date()): Promise<Client> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      // A desk that knows who is signed in refuses at once what the server would; one not signed in (local only) has no server to ask.
      const { userId } = await loadSyncState(this.db);
      const me = userId === null ? undefined : await this.db.staff.get(userId);
      if (me && !can(me.role, 'client.manage')) throw new LocalMutationRefused(forbiddenMessage(me.role, 'client.manage'));
      const recorded = await recordMutation(this.db, { name: 'upsertClient', args: client }, now);
      return recorded.row as Client;
    });
  }
}
