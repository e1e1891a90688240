// The local store as the sync engine sees it. Every method that writes, or
// reads more than one table, is one Dexie transaction, so a crash between any
// two leaves a state the next run resumes from, and another tab of the same
// desk is never seen half-way. The rest are one read or one write each,
// atomic by themselves: pendingCount, dismissRejection, and the live queries
// (livePending, liveNewestSeq, liveRejections), which Dexie re-runs on change.
import type { Client, StaffMember, Ticket } from '../domain/ticket';
import type { Change, ContactRecord, NoteRecord, PullResponse } from '../protocol';
import type { Mutation, PushResult } from '../protocol/mutations';
import type { SyncedEntity, SyncedRow } from '../mutations';
import type { SwitchboardDb } from './db';
import { allRecords } from './record-buckets';
import { live, type Live } from './live';
import { syncTables, writeRows, type RowWrite, type TimelineOption } from './local-rows';
import { loadSyncState, rebase, recordMutation, saveSyncState, type MutationInput, type Recorded } from './outbox';
import { entryTargets, rowKey, SYNC_STATE_KEY, type OutboxEntry, type RejectionRow, type SyncState } from './sync-rows';
import type { TicketBucket } from './ticket-buckets';
import { applyReferenceChanges, clearServerState } from './sync-reference';
import { rebuildTimelineIndex } from './timeline-index';

export interface PushOutcome {
  /** The server wants this sequence next and the outbox was adjusted; push again. */
  retry: boolean;
  rejected: number;
}

/** Another window's download that has not stored a part for this long is taken to have stopped. */
export const DOWNLOAD_QUIET_MS = 60_000;

export interface SnapshotPart {
  downloadId: string;
  first: boolean;
  /** The cursor to pull from once this, the last part, is stored; null for the parts before it. */
  finalCursor: number | null;
  /** This desk already lost a race for the download: leave a live one alone. */
  yieldToOthers: boolean;
}

export type PageOutcome = { applied: true; count: number } | { applied: false; reason: 'stale' };

export interface LocalSnapshot {
  tickets: Ticket[];
  clients: Client[];
  staff: StaffMember[];
  contacts: ContactRecord[];
  notes: NoteRecord[];
  outbox: OutboxEntry[];
  rejections: RejectionRow[];
}

export class SyncStore {
  constructor(
    private readonly db: SwitchboardDb,
    /** Tells the ticket cache (and other tabs) which buckets a sync transaction rewrote. */
    private readonly onBuckets: (buckets: readonly TicketBucket[]) => void,
  ) {}

  state(): Promise<SyncState> {
    return this.db.transaction('rw', this.db.meta, () => loadSyncState(this.db));
  }

  /** When this store last synced, as stored; a plain read, so it neither creates the state nor waits on a writer. */
  async lastSyncedAt(): Promise<string | null> {
    const row = await this.db.meta.get(SYNC_STATE_KEY);
    return (row?.value as SyncState | undefined)?.lastSyncedAt ?? null;
  }

  private async update<T>(work: (state: SyncState) => Promise<{ state?: SyncState; buckets?: TicketBucket[]; value: T }>): Promise<T> {
    const out = await this.db.transaction('rw', syncTables(this.db), async () => {
      const result = await work(await loadSyncState(this.db));
      if (result.state) await saveSyncState(this.db, result.state);
      return result;
    });
    if (out.buckets) this.onBuckets(out.buckets);
    return out.value;
  }

  /** Any mutation, written with its outbox entry (the repositories use this for tickets). */
  async perform(input: MutationInput, now: Date): Promise<Recorded> {
    return this.update(async () => {
      const recorded = await recordMutation(this.db, input, now);
      return { buckets: recorded.buckets, value: recorded };
    });
  }

  /** Binds the store to the signed-in workspace; false if it already holds another workspace's rows. */
  bindSession(workspaceId: string, userId: string): Promise<boolean> {
    return this.update(async (state) => {
      if (state.workspaceId !== null && state.workspaceId !== workspaceId) return { value: false };
      return { state: { ...state, workspaceId, userId }, value: true };
    });
  }

