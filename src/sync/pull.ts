// Pull: pages of changes from the store's cursor until caught up. A store
// without a cursor downloads the workspace first; a cursor the server no
// longer remembers back to means downloading it again, outbox kept.
import { decodePullPage, type PullPage } from '../protocol';
import { SyncFailure, type SyncStep } from './sync-step';

/** Pulls until caught up; `download` fills a store whose cursor is 0. */
export async function pullAll(step: SyncStep, download: () => Promise<void>): Promise<void> {
  const store = step.store;
  for (let resets = 0; ;) {
    if ((await store.state()).cursor === 0) await download();
    const from = (await store.state()).cursor;
    if (from === 0) {
      throw new SyncFailure({
        kind: 'server',
        status: 409,
        message: 'Another window of this console is downloading the workspace; this one follows when it has finished.',
      });
    }
    if (await pullFrom(step, from)) return;
    // The server no longer remembers deletes back to our cursor: download again, keeping the outbox.
    if (++resets > 2)
      throw new SyncFailure({
        kind: 'server',
        status: 409,
        message: 'The server keeps asking this desk to download the workspace again; sync paused. Tell your administrator.',
      });
    await store.requireRedownload();
  }
}

/** Pages from the cursor until caught up; false if the server wants a fresh download instead. */
async function pullFrom(step: SyncStep, from: number): Promise<boolean> {
  const store = step.store;
  for (let cursor = from, pages = 0; pages < 100_000; pages++) {
    const res = await step.transport.get<PullPage>(`/api/sync/pull?cursor=${cursor}&limit=${step.pageLimit}`);
    if (!res.ok && res.kind === 'reset_required') return false;
    const page = decodePullPage(await step.ok(res));
    const outcome = await store.applyPullPage(cursor, page, step.now());
    // Stale: another tab moved the cursor meanwhile; pull again from where it is now.
    cursor = outcome.applied ? page.nextCursor : (await store.state()).cursor;
    if (cursor === 0) return true;
    if (outcome.applied && !page.hasMore) return true;
  }
  return true;
}
