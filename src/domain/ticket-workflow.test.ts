import { describe, expect, it } from 'vitest';
import { canTransition, transitionError } from './ticket-workflow';

// New -> Open -> Awaiting your reply / On-Hold -> Closed (docs/domain/ticket-workflow.md).
describe('ticket status transitions', () => {
  it.each([
    ['new', 'open', true],
    ['new', 'closed', true],
    ['open', 'awaiting_reply', true],
    ['open', 'on_hold', true],
    ['awaiting_reply', 'open', true],
    ['on_hold', 'open', true],
    ['open', 'closed', true],
    ['closed', 'open', true],
    ['closed', 'on_hold', false],
    ['closed', 'awaiting_reply', false],
    ['open', 'new', false],
    ['closed', 'new', false],
  ] as const)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('explains a refused transition with the allowed next statuses', () => {
    expect(transitionError('closed', 'on_hold')).toBe('A ticket cannot go from closed to on_hold; allowed next: open.');
    expect(transitionError('open', 'open')).toBe('The ticket is already open.');
    expect(transitionError('open', 'closed')).toBeNull();
  });
});
