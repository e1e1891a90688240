// Server-Sent Events: "pull now" pokes for every desk of a tenant. The stream
// carries no data, only the latest change sequence, so a desk that misses a
// poke loses nothing: its next pull catches up.
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { PROTOCOL_QUERY, SYNC_EVENT_POKE, SYNC_EVENT_SESSION_EXPIRED } from '../../protocol';
import { authenticator, sessionOf } from '../auth/authenticate';
import { corsHeaders } from '../http/cors';
import { parseInput } from '../http/errors';
import type { RouteContext } from './context';

// Both are checked before this route runs: the protocol version (src/server/http/protocol-version.ts), then the token.
const eventsQuerySchema = z.strictObject({ token: z.string().max(200).optional(), [PROTOCOL_QUERY]: z.string().max(12).optional() });

/** At most one poke per interval per stream: a burst of pushes becomes one pull, not hundreds. */
const POKE_INTERVAL_MS = 100;

export async function eventsRoute(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const open = new Set<ServerResponse>();
  // Open streams never go idle, so the server would wait for them forever on close.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/sync/events', { config: { protocolInQuery: true }, onRequest: authenticator(ctx.db, ctx.now, { allowQueryToken: true }) }, async (request, reply) => {
    const auth = sessionOf(request);
    parseInput(eventsQuerySchema, request.query, 'event stream query');
    const tenant = await ctx.db.selectFrom('tenants').select('change_seq').where('id', '=', auth.tenantId).executeTakeFirstOrThrow();

    reply.hijack();
    const res = reply.raw;
    // Long-lived by design: the heartbeat, not the idle timeout (src/server/http/connection-limits.ts), keeps the socket honest.
    request.raw.socket.setTimeout(0);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      ...corsHeaders(request.headers.origin),
    });
    open.add(res);

    let sent = -1;
    let latest = tenant.change_seq;
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

    const unsubscribe = ctx.bus.subscribe((tenantId, seq) => {
      if (tenantId !== auth.tenantId || seq <= latest) return;
      latest = seq;
      if (!throttle) flush();
    });
    const heartbeat = setInterval(() => {
      if (auth.expiresAt.getTime() <= ctx.now().getTime()) {
        res.write(`event: ${SYNC_EVENT_SESSION_EXPIRED}\ndata: {}\n\n`);
        res.end();
        return;
      }
      // A comment line: keeps proxies and the desk's idle detection from dropping the stream.
      res.write(': heartbeat\n\n');
    }, ctx.heartbeatMs);

    const cleanup = () => {
      open.delete(res);
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(throttle);
    };
    res.on('close', cleanup);
    request.raw.on('close', cleanup);
  });
}
