import type { FastifyInstance, FastifyReply } from 'fastify';
import { PROTOCOL_HEADER } from '../../protocol';
import { isAllowedOrigin } from './allowed-origin';
import { errorBody } from './errors';

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!isAllowedOrigin(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    vary: 'Origin',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': `authorization, content-type, ${PROTOCOL_HEADER}`,
    'access-control-max-age': '600',
  };
}

export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply: FastifyReply) => {
    const origin = request.headers.origin;
    const headers = corsHeaders(origin);
    reply.headers(headers);
    if (request.method !== 'OPTIONS') return;
    // Preflight: answered here for every path, before routing or authentication.
    if (origin !== undefined && !isAllowedOrigin(origin)) {
      return reply.status(403).send(errorBody('forbidden', `Origin ${origin} may not call this server; open the console from localhost or the desktop app.`));
    }
    return reply.status(204).send();
  });
}
