// Server-Sent Events: "pull now" pokes for every desk of a tenant. The stream
// carries no data, only the latest change sequence, so a desk that misses a
// poke loses nothing: its next pull catches up.
//
// A stream lives as long as its session and no longer: sign-out here ends it
// at once, and every sessionCheckMs one query checks all of this instance's
// streams against the sessions table (expired, signed out on another
// instance, user deactivated). A session holds a few streams at most
// (open-streams.ts). The stream is exempt from the idle-socket timeout
// (connection-limits.ts); Node's request deadlines stop counting once the GET
// has been read, so they never cut a stream.
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { PROTOCOL_QUERY, SYNC_EVENT_POKE, SYNC_EVENT_SESSION_EXPIRED } from '../../protocol';
import { authenticator, sessionOf } from '../auth/authenticate';
import { hashToken, liveSessionKeys } from '../auth/sessions';
import { parseInput } from '../http/errors';
import type { RouteContext } from './context';
import type { OpenStream, StreamEndReason } from './open-streams';

// Both are checked before this route runs: the protocol version (src/server/http/protocol-version.ts), then the token.
const eventsQuerySchema = z.strictObject({ token: z.string().max(200).optional(), [PROTOCOL_QUERY]: z.string().max(12).optional() });

/** At most one poke per interval per stream: a burst of pushes becomes one pull, not hundreds. */
const POKE_INTERVAL_MS = 100;
/** A stream closed for being one too many waits this long before its EventSource reconnects, so windows past the cap do not take turns every few seconds. */
const DISPLACED_RETRY_MS = 60_000;

export async function eventsRoute(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const open = new Set<ServerResponse>();
  // Open streams never go idle, so the server would wait for them forever on close.
  app.addHook('preClose', async () => {
    clearInterval(sessionCheck);
    for (const res of open) res.end();
  });

  let checking = false;
  const sessionCheck = setInterval(() => {
    if (checking || ctx.streams.size === 0) return;
    checking = true;
    const now = ctx.now();
    liveSessionKeys(ctx.db, ctx.streams.sessionKeys(), now)
      .then((live) => {
        for (const stream of ctx.streams.all()) {
          if (!live.has(stream.sessionKey)) stream.endSession(stream.expiresAt.getTime() <= now.getTime() ? 'expired' : 'ended');
        }
      })
      .catch((error: unknown) => app.log.warn({ err: error }, 'event stream session check failed; retrying next interval'))
      .finally(() => {
        checking = false;
      });
  }, ctx.sessionCheckMs);
  sessionCheck.unref();

  app.get(
    '/api/sync/events',
    { config: { protocolInQuery: true }, onRequest: authenticator(ctx.db, ctx.now, { allowQueryToken: true }) },
    async (request, reply) => {
      const auth = sessionOf(request);
      parseInput(eventsQuerySchema, request.query, 'event stream query');
      // Listening before reading where the tenant is: a change committed while the read is under way is
      // then either in the read or heard here, never lost between the two.
      let heard = -1;
      let onChange = (seq: number) => void (heard = Math.max(heard, seq));
      const unsubscribe = ctx.bus.subscribe((tenantId, seq) => {
        if (tenantId === auth.tenantId) onChange(seq);
      });
      let tenant: { change_seq: number };
      try {
        tenant = await ctx.db.selectFrom('tenants').select('change_seq').where('id', '=', auth.tenantId).executeTakeFirstOrThrow();
      } catch (error) {
        unsubscribe();
        throw error;
      }

      reply.hijack();
      const res = reply.raw;
      // Long-lived by design: the heartbeat, not the idle timeout, keeps the socket honest.
      request.raw.socket.setTimeout(0);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        ...ctx.corsHeaders(request.headers.origin),
      });
      open.add(res);

      let sent = -1;
      let latest = Math.max(tenant.change_seq, heard);
      let throttle: NodeJS.Timeout | undefined;
      const flush = () => {
        throttle = undefined;
        if (latest <= sent) return;
        sent = latest;
        res.write(`event: ${SYNC_EVENT_POKE}\ndata: ${latest}\n\n`);
        throttle = setTimeout(flush, POKE_INTERVAL_MS);
      };
      // Reconnect after 3 s; the first poke tells a (re)connecting desk where the tenant is now.
      res.write('retry: 3000\n\n');
      flush();

      const stream: OpenStream = {
        sessionKey: hashToken(request.token!),
        expiresAt: auth.expiresAt,
        endSession: (reason: StreamEndReason) => {
          // The console signs out on this event and reconnects only after a new sign-in.
          res.end(`event: ${SYNC_EVENT_SESSION_EXPIRED}\ndata: ${JSON.stringify({ reason })}\n\n`);
          cleanup();
        },
        displace: () => {
          res.end(`: closed: this session has ${ctx.streams.perSession} newer event streams open\nretry: ${DISPLACED_RETRY_MS}\n\n`);
          cleanup();
        },
      };
      ctx.streams.add(stream);

      onChange = (seq) => {
        if (seq <= latest) return;
        latest = seq;
        if (!throttle) flush();
      };
      const heartbeat = setInterval(() => {
        if (auth.expiresAt.getTime() <= ctx.now().getTime()) return stream.endSession('expired');
        // A comment line: keeps proxies and the desk's idle detection from dropping the stream.
        res.write(': heartbeat\n\n');
      }, ctx.heartbeatMs);

      function cleanup() {
        open.delete(res);
        ctx.streams.remove(stream);
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(throttle);
      }
      res.on('close', cleanup);
      request.raw.on('close', cleanup);
    },
  );
}
