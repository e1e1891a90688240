// Clients that hold sockets without finishing a request, and too many
// sockets from one address, over real TCP. The deadlines are shortened here;
// the defaults and their reasons are in src/server/http/connection-limits.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { createTestWorkspace, listen, PROTOCOL_HEADERS, useTestServer } from './harness';
import { openRaw } from './raw-socket';
import { openSse } from './sse-reader';

const LIMITS = { requestTimeoutMs: 500, headersTimeoutMs: 400, idleTimeoutMs: 300, keepAliveTimeoutMs: 300, checkIntervalMs: 100 };

describe('request deadlines', () => {
  // The heartbeat is slower than the idle timeout on purpose: the stream must not depend on it to stay open.
  const server = useTestServer('pglite', { connectionLimits: LIMITS, heartbeatMs: 700 });
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });

  it.each([
    ['an unauthenticated sign-in', '/api/auth/login', {}],
    ['a signed-in push', '/api/sync/push', PROTOCOL_HEADERS],
  ])(
    'closes %s whose body never finishes',
    async (_, path, headers) => {
      const ws = await createTestWorkspace(server());
      const extra = Object.entries({
        ...headers,
        ...(path.startsWith('/api/sync') ? { authorization: `Bearer ${ws.users.technician.token}` } : {}),
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      const raw = openRaw(base);
      await raw.connected;
      // 100 bytes promised, one sent: the server must not wait for the other 99 for ever.
      raw.socket.write(`POST ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n${extra}\r\n{`);
      const answer = await raw.closed;
      expect(answer).toMatch(/^(HTTP\/1\.1 408 |$)/);
    },
    10_000,
  );

  it('closes a connection whose headers never finish', async () => {
    const raw = openRaw(base);
    await raw.connected;
    raw.socket.write('POST /api/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n');
    const answer = await raw.closed;
    expect(answer).toMatch(/^(HTTP\/1\.1 408 |$)/);
  }, 10_000);

  it.each([
    ['a body', 'POST /api/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{', ' '],
    ['headers', 'POST /api/auth/login HTTP/1.1\r\nHost: test\r\n', 'X-Slow: yes\r\n'],
  ])(
    'answers 408 and closes a connection that trickles %s in too slowly to finish',
    async (_, start, drip) => {
      const raw = openRaw(base);
      await raw.connected;
      raw.socket.write(start);
      // Never idle, so only the request and header deadlines can end it.
      const dripping = setInterval(() => raw.socket.write(drip), 50);
      try {
        const answer = await raw.closed;
        expect(answer).toMatch(/^HTTP\/1\.1 408 /);
        expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
          error: { code: 'invalid_request', message: expect.stringMatching(/did not arrive in full/) },
        });
      } finally {
        clearInterval(dripping);
      }
    },
    10_000,
  );

  it('keeps an event stream open past every deadline', async () => {
    const ws = await createTestWorkspace(server());
    const stream = await openSse(`${base}/api/sync/events?token=${ws.users.technician.token}&protocol=${PROTOCOL_VERSION}`);
    try {
      expect(stream.status).toBe(200);
      // Two heartbeats 700 ms apart: the stream outlived the request, header and idle deadlines several times over.
      let heartbeats = 0;
      const second = await stream.next((m) => m.comment === 'heartbeat' && ++heartbeats === 2);
      expect(second.comment).toBe('heartbeat');
    } finally {
      stream.close();
    }
  });

  it('still serves a client that sends its request in time', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
  });
});

describe('connections per address', () => {
  const MAX = 4;
  const server = useTestServer('pglite', { connectionLimits: { maxConnectionsPerAddress: MAX } });
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });

  /** A keep-alive connection the server has certainly counted: it answered a request on it. */
  async function heldConnection(localAddress: string) {
    const raw = openRaw(base, { localAddress });
    await raw.connected;
    raw.socket.write('GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n');
    return { raw, answer: await Promise.race([raw.received('"ok":true'), raw.closed]) };
  }

  it(`refuses connection ${MAX + 1} from one address while another address is served, and counts closed ones down`, async () => {
    const held = [];
    for (let i = 0; i < MAX; i++) {
      const { raw, answer } = await heldConnection('127.0.0.1');
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      held.push(raw);
    }
    const refused = openRaw(base, { localAddress: '127.0.0.1' });
    const answer = await refused.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/too many connections/) },
    });

    const other = await heldConnection('127.0.0.2');
    expect(other.answer).toMatch(/^HTTP\/1\.1 200 /);
    other.raw.socket.destroy();

    // Once one of the four closes, the address may connect again.
    held.pop()!.socket.end();
    let served = false;
    for (let attempt = 0; attempt < 50 && !served; attempt++) {
      const again = await heldConnection('127.0.0.1');
      served = /^HTTP\/1\.1 200 /.test(again.answer);
      again.raw.socket.destroy();
      if (!served) await new Promise((r) => setTimeout(r, 20));
    }
    expect(served).toBe(true);
    for (const raw of held) raw.socket.destroy();
  }, 15_000);
});
