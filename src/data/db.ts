import Dexie, { type EntityTable } from 'dexie';
import type { Client, StaffMember, Ticket } from '../domain/ticket';

export interface MetaRow {
  key: string;
  value: unknown;
}

export type SwitchboardDb = Dexie & {
  tickets: EntityTable<Ticket, 'id'>;
  clients: EntityTable<Client, 'id'>;
  staff: EntityTable<StaffMember, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DEFAULT_DB_NAME = 'switchboard';

/**
 * Schema history. Never edit a shipped version: add a new one, with an
 * upgrade that carries every existing row forward (tested in db-upgrade.test).
 */
export function declareSchema(db: Dexie): void {
  // v1: the first local queue, tickets only.
  db.version(1).stores({
    tickets: 'id, clientId, status, priority, assigneeId, openedAt, updatedAt',
  });
  // v2: clients and staff become local reference data, so the queue can show
  // names offline; tickets gain a channel (seed 002) — v1 tickets were all
  // logged by phone intake, so that is what they are backfilled with.
  db.version(2)
    .stores({
      tickets: 'id, clientId, status, priority, assigneeId, openedAt, updatedAt, [assigneeId+status]',
      clients: 'id, name',
      staff: 'id, name',
      meta: 'key',
    })
    .upgrade((tx) =>
      tx
        .table('tickets')
        .toCollection()
        .modify((t: Partial<Ticket>) => {
          t.channel ??= 'phone';
          t.description ??= '';
          t.assigneeId ??= null;
        }),
    );
}

export function openDb(name: string = DEFAULT_DB_NAME): SwitchboardDb {
  // Strict durability: a ticket a technician saved must survive a crash or
  // power loss before the next sync, so Chromium must flush before success.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SwitchboardDb;
  declareSchema(db);
  return db;
}
