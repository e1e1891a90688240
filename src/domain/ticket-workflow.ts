import type { TicketStatus } from './ticket';

// New (waiting on us) -> Open -> Awaiting your reply / On-Hold -> Closed.
// A customer reply moves Awaiting back to Open; a closed ticket may be reopened.
// The rules and where they come from: docs/domain/ticket-workflow.md.
const ALLOWED: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'awaiting_reply', 'on_hold', 'closed'],
  open: ['awaiting_reply', 'on_hold', 'closed'],
  awaiting_reply: ['open', 'on_hold', 'closed'],
  on_hold: ['open', 'awaiting_reply', 'closed'],
  closed: ['open'],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function nextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return ALLOWED[from];
}

/** Why a transition is refused, phrased for the person who asked for it. */
export function transitionError(from: TicketStatus, to: TicketStatus): string | null {
  if (from === to) return `The ticket is already ${to}.`;
  if (canTransition(from, to)) return null;
  return `A ticket cannot go from ${from} to ${to}; allowed next: ${ALLOWED[from].join(', ')}.`;
}
