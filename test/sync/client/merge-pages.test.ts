import { describe, expect, it } from 'vitest';
import { mergePages } from '../../../src/sync/client/sync-engine';
import type { Change, PullResponse } from '../../../src/sync/protocol';

const change = (seq: number, id: string, title: string): Change => ({ seq, entity: 'ticket', id, op: 'upsert', data: { title } }) as unknown as Change;

describe('mergePages', () => {
  it('keeps every change in order, the last cursor, and the first page total', () => {
    const p1: PullResponse = { changes: [change(1, 'a', 'old'), change(2, 'b', 'b')], nextCursor: 2, hasMore: true, remaining: 2, total: 4 };
    const p2: PullResponse = { changes: [change(3, 'c', 'c'), change(4, 'a', 'new')], nextCursor: 4, hasMore: false, remaining: 0 };
    expect(mergePages([p1, p2])).toEqual({
      changes: [change(1, 'a', 'old'), change(2, 'b', 'b'), change(3, 'c', 'c'), change(4, 'a', 'new')],
      nextCursor: 4,
      hasMore: false,
      remaining: 0,
      total: 4,
    });
  });

  it('returns a single page unchanged', () => {
    const p: PullResponse = { changes: [change(1, 'a', 'a')], nextCursor: 1, hasMore: false, remaining: 0, total: 1 };
    expect(mergePages([p])).toBe(p);
  });
});
