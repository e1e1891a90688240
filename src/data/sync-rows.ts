// Rows the sync machinery keeps in the local store (Dexie schema v4).
import type { LocalMutation, MutationName, SyncedEntity, SyncedRow } from '../mutations';
import type { RejectionCode } from '../protocol/mutations';

/**
 * One intent mutation this device made and the server has not yet confirmed
 * and sent back. 'pending': not acknowledged. 'sent': the server applied it at
 * change `ackSeq`; it stays (and keeps being re-applied on top of pulled
 * state) until a complete pull has brought that change down.
 */
export type OutboxEntry = LocalMutation & {
  seq: number;
  status: 'pending' | 'sent';
  ackSeq: number | null;
  /** `entity:id` of the row the mutation changes; see mutationTarget. */
  target: string;
  /** `entity:id` of the other rows it changes (a definition's `also`); absent when none. */
  also?: string[];
};

/** Every row an outbox entry changes on the desk. */
export function entryTargets(e: Pick<OutboxEntry, 'target' | 'also'>): string[] {
  return e.also ? [e.target, ...e.also] : [e.target];
}

/** A mutation the server refused for good; shown to the person until dismissed. */
export interface RejectionRow {
  /** `deviceId:seq`: a device id changes only when the server forgot this device. */
  id: string;
  seq: number;
  name: MutationName;
  args: unknown;
  performedAt: string;
  code: RejectionCode | 'unsendable';
  reason: string;
  /** When this desk learned of the refusal (its own clock; display only). */
  at: string;
}

/** The server's last known copy of a row that pending mutations have changed locally (null: absent on the server). */
export interface ShadowRow {
  key: string;
  entity: SyncedEntity;
  data: SyncedRow | null;
}

export interface SyncState {
  /** Names this install's outbox to the server; made once, changed only if the server forgot it. */
  deviceId: string;
  /** The workspace whose rows this store holds; another workspace's session may not sync into it. */
  workspaceId: string | null;
  userId: string | null;
  /** Pull from here next; 0 downloads the whole workspace. */
  cursor: number;
  lastSyncedAt: string | null;
  nextSeq: number;
  /** Server clock minus this desk's clock, from the last response; null until the desk has talked to a server. */
  clockOffsetMs: number | null;
  /**
   * The first download under way (cursor still 0), written part by part: only
   * the window that started it adds to it, unless it has gone quiet. Absent in
   * states saved before downloads came in parts.
   */
  download?: { id: string; touchedAt: string } | null;
}

export const SYNC_STATE_KEY = 'syncState';

export function freshSyncState(): SyncState {
  return {
    deviceId: crypto.randomUUID(),
    workspaceId: null,
    userId: null,
    cursor: 0,
    lastSyncedAt: null,
    nextSeq: 1,
    clockOffsetMs: null,
    download: null,
  };
}

export const rowKey = (entity: string, id: string): string => `${entity}:${id}`;
