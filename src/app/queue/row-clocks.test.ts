import { describe, expect, it } from 'vitest';
import { openedHistory } from '../../domain/sla-history';
import { clocksProblem, rowClocks, type ClockSource } from './row-clocks';

describe('a row whose client arrives after it', () => {
  // A download stores tickets before (or without) their client; the queue once kept "client unknown" for good.
  it('gets its clocks once the client is known, although the ticket itself did not change', () => {
    const ticket: Omit<ClockSource, 'prioritySchemeId'> = {
      id: '019a0000-0000-7000-8000-0000000000a1',
      sla: openedHistory('2026-03-02T15:00:00.000Z', 'high'),
      status: 'new',
      updatedAt: '2026-03-02T15:00:00.000Z',
    };
    expect(rowClocks({ ...ticket, prioritySchemeId: null })).toBeNull();
    expect(clocksProblem({ ...ticket, prioritySchemeId: null })).toMatch(/client is unknown/);
    const clocks = rowClocks({ ...ticket, prioritySchemeId: 'four-tier' });
    expect(clocks?.firstResponse).toBeTruthy();
    expect(clocksProblem({ ...ticket, prioritySchemeId: 'four-tier' })).toBeNull();
  });
});
