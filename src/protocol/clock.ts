// Desk clocks are data (performedAt), never order. A clock far ahead of the
// server's is wrong, not drifting: the server refuses such changes
// (src/server/mutations/push.ts), and the desk refuses them first rather than
// queue something that can only be rejected (src/data/outbox.ts). One limit
// for both sides; see docs/sync-protocol.md.

/** How far ahead of the server's clock a change may be stamped. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** How far ahead `performedAt` is of `serverNow` beyond the limit, in ms; 0 when within it. */
export function clockAheadBy(performedAt: Date, serverNow: Date): number {
  const ahead = performedAt.getTime() - serverNow.getTime();
  return ahead > MAX_CLOCK_AHEAD_MS ? ahead : 0;
}

/**
 * Why a change stamped `performedAt` must be refused by the desk, or null.
 * `clockOffsetMs` is the server's clock minus this desk's, measured on the
 * last response (null: never talked to a server, nothing to compare against).
 */
export function clockAheadError(performedAt: Date, clockOffsetMs: number | null, deskNow: Date = performedAt): string | null {
  if (clockOffsetMs === null) return null;
  const ahead = clockAheadBy(performedAt, new Date(deskNow.getTime() + clockOffsetMs));
  if (ahead === 0) return null;
  return (
    `This computer's clock is ${describeDuration(ahead)} ahead of the server's, so this change would be refused. ` +
    `Set the date and time correctly (automatic time is best) and make the change again; nothing was saved.`
  );
}

export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}
