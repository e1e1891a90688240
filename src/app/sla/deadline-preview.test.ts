import { describe, expect, it } from 'vitest';
import { openedHistory } from '../../domain/sla-history';
import { previewDeadlines } from './deadline-preview';
import { ticketSlaOrReason } from './ticket-sla';

const at = '2026-03-02T15:00:00.000Z';
const now = Date.parse('2026-03-02T15:30:00.000Z');

describe('a ticket whose history names a priority its client has no target for', () => {
  // A four-tier priority on a five-priority client: the ticket view once crashed the whole console on it.
  const ticket = { sla: openedHistory(at, 'standard') };
  const client = { prioritySchemeId: 'five-priority' as const };

  it('has no SLA, and says why', () => {
    const r = ticketSlaOrReason(ticket, client, now);
    expect(r.sla).toBeNull();
    expect(r.reason).toMatch(/unknown priority/);
  });

  it('has no deadline preview for a status change', () => {
    expect(previewDeadlines(ticket, client, { status: 'open' }, now)).toBeNull();
  });

  it('still previews a known priority on a good history', () => {
    const preview = previewDeadlines({ sla: openedHistory(at, 'p3') }, client, { priority: 'p1' }, now);
    expect(preview?.map((c) => c.clock)).toEqual(['firstResponse', 'resolution']);
    expect(preview?.[0]?.after?.targetAtMs).toBeLessThan(preview![0]!.before!.targetAtMs);
  });
});
