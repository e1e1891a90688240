import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, pushRequestSchema, snapshotQuerySchema, type PushResponse } from '../../protocol';
import { authenticator, sessionOf } from '../auth/authenticate';
import { ApiError, parseInput } from '../http/errors';
import { pullChanges } from '../changes/pull';
import { applyPush } from '../mutations/push';
import { PushThrottle } from '../mutations/push-throttle';
import { hashToken } from '../auth/sessions';
import { snapshotPage } from '../changes/snapshot';
import type { RouteContext } from './context';

export async function syncRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  // onRequest, before the body is read: an unauthenticated caller cannot make the server parse anything.
  app.addHook('onRequest', authenticator(ctx.db, ctx.now));

  const throttle = new PushThrottle(ctx.now);
  app.post('/api/sync/push', async (request, reply): Promise<PushResponse> => {
    const auth = sessionOf(request);
    const session = hashToken(request.token ?? auth.userId);
    const wait = throttle.wait(session);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new ApiError(
        429,
        'rate_limited',
        `This console has sent more changes in a short time than the server takes from one session; try again in ${wait} s. Nothing was lost: the changes wait in the outbox.`,
      );
    }
    // The whole batch is checked before anything is applied: a malformed push changes nothing.
    const body = parseInput(pushRequestSchema, request.body, 'push');
    throttle.spend(session, body.mutations.length);
    const results = await applyPush({ ...ctx, log: request.log }, auth, body.mutations);
    return { results };
  });

  app.get('/api/sync/pull', async (request, reply) => {
    const auth = sessionOf(request);
    const query = parseInput(pullQuerySchema, request.query, 'pull query');
    const outcome = await pullChanges(ctx.db, auth.tenantId, query.cursor, query.limit);
    if (!outcome.ok) throw new ApiError(409, 'reset_required', outcome.message);
    return reply.type('application/json; charset=utf-8').send(outcome.json);
  });

  app.get('/api/sync/snapshot', async (request, reply) => {
    const auth = sessionOf(request);
    const query = parseInput(snapshotQuerySchema, request.query, 'snapshot query');
    const json = await snapshotPage(ctx.db, auth.tenantId, query.after, query.limit);
    return reply.type('application/json; charset=utf-8').send(json);
  });
}
