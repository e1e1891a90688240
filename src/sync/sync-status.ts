// What the console shows about sync, as one observable value.
export interface RejectedMutation {
  id: string;
  seq: number;
  name: string;
  reason: string;
  at: string;
}

export interface SyncStatus {
  /** 'upgrade-required': the server speaks another protocol version; `error` says which side to update. */
  connection: 'online' | 'offline' | 'connecting' | 'signed-out' | 'upgrade-required';
  /** Outbox entries not yet confirmed and pulled back. */
  pending: number;
  lastSyncedAt: string | null;
  /** Set while a full download runs, for the progress bar. */
  initialSync: { received: number; total: number } | null;
  rejected: RejectedMutation[];
  /** The last problem, phrased for the person; null when sync is healthy. */
  error: string | null;
}

export const INITIAL_STATUS: SyncStatus = {
  connection: 'connecting',
  pending: 0,
  lastSyncedAt: null,
  initialSync: null,
  rejected: [],
  error: null,
};

export class StatusCell {
  private value: SyncStatus = INITIAL_STATUS;
  private readonly listeners = new Set<(s: SyncStatus) => void>();

  get(): SyncStatus {
    return this.value;
  }

  set(patch: Partial<SyncStatus>): void {
    const next = { ...this.value, ...patch };
    if ((Object.keys(patch) as (keyof SyncStatus)[]).every((k) => next[k] === this.value[k])) return;
    this.value = next;
    for (const l of this.listeners) l(next);
  }

  /** Calls `listener` now and on every change; useSyncExternalStore-friendly. */
  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.value);
    return () => this.listeners.delete(listener);
  }
}