  setClockOffset(ms: number): Promise<void> {
    return this.update(async (state) => ({ state: { ...state, clockOffsetMs: ms }, value: undefined }));
  }

  /**
   * The oldest unacknowledged mutations, as the server wants them. One
   * transaction: another tab may give the outbox a new device id and new
   * numbers, and the old id on the new numbers would name changes the server
   * already has. ('rw': the first read of the state creates it.)
   */
  pendingBatch(limit: number): Promise<Mutation[]> {
    return this.db.transaction('rw', [this.db.meta, this.db.outbox], async () => {
      const state = await loadSyncState(this.db);
      const entries = await this.db.outbox.where('status').equals('pending').sortBy('seq');
      return entries
        .slice(0, limit)
        .map(({ name, args, performedAt, seq }) => ({ clientId: state.deviceId, seq, name, args, performedAt }) as Mutation);
    });
  }

  /** Records the server's answers; a refusal leaves the outbox and its effect is undone at once. */
  applyPushResults(results: readonly PushResult[], at: Date): Promise<PushOutcome> {
    return this.update(async (state) => {
      const touched = new Set<string>();
      let retry = false;
      let rejected = 0;
      for (const r of results) {
        // Answers for a device id this store no longer uses (re-identified meanwhile) are not ours to apply.
        if (r.clientId !== state.deviceId) continue;
        const entry = await this.db.outbox.get(r.seq);
        if (r.status === 'applied') {
          if (entry?.status === 'pending') await this.db.outbox.put({ ...entry, status: 'sent', ackSeq: r.changeSeq });
        } else if (r.status === 'rejected') {
          rejected++;
          if (entry) {
            await this.db.outbox.delete(r.seq);
            for (const key of entryTargets(entry)) touched.add(key);
            await this.db.rejections.put(rejection(state.deviceId, entry, r.code, r.message, at));
          }
        } else {
          retry = true;
          state = await this.repairGap(state, r.expectedSeq, touched);
        }
      }
      const buckets = await rebase(this.db, touched, state.userId);
      return { state, buckets, value: { retry, rejected } };
    });
  }

