// Calls and callbacks (docs/domain/phone-intake.md, "Call log" and
// "Callbacks"): the vocabulary and the bounds the desk and the server share.

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * How a call ended:
 * - `ticket_opened`: a new ticket was opened from it;
 * - `added_to_ticket`: it was about an open ticket, and was added to that one instead of a duplicate;
 * - `callback_promised`: it could not be handled now; a callback was promised;
 * - `callback_made`: it was a callback intake made (outbound);
 * - `no_ticket`: a wrong number, a caller who hung up, or nothing to log.
 */
export const CALL_OUTCOMES = ['ticket_opened', 'added_to_ticket', 'callback_promised', 'callback_made', 'no_ticket'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  ticket_opened: 'Ticket opened',
  added_to_ticket: 'Added to the ticket',
  callback_promised: 'Callback promised',
  callback_made: 'Called back',
  no_ticket: 'Nothing logged',
};

/** No call lasts longer; a longer one is a desk that forgot to end it. */
export const CALL_MAX_SECONDS = 12 * 3600;
/** A desk's clock may be this far ahead of the server's before its call times are refused. */
export const CALL_CLOCK_SKEW_MS = 10 * 60_000;
export const CALL_SUMMARY_MAX = 2_000;

export const CALLBACK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const CALLBACK_REASON_MAX = 1_000;
/** A callback is promised within this; a longer promise is a typo in the date. */
export const CALLBACK_HORIZON_DAYS = 60;

/** Whole seconds between two ISO instants, never negative. */
export function callSeconds(startedAt: string, endedAt: string): number {
  return Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000));
}

/** "4 min 05 s", "58 s", "1 h 02 min". */
export function formatCallDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Problems with a call's times against the server's clock; null when they may be stored. */
export function callTimesProblem(startedAt: string, endedAt: string, serverNowMs: number): string | null {
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt);
  if (end < start) return 'The call ends before it starts: check the times.';
  if (end - start > CALL_MAX_SECONDS * 1000) return `A call lasts at most ${CALL_MAX_SECONDS / 3600} hours: check the start time.`;
  if (end > serverNowMs + CALL_CLOCK_SKEW_MS) return "The call ends in the future: check this computer's clock.";
  return null;
}
