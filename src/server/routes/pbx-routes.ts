// What a phone system asks the server (docs/integrations/pbx.md): who is
// calling, by number (GET /api/pbx/lookup, for 3CX's CRM template) or as a
// Zammad-style call event (POST /api/pbx/events). Authenticated only by an
// integration key, which names the one workspace searched; limited per key.
// Everything the PBX sends is data from outside: checked, never trusted, and
// every request gets a final answer in the API's error shape.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parsePhone } from '../../domain/phone';
import { pbxEventSchema, pbxLookupQuerySchema, type PbxLookupResponse } from '../../protocol';
import { describeWait } from '../auth/sign-in-throttle';
import { ApiError, parseInput } from '../http/errors';
import { lookUpCaller } from '../integrations/caller-lookup';
import { checkIntegrationKey, markIntegrationKeyUsed } from '../integrations/integration-keys';
import type { RouteContext } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    integration: { keyId: string; tenantId: string } | null;
  }
}

const NO_KEY =
  'This request carries no integration key: send "Authorization: Bearer <key>" or ?key=<key>. An admin creates keys on the Staff screen.';

/** The header first; the query for PBXs (3CX templates, Zammad's endpoint URL) that can only put values in the URL. */
function keyOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <integration key>".');
    return match[1]!;
  }
  const key = (request.query as Record<string, unknown> | undefined)?.key;
  if (typeof key === 'string' && key.length > 0) return key;
  if (Array.isArray(key)) throw new ApiError(401, 'unauthorized', 'Send the integration key once, not several ?key= values.');
  throw new ApiError(401, 'unauthorized', NO_KEY);
}

/**
 * A number as a PBX put it in a URL. An unencoded "+" in a query string reads
 * as a space, so a leading space before a digit was a "+": "+44 20 …" must not
 * be read as a US number.
 */
function readCallerNumber(raw: string, field: string): string {
  const restored = raw.replace(/^ (?=\d)/, '+');
  const parsed = parsePhone(restored);
  if (!parsed.ok) throw new ApiError(400, 'invalid_request', `${field}: ${parsed.problem} Nothing was looked up.`);
  return parsed.e164;
}

/** Form bodies as objects: Zammad's CTI API posts application/x-www-form-urlencoded, with user[] repeated. */
function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const array = rawKey.endsWith('[]');
    const key = array ? rawKey.slice(0, -2) : rawKey;
    const previous = out[key];
    if (previous === undefined) out[key] = array ? [value] : value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

export async function pbxRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.decorateRequest('integration', null);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });

  // Before the body is read: a request without a good key costs one indexed query, and a limited key none.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const check = await checkIntegrationKey(ctx.db, keyOf(request));
    if (!check.ok) throw new ApiError(401, 'unauthorized', check.message);
    const verdict = ctx.keyRateLimiter.take(check.keyId, ctx.now().getTime());
    if (!verdict.ok) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))));
      throw new ApiError(
        429,
        'rate_limited',
        `This integration key made more than ${ctx.keyRateLimiter.policy.perMinute} requests in a minute. Try again in ${describeWait(verdict.retryAfterMs)}; if the phone system loops, check its settings.`,
      );
    }
    request.integration = { keyId: check.keyId, tenantId: check.tenantId };
    await markIntegrationKeyUsed(ctx.db, check.keyId, ctx.now());
  });

  const lookUp = (request: FastifyRequest, e164: string) =>
    lookUpCaller(ctx.db, request.integration!.tenantId, e164, { consoleOrigin: ctx.consoleOrigin });

  app.get('/api/pbx/lookup', async (request, reply): Promise<PbxLookupResponse> => {
    const { number } = parseInput(pbxLookupQuerySchema, request.query, 'lookup');
    reply.header('cache-control', 'no-store');
    return lookUp(request, readCallerNumber(number, 'number'));
  });

  app.post('/api/pbx/events', async (request, reply): Promise<PbxLookupResponse | { ok: true }> => {
    const event = parseInput(pbxEventSchema, request.body, 'call event');
    reply.header('cache-control', 'no-store');
    // Only a call coming in is looked up: the rest (answer, hangup, calls out) are acknowledged, not stored.
    if (event.event !== 'newCall' || event.direction !== 'in') return { ok: true };
    return lookUp(request, readCallerNumber(event.from, 'from'));
  });
}
