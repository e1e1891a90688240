import { STATUS_LABELS, type TicketStatus } from './ticket';

// New (waiting on us) -> Open -> Awaiting your reply / On-Hold -> Closed.
// The one table of allowed transitions, and how each is made: closing needs a
// resolution note and reopening a reason, so those two are actions of their
// own (closeTicket, reopenTicket), never a plain status change.
// The rules and where they come from: docs/domain/ticket-workflow.md.
const ALLOWED: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'awaiting_reply', 'on_hold', 'closed'],
  open: ['awaiting_reply', 'on_hold', 'closed'],
  awaiting_reply: ['open', 'on_hold', 'closed'],
  on_hold: ['open', 'awaiting_reply', 'closed'],
  closed: ['open'],
};

/** How a transition is made: a status change, closing with a resolution note, or reopening with a reason. */
export type TransitionAction = 'set_status' | 'close' | 'reopen';

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function nextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return ALLOWED[from];
}

/** The action that makes an allowed transition; null when it is not allowed. */
export function transitionAction(from: TicketStatus, to: TicketStatus): TransitionAction | null {
  if (!canTransition(from, to)) return null;
  if (to === 'closed') return 'close';
  if (from === 'closed') return 'reopen';
  return 'set_status';
}

/** Why a transition is refused, phrased for the person who asked for it. */
export function transitionError(from: TicketStatus, to: TicketStatus): string | null {
  if (from === to) return `The ticket is already ${to}.`;
  if (canTransition(from, to)) return null;
  return `A ticket cannot go from ${from} to ${to}; allowed next: ${ALLOWED[from].join(', ')}.`;
}

/** Why a plain status change (setStatus) is refused: closing and reopening are made by their own actions. */
export function statusChangeError(from: TicketStatus, to: TicketStatus): string | null {
  const refused = transitionError(from, to);
  if (refused) return refused;
  const action = transitionAction(from, to);
  if (action === 'close')
    return 'Close the ticket with a resolution note (Close…): closing records what fixed it, so it is not a plain status change.';
  if (action === 'reopen')
    return 'Reopen the ticket with a reason (Reopen…): reopening a closed ticket is recorded, so it is not a plain status change.';
  return null;
}

/** Why closing is refused (null: it may be closed). */
export function closeError(from: TicketStatus): string | null {
  return from === 'closed' ? 'The ticket is already closed.' : transitionError(from, 'closed');
}

/** Why reopening is refused (null: it may be reopened). */
export function reopenError(from: TicketStatus): string | null {
  if (from === 'closed') return null;
  return `Only a closed ticket can be reopened; this one is ${STATUS_LABELS[from]}. Add a note instead, or change its status.`;
}
