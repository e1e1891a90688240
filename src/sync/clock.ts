// The desk measures how far its clock is from the server's on every response,
// so the outbox can refuse a change the server would refuse for its stamp
// (the rule itself: src/protocol/clock.ts).

/** Server minus desk clock from an HTTP Date header (1 s resolution, plenty against 5 minutes). */
export function offsetFromDateHeader(header: string | null, deskNow: Date): number | null {
  if (!header) return null;
  const server = Date.parse(header);
  return Number.isNaN(server) ? null : server - deskNow.getTime();
}