  /**
   * The server expects `expected` before our oldest entry. If we still hold it,
   * send from there again; if not, the server forgot this device (its database
   * was replaced): take a new device id and renumber the outbox from 1, so
   * nothing we still hold is lost.
   */
  private async repairGap(state: SyncState, expected: number, touched: Set<string>): Promise<SyncState> {
    const entries = await this.db.outbox.orderBy('seq').toArray();
    if (entries.some((e) => e.seq === expected)) {
      for (const e of entries)
        if (e.seq >= expected && e.status !== 'pending') await this.db.outbox.put({ ...e, status: 'pending', ackSeq: null });
      return state;
    }
    await this.db.outbox.clear();
    await this.db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, seq: i + 1, status: 'pending' as const, ackSeq: null })));
    for (const e of entries) for (const key of entryTargets(e)) touched.add(key);
    return { ...state, deviceId: crypto.randomUUID(), nextSeq: entries.length + 1 };
  }

  /**
   * The server says `deviceId` belongs to another person: someone else synced
   * from this console first. Takes a new device id and renumbers the outbox
   * from 1; nothing is lost. Not while entries the server applied under the
   * old id wait for a pull to bring them back: renumbered, they would be sent,
   * and applied, again. True when the outbox may be pushed again now.
   */
  leaveDevice(deviceId: string): Promise<boolean> {
    return this.update(async (state) => {
      // Another tab has already moved on.
      if (state.deviceId !== deviceId) return { value: true };
      const entries = await this.db.outbox.orderBy('seq').toArray();
      if (entries.some((e) => e.status === 'sent')) return { value: false };
      await this.db.outbox.clear();
      await this.db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, seq: i + 1 })));
      return { state: { ...state, deviceId: crypto.randomUUID(), nextSeq: entries.length + 1 }, value: true };
    });
  }

  /** A mutation the server could never accept (it refused the request as malformed): drop it and close the gap. */
  dropUnsendable(seq: number, reason: string, at: Date): Promise<void> {
    return this.update(async (state) => {
      const entries = await this.db.outbox.orderBy('seq').toArray();
      const bad = entries.find((e) => e.seq === seq);
      if (!bad) return { value: undefined };
      await this.db.rejections.put(rejection(state.deviceId, bad, 'unsendable', reason, at));
      // The server never recorded it, so the ones after it move down one to keep the sequence gap-free.
      const later = entries.filter((e) => e.seq > seq);
      await this.db.outbox.bulkDelete([seq, ...later.map((e) => e.seq)]);
      await this.db.outbox.bulkAdd(later.map((e) => ({ ...e, seq: e.seq - 1 })));
      const buckets = await rebase(this.db, entryTargets(bad), state.userId);
      return { state: { ...state, nextSeq: state.nextSeq - 1 }, buckets, value: undefined };
    });
  }

  /**
   * One pulled page in one transaction. A page pulled from a cursor the store
   * has since moved past (another tab got there first) is stale and ignored.
   */
  applyPullPage(fromCursor: number, page: PullResponse, at: Date): Promise<PageOutcome> {
    return this.update<PageOutcome>(async (state) => {
      if (state.cursor !== fromCursor) return { value: { applied: false, reason: 'stale' } };
      const touched = new Set<string>();
      const next: SyncState = { ...state, cursor: page.nextCursor, download: null };
      if (!page.hasMore) {
        // Caught up: everything the server acknowledged up to the cursor is in the pulled rows now.
        for (const e of await this.db.outbox.where('status').equals('sent').toArray()) {
          if (e.ackSeq !== null && e.ackSeq <= page.nextCursor) {
            await this.db.outbox.delete(e.seq);
            for (const key of entryTargets(e)) touched.add(key);
          }
        }
        next.lastSyncedAt = at.toISOString();
      }
      // A pull from 0 replaces what the store held.
      const buckets = await this.storeServerChanges(page.changes, fromCursor === 0, touched, state.userId);
      return { state: next, buckets, value: { applied: true, count: page.changes.length } };
    });
  }

  /**
   * Part of the first download (a snapshot), in one transaction: the first part
   * replaces what the store held, each later one adds to it, and the last sets
   * the cursor to pull from. Until then the cursor stays 0, so a download cut
   * short starts over. A first part takes the store over from any other
   * download (one cut short by a crash never blocks the next), unless it is
   * asked to yield to one that stored a part in the last minute; a later part
   * is stale once another download has taken over, or the store has a cursor.
   */
  applySnapshotPart(part: SnapshotPart, changes: readonly Change[], at: Date): Promise<PageOutcome> {
    return this.update<PageOutcome>(async (state) => {
      const stale = { value: { applied: false, reason: 'stale' } } as const;
      if (state.cursor !== 0) return stale;
      const owner = state.download ?? null;
      if (!part.first && owner?.id !== part.downloadId) return stale;
      if (
        part.first &&
        owner &&
        owner.id !== part.downloadId &&
        part.yieldToOthers &&
        at.getTime() - Date.parse(owner.touchedAt) < DOWNLOAD_QUIET_MS
      )
        return stale;
      const buckets = await this.storeServerChanges(changes, part.first, new Set(), state.userId, { deferTimeline: true });
      if (part.finalCursor !== null) await rebuildTimelineIndex(this.db);
      const download = part.finalCursor === null ? { id: part.downloadId, touchedAt: at.toISOString() } : null;
      const next: SyncState = { ...state, cursor: part.finalCursor ?? 0, download };
      return { state: next, buckets, value: { applied: true, count: changes.length } };
    });
  }

  /**
   * Stores pulled rows (after dropping every server row, if `replace`), then
   * re-applies the pending mutations on the rows in `touched` and on those the
   * pulled rows reach under a pending mutation. Returns the rewritten ticket buckets.
   */
  private async storeServerChanges(
    changes: readonly Change[],
    replace: boolean,
    touched: Set<string>,
    userId: string | null,
    options: TimelineOption = {},
  ): Promise<TicketBucket[]> {
    if (replace) {
      await clearServerState(this.db);
      for (const e of await this.db.outbox.toArray()) for (const key of entryTargets(e)) touched.add(key);
    }
    const rows = await this.routeChanges(changes, touched, options);
    return [...(await writeRows(this.db, rows, options)), ...(await rebase(this.db, touched, userId))];
  }

  /**
   * Stores server rows that only the server writes, and returns the rows the
   * desk edits. A row under a pending mutation is not overwritten: its server
   * copy goes to the shadow and the row is rebuilt from it (added to `touched`).
   */
  private async routeChanges(changes: readonly Change[], touched: Set<string>, options: TimelineOption): Promise<RowWrite[]> {
    const shadowed = new Set((await this.db.shadows.toCollection().primaryKeys()) as string[]);
    const rows: RowWrite[] = [];
    const reference: Change[] = [];
    for (const c of changes) {
      if (
        c.entity !== 'ticket' &&
        c.entity !== 'contact' &&
        c.entity !== 'note' &&
        c.entity !== 'time_entry' &&
        c.entity !== 'escalation' &&
        c.entity !== 'request_type' &&
        c.entity !== 'client' &&
        c.entity !== 'approval_request' &&
        c.entity !== 'call' &&
        c.entity !== 'callback' &&
        c.entity !== 'visit'
      ) {
        reference.push(c);
        continue;
      }
      const key = rowKey(c.entity, c.id);
      const data = c.data as SyncedRow | null;
      if (shadowed.has(key)) {
        await this.db.shadows.put({ key, entity: c.entity as SyncedEntity, data });
        touched.add(key);
      } else rows.push({ entity: c.entity, id: c.id, data });
    }
    await applyReferenceChanges(this.db, reference, options);
    return rows;
  }

  /** The server cannot continue from our cursor: download again from 0, keeping the outbox. */
  requireRedownload(): Promise<void> {
    return this.update(async (state) => {
      // What the server acknowledged is in the download if the server still has it; drop it once that completes.
      for (const e of await this.db.outbox.where('status').equals('sent').toArray()) await this.db.outbox.put({ ...e, ackSeq: 0 });
      return { state: { ...state, cursor: 0, download: null }, value: undefined };
    });
  }

  async pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  livePending(): Live<number> {
    return live(() => this.db.outbox.count());
  }

  /**
   * The newest outbox sequence: it rises with every local change, even when the
   * count does not (a new change landing as an older one leaves), so the engine
   * pushes on it rather than on the count.
   */
  liveNewestSeq(): Live<number> {
    return live(async () => ((await this.db.outbox.orderBy('seq').lastKey()) as number | undefined) ?? 0);
  }

  liveRejections(): Live<RejectionRow[]> {
    return live(() => this.db.rejections.toArray());
  }

  async dismissRejection(id: string): Promise<void> {
    await this.db.rejections.delete(id);
  }

  /** For tests and diagnostics. */
  async snapshot(): Promise<LocalSnapshot> {
    return this.db.transaction('r', syncTables(this.db), async () => ({
      tickets: (await this.db.ticketBuckets.toArray()).flatMap((b) => b.tickets),
      clients: await this.db.clients.toArray(),
      staff: await this.db.staff.toArray(),
      contacts: await this.db.contacts.toArray(),
      notes: await allRecords(this.db.noteBuckets),
      outbox: await this.db.outbox.orderBy('seq').toArray(),
      rejections: await this.db.rejections.toArray(),
    }));
  }
}

function rejection(deviceId: string, e: OutboxEntry, code: RejectionRow['code'], reason: string, at: Date): RejectionRow {
  return {
    id: `${deviceId}:${e.seq}`,
    seq: e.seq,
    name: e.name,
    args: e.args,
    performedAt: e.performedAt,
    code,
    reason,
    at: at.toISOString(),
  };
}
