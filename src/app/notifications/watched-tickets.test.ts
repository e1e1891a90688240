import { describe, expect, it } from 'vitest';
import { newClient } from '../../domain/client';
import { openedHistory } from '../../domain/sla-history';
import type { Client, Ticket } from '../../domain/ticket';
import type { EscalationRecord } from '../../protocol/records';
import { escalationsFor } from '../escalations/escalations-for';
import { watchedTickets } from './watched-tickets';

// Who is notified about a ticket (docs/domain/escalations-and-notifications.md).
const client: Client = newClient({ id: 'c1', name: 'Acme', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' }, 's1');
const me = { id: 'u-me', role: 'supervisor' as const };
const ticket = (id: string, patch: Partial<Ticket> = {}): Ticket => ({
  id,
  clientId: 'c1',
  title: `Ticket ${id}`,
  description: '',
  status: 'open',
  priority: 'high',
  channel: 'phone',
  assigneeId: null,
  openedAt: '2026-03-04T15:00:00.000Z',
  updatedAt: '2026-03-04T15:00:00.000Z',
  sla: openedHistory('2026-03-04T15:00:00.000Z', 'high'),
  ...patch,
});
const escalation = (ticketId: string, patch: Partial<EscalationRecord> = {}): EscalationRecord => ({
  id: `e-${ticketId}`,
  ticketId,
  level: 2,
  toRole: 'supervisor',
  reason: 'Waiting too long',
  escalatedBy: 'u-tech',
  escalatedAt: '2026-03-04T15:10:00.000Z',
  acknowledgedBy: null,
  acknowledgedAt: null,
  ...patch,
});

describe('watched tickets', () => {
  it.each([
    ['assigned to me', ticket('t1', { assigneeId: 'u-me' }), [], true],
    ['assigned to someone else', ticket('t1', { assigneeId: 'u-other' }), [], false],
    ['escalated to my role', ticket('t1'), [escalation('t1')], true],
    ['escalated to another role', ticket('t1'), [escalation('t1', { level: 1, toRole: 'service_coordinator' })], false],
    ['closed, though assigned to me', ticket('t1', { assigneeId: 'u-me', status: 'closed' }), [], false],
    ['of a client this desk does not know', ticket('t1', { assigneeId: 'u-me', clientId: 'c-gone' }), [], false],
  ] as const)('a ticket %s: watched %s', (_, t, open, watched) => {
    const result = watchedTickets([t], open, me, new Map([[client.id, client]]), Date.parse('2026-03-04T16:00:00Z'));
    expect(result.map((w) => w.ticketId)).toEqual(watched ? ['t1'] : []);
  });

  it('carries the priority rank and the clocks its contract sets (High: first response only)', () => {
    const [w] = watchedTickets(
      [ticket('t1', { assigneeId: 'u-me' })],
      [],
      me,
      new Map([[client.id, client]]),
      Date.parse('2026-03-04T16:00:00Z'),
    );
    expect({ rank: w?.priorityRank, clocks: w?.clocks.map((c) => c.clock) }).toEqual({ rank: 2, clocks: ['firstResponse'] });
  });
});

describe('escalations a person acknowledges', () => {
  const open = [
    escalation('t1'),
    escalation('t2', { level: 1, toRole: 'service_coordinator' }),
    escalation('t3', { acknowledgedAt: '2026-03-04T16:00:00.000Z' }),
  ];
  it.each([
    ['supervisor', ['t1']],
    ['service_coordinator', ['t2']],
    ['admin', ['t1', 't2']],
    ['technician', []],
    [undefined, []],
  ] as const)('%s sees %j', (role, ticketIds) => {
    expect(escalationsFor(role, open).map((e) => e.ticketId)).toEqual(ticketIds);
  });
});
