// The desk notes the server's clock on every response; reading the stored
// offset each time made every snapshot page wait for the part being stored.
import { describe, expect, it } from 'vitest';
import type { SyncState } from '../../src/data/sync-rows';
import { serverClockNoter } from '../../src/sync/clock';

describe('serverClockNoter', () => {
  it('reads the stored offset once, then writes only a move beyond the noise', async () => {
    let reads = 0;
    const writes: number[] = [];
    const note = serverClockNoter({
      state: async () => {
        reads++;
        return { clockOffsetMs: null } as SyncState;
      },
      setClockOffset: async (ms) => {
        writes.push(ms);
      },
    });
    const desk = new Date('2026-03-02T09:00:00.000Z');
    const dateHeader = (offsetMs: number) => new Date(desk.getTime() + offsetMs).toUTCString();
    for (const offset of [60_000, 61_000, 60_000, 59_000, -30_000, -30_000]) await note(dateHeader(offset), desk);
    expect({ reads, writes }).toEqual({ reads: 1, writes: [60_000, -30_000] });
  });
});
