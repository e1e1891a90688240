// Request types with lead times on this desk (docs/domain/lead-times.md): read
// for the New Ticket dialog and the Request types screen, edited offline through
// the outbox. The argument schema holds the domain's rules, so a bad type is
// refused here, naming the rule, before anything is written.
import { DEFAULT_REQUEST_TYPES } from '../domain/default-request-types';
import type { RequestTypeSpec } from '../domain/lead-times';
import type { RequestTypeRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';
import { syncTables } from './local-rows';
import { LocalMutationRefused, recordMutation } from './outbox';

const byPosition = (a: RequestTypeRecord, b: RequestTypeRecord) => a.position - b.position || a.name.localeCompare(b.name);

/** The guide's types for a store that has no server (local-only demo); a server gives each workspace its own. */
export function defaultRequestTypeRecords(): RequestTypeRecord[] {
  return DEFAULT_REQUEST_TYPES.map((t, i) => ({ id: newId(), ...t, position: (i + 1) * 10, archived: false }));
}

export class RequestTypeRepository {
  constructor(private readonly db: SwitchboardDb) {}

  /** Every type, archived ones included (a ticket may name one), in list order. */
  live(): Live<RequestTypeRecord[]> {
    return live(async () => (await this.db.requestTypes.toArray()).sort(byPosition));
  }

  /** Saves a new type (no id) or an edit; throws LocalMutationRefused naming the rule a bad type breaks. */
  async save(spec: RequestTypeSpec & { id?: string; position?: number }, now: Date = new Date()): Promise<RequestTypeRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      const position = spec.position ?? (await this.db.requestTypes.toArray()).reduce((max, t) => Math.max(max, t.position), 0) + 10;
      const args = {
        id: spec.id ?? newId(),
        name: spec.name,
        unit: spec.unit,
        minDays: spec.minDays,
        maxDays: spec.maxDays,
        parameter: spec.parameter === null ? null : { label: spec.parameter.label, bands: [...spec.parameter.bands] },
        note: spec.note,
        position,
      };
      const recorded = await recordMutation(this.db, { name: 'upsertRequestType', args }, now);
      return recorded.row as RequestTypeRecord;
    });
  }

  async setArchived(id: string, archived: boolean, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      if (!(await this.db.requestTypes.get(id)))
        throw new LocalMutationRefused(`Request type ${id} is not on this desk; sync and try again.`);
      await recordMutation(this.db, { name: 'archiveRequestType', args: { id, archived } }, now);
    });
  }
}
