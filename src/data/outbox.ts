// The outbox write path and the rebase. Both run inside a caller's Dexie
// transaction over syncTables(db), so a local change and its outbox entry (or a
// pulled page and the re-application of pending mutations) commit together.
import { mutationEffects, parseMutationArgs, type LocalMutation, type MutationArgs, type MutationName, type SyncedRow } from '../mutations';
import { clockAheadError } from '../protocol/clock';
import type { SwitchboardDb } from './db';
import { readRow, writeRows, type RowWrite } from './local-rows';
import { entryTargets, freshSyncState, rowKey, SYNC_STATE_KEY, type OutboxEntry, type SyncState } from './sync-rows';
import type { TicketBucket } from './ticket-buckets';

/** A change the desk refuses before writing anything; `message` is for the person. */
export class LocalMutationRefused extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function loadSyncState(db: SwitchboardDb): Promise<SyncState> {
  const row = await db.meta.get(SYNC_STATE_KEY);
  if (row) return row.value as SyncState;
  // Made once per install, inside whichever transaction first needs it.
  const state = freshSyncState();
  await db.meta.put({ key: SYNC_STATE_KEY, value: state });
  return state;
}

export async function saveSyncState(db: SwitchboardDb, state: SyncState): Promise<void> {
  await db.meta.put({ key: SYNC_STATE_KEY, value: state });
}

/** A mutation as the desk asks for it, before it has a sequence number or a time. */
export type MutationInput = { [N in MutationName]: { name: N; args: MutationArgs[N] } }[MutationName];

export interface Recorded {
  row: SyncedRow | null;
  entry: OutboxEntry;
  buckets: TicketBucket[];
}

/**
 * Applies a mutation to the local row and appends it to the outbox. Call inside
 * db.transaction('rw', syncTables(db), ...). Args are checked with the protocol's
 * own schema: a malformed entry would make the server refuse every push after it.
 */
export async function recordMutation(db: SwitchboardDb, input: MutationInput, now: Date): Promise<Recorded> {
  const { name } = input;
  const parsed = parseMutationArgs(name, input.args);
  if (!parsed.ok) throw new LocalMutationRefused(`${parsed.field ? `${parsed.field}: ` : ''}${parsed.message}`, parsed.field || undefined);
  const state = await loadSyncState(db);
  const clock = clockAheadError(now, state.clockOffsetMs);
  if (clock) throw new LocalMutationRefused(clock);
  const m = { name, args: parsed.args, performedAt: now.toISOString() } as LocalMutation;
  const effects = mutationEffects(m, { actorId: state.userId });
  const writes: RowWrite[] = [];
  for (const effect of effects) {
    const key = rowKey(effect.ref.entity, effect.ref.id);
    const current = await readRow(db, effect.ref);
    // No shadow means no pending mutation touches this row, so the local row is the server's copy.
    if (!(await db.shadows.get(key))) await db.shadows.put({ key, entity: effect.ref.entity, data: current });
    writes.push({ ...effect.ref, data: effect.apply(current) });
  }
  const buckets = await writeRows(db, writes);
  const [target, ...also] = effects.map((e) => rowKey(e.ref.entity, e.ref.id));
  const entry: OutboxEntry = {
    ...m,
    seq: state.nextSeq,
    status: 'pending',
    ackSeq: null,
    target: target!,
    ...(also.length ? { also } : {}),
  };
  await db.outbox.add(entry);
  await saveSyncState(db, { ...state, nextSeq: state.nextSeq + 1 });
  return { row: writes[0]!.data, entry, buckets };
}

/**
 * Re-derives each shadowed row in `keys` from the server's copy plus the
 * outbox entries still on it, in sequence order; a row no entry touches any
 * more goes back to the server's copy and loses its shadow. Returns the buckets written.
 */
export async function rebase(db: SwitchboardDb, keys: Iterable<string>, actorId: string | null): Promise<TicketBucket[]> {
  const wanted = new Set(keys);
  if (wanted.size === 0) return [];
  const byTarget = new Map<string, OutboxEntry[]>();
  for (const e of await db.outbox.orderBy('seq').toArray()) {
    for (const key of entryTargets(e)) {
      if (!wanted.has(key)) continue;
      const list = byTarget.get(key);
      if (list) list.push(e);
      else byTarget.set(key, [e]);
    }
  }
  const shadows = await db.shadows.bulkGet([...wanted]);
  const writes: RowWrite[] = [];
  for (const shadow of shadows) {
    if (!shadow) continue;
    const entries = byTarget.get(shadow.key) ?? [];
    let row = shadow.data;
    for (const e of entries) {
      const effect = mutationEffects(e, { actorId }).find((x) => rowKey(x.ref.entity, x.ref.id) === shadow.key);
      if (effect) row = effect.apply(row);
    }
    writes.push({ entity: shadow.entity, id: shadow.key.slice(shadow.entity.length + 1), data: row });
    if (entries.length === 0) await db.shadows.delete(shadow.key);
  }
  return writeRows(db, writes);
}
