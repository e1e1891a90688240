// How long a client may take to send a request, and how many sockets one
// address may hold. Without these a client that sends headers and part of a
// body, then nothing, kept its socket for ever: two such clients used up the
// server's file handles and sign-in and health checks failed for everyone.
// The event stream is long-lived by design; see events-route.ts for how it
// stays clear of these limits.
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from './errors';

export interface ConnectionLimits {
  /** The whole request (headers and body) must arrive within this; else 408 and the socket closes. */
  requestTimeoutMs: number;
  /** The headers must arrive within this. */
  headersTimeoutMs: number;
  /** A socket with no traffic either way for this long is closed (the event stream opts out). */
  idleTimeoutMs: number;
  /** An idle keep-alive socket between requests is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the request and header deadlines: a deadline is enforced within this much. */
  checkIntervalMs: number;
  /** Sockets one remote address may hold at once; the next is answered 503 and closed. */
  maxConnectionsPerAddress: number;
}

/**
 * A 1 MiB push over a poor mobile link needs tens of seconds, hence a minute
 * for a request. A desk holds its event stream and a browser at most six
 * sockets per host, usually two; 256 per address leaves room for an office of
 * desks behind one NAT address while one client still cannot exhaust the
 * process's file handles. Behind a reverse proxy every client shares the
 * proxy's address: raise the limit there (SWITCHBOARD_MAX_CONNECTIONS_PER_ADDRESS).
 */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 15_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 10_000,
  checkIntervalMs: 5_000,
  maxConnectionsPerAddress: 256,
};

/** Node's own options for the deadlines it enforces while reading a request. */
export function nodeServerOptions(limits: ConnectionLimits): ServerOptions {
  return {
    // Node refuses a header deadline longer than the request's.
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
}

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** Node's own answer to a request it gave up reading (too slow, headers too large, not HTTP), in the API's error shape. */
export function answerClientError(error: Error & { code?: string }, socket: Socket, limits: ConnectionLimits): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [
          '408 Request Timeout',
          `The request did not arrive in full in time (the server allows ${seconds(limits.headersTimeoutMs)} for the headers, ${seconds(limits.requestTimeoutMs)} in all), so the connection was closed. Nothing was changed; send it again.`,
        ]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'The request headers are larger than the server accepts. Nothing was changed.']
        : ['400 Bad Request', 'The request is not valid HTTP. Nothing was changed.'];
  const body = JSON.stringify(errorBody('invalid_request', message));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy();
}

const REFUSAL_BODY = JSON.stringify(
  errorBody(
    'rate_limited',
    'This address has too many connections open to the server. Close some (other windows or devices behind the same address) and try again in a few seconds.',
  ),
);
const REFUSAL = [
  'HTTP/1.1 503 Service Unavailable',
  'Connection: close',
  'Content-Type: application/json; charset=utf-8',
  'Retry-After: 5',
  `Content-Length: ${Buffer.byteLength(REFUSAL_BODY)}`,
  '',
  REFUSAL_BODY,
].join('\r\n');

/**
 * Counts sockets per remote address from the moment they connect, so a socket
 * is refused before any request on it is parsed. The count lives in this
 * process only: several server instances each allow the limit.
 */
export function limitConnectionsPerAddress(
  server: Server,
  max: number,
  onRefused?: (address: string) => void,
): { open(address: string): number } {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      onRefused?.(address);
      // The answer goes out before the client sends anything; an HTTP client reads it as the response to its request.
      socket.end(REFUSAL);
      socket.destroySoon();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
  return { open: (address) => open.get(address) ?? 0 };
}
