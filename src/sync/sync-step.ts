// What push, download and pull share: the store, the server, the desk's clock,
// and one rule for every answer: a failure stops the sync as a SyncFailure
// (the engine turns it into status and, maybe, a retry), and a success also
// measures the server's clock.
import type { SyncStore } from '../data/sync-store';
import { PULL_LIMIT_MAX } from '../protocol';
import { serverClockNoter } from './clock';
import type { HttpTransport, TransportFailure, TransportResult } from './http-transport';

export class SyncFailure extends Error {
  constructor(readonly failure: TransportFailure) {
    super(failure.message);
  }
}

export interface SyncStep {
  readonly store: SyncStore;
  readonly transport: HttpTransport;
  /** This desk's clock: stamps what the store records, never orders anything. */
  readonly now: () => Date;
  /** Changes per pull or snapshot page. */
  readonly pageLimit: number;
  /** The answer's value, or a thrown SyncFailure. */
  ok<T>(res: TransportResult<T>): Promise<T>;
}

export function syncStep(store: SyncStore, transport: HttpTransport, now: () => Date, pullLimit: number | undefined): SyncStep {
  const noteClock = serverClockNoter(store);
  return {
    store,
    transport,
    now,
    pageLimit: Math.min(pullLimit ?? PULL_LIMIT_MAX, PULL_LIMIT_MAX),
    async ok<T>(res: TransportResult<T>): Promise<T> {
      if (!res.ok) throw new SyncFailure(res);
      await noteClock(res.serverDate, now());
      return res.value;
    },
  };
}
