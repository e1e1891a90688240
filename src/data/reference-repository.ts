import type { Client, StaffMember } from '../domain/ticket';
import type { SwitchboardDb } from './db';
import { live, type Live } from './live';

export interface ReferenceData {
  clients: Client[];
  staff: StaffMember[];
}

/** Clients and staff: small tables the queue joins against to show names offline. */
export class ReferenceRepository {
  constructor(private readonly db: SwitchboardDb) {}

  async putAll({ clients, staff }: ReferenceData): Promise<void> {
    await this.db.transaction('rw', this.db.clients, this.db.staff, async () => {
      await this.db.clients.bulkPut(clients);
      await this.db.staff.bulkPut(staff);
    });
  }

  live(): Live<ReferenceData> {
    return live(async () => {
      const [clients, staff] = await Promise.all([this.db.clients.orderBy('name').toArray(), this.db.staff.orderBy('name').toArray()]);
      return { clients, staff };
    });
  }
}
