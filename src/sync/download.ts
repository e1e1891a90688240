// The first download (or a re-download after the server forgot our cursor),
// from the snapshot: pages are fetched one ahead and stored as parts while
// the next ones arrive.
import { decodeSnapshotPage, snapshotEntityOf, type Change, type SnapshotWirePage } from '../protocol';
import type { SyncStep } from './sync-step';

export type InitialSyncProgress = (p: { received: number; total: number }) => void;

export interface DownloadOptions {
  /** This desk lost the last race for the download: leave another window's live one alone. */
  yieldToOthers: boolean;
  onProgress: InitialSyncProgress;
}

/**
 * Each kind of row is stored once the snapshot has moved past it, so every
 * bucket is written once, and the queue fills with tickets while their
 * history is still arriving. Resolves true if another window took the
 * download over (or finished it) and this one stopped.
 */
export async function download(step: SyncStep, options: DownloadOptions): Promise<boolean> {
  const store = step.store;
  const downloadId = crypto.randomUUID();
  const fetchPage = (after: string | null) => {
    const request = step.transport.get<SnapshotWirePage>(
      `/api/sync/snapshot?limit=${step.pageLimit}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    );
    request.catch(() => undefined); // awaited below, or dropped when the loop ends early
    return request;
  };
  let next = fetchPage(null);
  let cursor: number | null = null;
  let progress = { received: 0, total: 0 };
  let held: Change[][] = [];
  let first = true;
  // Parts are stored one after another while the pages keep coming: storing
  // 250,000 history events takes seconds, and the download need not wait.
  let storing: Promise<boolean> = Promise.resolve(true);
  let lost = false;
  for (;;) {
    const res = await next;
    // Asked for before anything else, so the server reads the next page while this one is checked, decoded and stored.
    if (res.ok && res.value.next && !lost) next = fetchPage(res.value.next);
    const page = decodeSnapshotPage(await step.ok(res));
    if (lost) break;
    cursor ??= page.cursor;
    progress = { received: progress.received + page.changes.length, total: page.total ?? progress.total };
    options.onProgress(progress);
    held.push(page.changes);
    // Rows of the kind still arriving wait for the rest of their kind. Kinds
    // arrive in order, so if the oldest held row is of that kind, all are.
    const arriving = page.next ? snapshotEntityOf(page.next) : null;
    if (arriving && held.find((p) => p.length > 0)?.[0]?.entity === arriving) continue;
    const all = held.flat();
    const ready = arriving ? all.filter((c) => c.entity !== arriving) : all;
    held = arriving ? [all.filter((c) => c.entity === arriving)] : [];
    if (ready.length === 0 && page.next) continue;
    const part = { downloadId, first, finalCursor: page.next ? null : cursor, yieldToOthers: options.yieldToOthers };
    first = false;
    storing = storing.then(async (ours) => {
      // Stale: another window finished the download, or took it over; leave it to that one.
      const applied = ours && (await store.applySnapshotPart(part, ready, step.now())).applied;
      lost ||= !applied;
      return applied;
    });
    storing.catch(() => undefined); // a failed part is rethrown below
    if (!page.next) break;
  }
  return !(await storing);
}
