// The desk measures how far its clock is from the server's on every response,
// so the outbox can refuse a change the server would refuse for its stamp
// (the rule itself: src/protocol/clock.ts).
import type { SyncStore } from '../data/sync-store';

/** Below this, a new measurement is the Date header's 1 s resolution and the round trip, not a changed clock. */
const MAX_CLOCK_NOISE_MS = 2000;

/** Server minus desk clock from an HTTP Date header (1 s resolution, plenty against 5 minutes). */
export function offsetFromDateHeader(header: string | null, deskNow: Date): number | null {
  if (!header) return null;
  const server = Date.parse(header);
  return Number.isNaN(server) ? null : server - deskNow.getTime();
}

export type ClockNoter = (dateHeader: string | null, deskNow: Date) => Promise<void>;

/**
 * Keeps the store's offset up to date, writing only when it moved beyond the
 * noise. The stored offset is read once, then remembered: read on every
 * response, it waited behind each snapshot part being stored (a second or
 * more for 250,000 history events) and stalled the download's next request.
 */
export function serverClockNoter(store: Pick<SyncStore, 'state' | 'setClockOffset'>): ClockNoter {
  let known: number | null | undefined;
  return async (dateHeader, deskNow) => {
    const offset = offsetFromDateHeader(dateHeader, deskNow);
    if (offset === null) return;
    known ??= (await store.state()).clockOffsetMs;
    if (known !== null && Math.abs(known - offset) <= MAX_CLOCK_NOISE_MS) return;
    await store.setClockOffset(offset);
    known = offset;
  };
}
