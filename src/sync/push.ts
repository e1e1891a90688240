// Push: the outbox leaves in order, in batches, and the server's answer for
// each entry is recorded. A batch the server refuses as a whole is narrowed
// down until the one entry it cannot take is found and set aside.
import { PUSH_BATCH_MAX, type PushResponse } from '../protocol/mutations';
import { SyncFailure, type SyncStep } from './sync-step';

/** Pushes until the outbox holds nothing unsent. */
export async function pushAll(step: SyncStep, batchSize: number | undefined): Promise<void> {
  const store = step.store;
  let size = Math.min(batchSize ?? PUSH_BATCH_MAX, PUSH_BATCH_MAX);
  for (let gaps = 0; ;) {
    const batch = await store.pendingBatch(size);
    if (batch.length === 0) return;
    const res = await step.transport.post<PushResponse>('/api/sync/push', { mutations: batch });
    if (!res.ok && res.kind === 'invalid' && res.code === 'payload_too_large' && size > 1) {
      size = Math.ceil(size / 2);
      continue;
    }
    if (!res.ok && res.kind === 'invalid' && res.code === 'invalid_request') {
      // One malformed entry fails the whole batch: find it alone, then set it aside.
      if (batch.length > 1) size = 1;
      else await store.dropUnsendable(batch[0]!.seq, `The server cannot accept this change: ${res.message}`, step.now());
      continue;
    }
    if (!res.ok && res.kind === 'invalid' && res.code === 'device_in_use') {
      // The device id is someone else's (they synced from this console first): carry on under a new one,
      // once what the server applied under the old one has come back with a pull.
      if (!(await store.leaveDevice(batch[0]!.clientId))) return;
      if (++gaps > 3) throw new SyncFailure({ kind: 'server', status: 403, message: res.message });
      continue;
    }
    const outcome = await store.applyPushResults((await step.ok(res)).results, step.now());
    if (outcome.retry && ++gaps > 3)
      throw new SyncFailure({
        kind: 'server',
        status: 409,
        message: 'The server keeps asking for changes this desk no longer has; sync paused. Tell your administrator.',
      });
  }
}
