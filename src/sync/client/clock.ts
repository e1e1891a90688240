// Desk clocks are data (performedAt), never order. A clock far ahead of the
// server's is wrong, not drifting: the server refuses such changes, so the desk
// refuses them first rather than queue something that can only be rejected.
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/**
 * Why a change stamped `performedAt` must be refused, or null. `clockOffsetMs`
 * is the server's clock minus this desk's, measured on the last response
 * (null: never talked to a server, nothing to compare against).
 */
export function clockAheadError(performedAt: Date, clockOffsetMs: number | null, deskNow: Date = performedAt): string | null {
  if (clockOffsetMs === null) return null;
  const serverNow = deskNow.getTime() + clockOffsetMs;
  const ahead = performedAt.getTime() - serverNow;
  if (ahead <= MAX_CLOCK_AHEAD_MS) return null;
  return (
    `This computer's clock is ${describe(ahead)} ahead of the server's, so this change would be refused. ` +
    `Set the date and time correctly (automatic time is best) and make the change again; nothing was saved.`
  );
}

function describe(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}

/** Server minus desk clock from an HTTP Date header (1 s resolution, plenty against 5 minutes). */
export function offsetFromDateHeader(header: string | null, deskNow: Date): number | null {
  if (!header) return null;
  const server = Date.parse(header);
  return Number.isNaN(server) ? null : server - deskNow.getTime();
}
