// Which database failures are about the mutation's data, and so will happen
// again however often the desk sends it. Such a mutation gets a final answer
// (rejected 'unprocessable'), or the desk would send it, and wait behind it,
// for ever.
import { MutationRejected } from './context';

// SQLSTATE classes of failures that pass: a lost or closed connection (08), an
// aborted transaction (25), a serialization failure or deadlock (40), resources
// (53), a lock not available (55), shutdown or cancel (57), I/O (58), internal (XX).
// Any other SQLSTATE is about the data (22: out of range, 23: a constraint, ...).
const TRANSIENT_CLASSES = new Set(['08', '25', '40', '53', '55', '57', '58', 'XX']);
/** PostgreSQL's classes; not Node's system error codes (EPIPE, ...), which are about the connection. */
const SQLSTATE = /^(?:[0-5][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/;

/**
 * The refusal for a mutation the database refused for good, or null when the
 * failure may pass. Errors without a SQLSTATE (connections, bugs in this code)
 * stay 500s: a person's change is not thrown away because the server failed.
 */
export function unprocessable(error: unknown): MutationRejected | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !SQLSTATE.test(code) || TRANSIENT_CLASSES.has(code.slice(0, 2))) return null;
  return new MutationRejected(
    'unprocessable',
    `The server could not store this change: the database refused its data (error ${code}). It was not applied; make the change again, and if this keeps happening, tell your administrator.`,
  );
}
