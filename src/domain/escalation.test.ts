import { describe, expect, it } from 'vitest';
import { acknowledgeError, nextEscalation } from './escalation';
import type { StaffRole, TicketStatus } from './ticket';

// Service Coordinator -> Help Desk Supervisor -> Site Director, from an active ticket only
// (docs/domain/escalations-and-notifications.md).
describe('the next escalation step', () => {
  it.each([
    ['new', [], 1, 'service_coordinator'],
    ['open', [], 1, 'service_coordinator'],
    ['awaiting_reply', [1], 2, 'supervisor'],
    ['on_hold', [1, 2], 3, 'site_director'],
    // The step follows the highest one reached, whatever order the rows came in.
    ['open', [2, 1], 3, 'site_director'],
  ] as const)('a %s ticket escalated to levels %j goes to level %i (%s)', (status, levels, level, toRole) => {
    expect(
      nextEscalation(
        { status },
        levels.map((l) => ({ level: l })),
      ),
    ).toEqual({ ok: true, level, toRole });
  });

  it.each([
    ['closed', [], 'closed', 'Reopen the ticket first'],
    ['closed', [1], 'closed', 'Reopen the ticket first'],
    ['open', [1, 2, 3], 'last_step', 'follow it up with them directly'],
    ['on_hold', [3], 'last_step', 'Site Director'],
  ] as const)('a %s ticket escalated to levels %j is refused (%s)', (status: TicketStatus, levels, refusal, says) => {
    const next = nextEscalation(
      { status },
      levels.map((l) => ({ level: l })),
    );
    expect(next).toMatchObject({ ok: false, refusal });
    expect(next.ok ? '' : next.message).toContain(says);
  });
});

describe('who may acknowledge', () => {
  it.each([
    ['service_coordinator', 'service_coordinator', null],
    ['admin', 'site_director', null],
    ['technician', 'service_coordinator', 'Only the Service Coordinator'],
    ['supervisor', 'service_coordinator', 'Only the Service Coordinator'],
    ['service_coordinator', 'supervisor', 'Only the Help Desk Supervisor'],
  ] as const)('%s acknowledging an escalation to %s', (role: StaffRole, toRole, says) => {
    const error = acknowledgeError(role, { toRole, acknowledgedAt: null });
    expect(error ?? 'allowed').toContain(says ?? 'allowed');
  });

  it('an acknowledged escalation is not acknowledged twice', () => {
    expect(acknowledgeError('supervisor', { toRole: 'supervisor', acknowledgedAt: '2026-03-02T15:00:00.000Z' })).toContain('already');
  });
});
