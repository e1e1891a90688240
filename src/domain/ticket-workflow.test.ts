import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from './ticket';
import { canTransition, closeError, reopenError, statusChangeError, transitionAction, transitionError } from './ticket-workflow';

// The transition table of docs/domain/ticket-workflow.md, cell for cell:
// rows are "from", columns New, Open, Awaiting your reply, On-Hold, Closed.
// '-' same status, 'no' refused, 'set' a status change, 'close' closing with a
// resolution note, 'reopen' reopening with a reason.
const TABLE: Record<TicketStatus, readonly string[]> = {
  new: ['-', 'set', 'set', 'set', 'close'],
  open: ['no', '-', 'set', 'set', 'close'],
  awaiting_reply: ['no', 'set', '-', 'set', 'close'],
  on_hold: ['no', 'set', 'set', '-', 'close'],
  closed: ['no', 'reopen', 'no', 'no', '-'],
};
const ACTIONS: Record<string, string | null> = { '-': null, no: null, set: 'set_status', close: 'close', reopen: 'reopen' };

const cells = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to, i) => [from, to, TABLE[from][i]!] as const));

describe('ticket status transitions (docs/domain/ticket-workflow.md)', () => {
  it('has a cell for every pair of statuses', () => {
    expect(cells).toHaveLength(25);
  });

  it.each(cells)('%s -> %s: %s', (from, to, cell) => {
    expect(canTransition(from, to)).toBe(cell !== '-' && cell !== 'no');
    expect(transitionAction(from, to)).toBe(ACTIONS[cell]);
  });

  it.each(cells)('a plain status change %s -> %s is refused unless the cell says "set"', (from, to, cell) => {
    expect(statusChangeError(from, to) === null).toBe(cell === 'set');
  });

  it('explains a refused transition with the allowed next statuses', () => {
    expect(transitionError('closed', 'on_hold')).toBe('A ticket cannot go from closed to on_hold; allowed next: open.');
    expect(transitionError('open', 'open')).toBe('The ticket is already open.');
    expect(transitionError('open', 'closed')).toBeNull();
  });

  it('points a status change to closed at closing with a note, and one from closed at reopening', () => {
    expect(statusChangeError('open', 'closed')).toMatch(/Close the ticket with a resolution note/);
    expect(statusChangeError('closed', 'open')).toMatch(/Reopen the ticket with a reason/);
  });

  it.each(TICKET_STATUSES)('closing from %s and reopening from it', (from) => {
    expect(closeError(from) === null).toBe(from !== 'closed');
    expect(reopenError(from) === null).toBe(from === 'closed');
  });

  it('says what to do instead of reopening a ticket that is not closed', () => {
    expect(reopenError('on_hold')).toBe(
      'Only a closed ticket can be reopened; this one is On-Hold. Add a note instead, or change its status.',
    );
  });
});
