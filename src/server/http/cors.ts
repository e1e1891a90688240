import type { FastifyInstance, FastifyReply } from 'fastify';
import { PROTOCOL_HEADER } from '../../protocol';
import { errorBody } from './errors';

/** The CORS headers for `origin`, or none when it is not allowed. */
export type CorsHeaders = (origin: string | undefined) => Record<string, string>;

export function corsHeadersFor(isAllowed: (origin: string | undefined) => origin is string): CorsHeaders {
  return (origin): Record<string, string> => {
    if (!isAllowed(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      vary: 'Origin',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': `authorization, content-type, ${PROTOCOL_HEADER}`,
      'access-control-max-age': '600',
    };
  };
}

export function installCors(
  app: FastifyInstance,
  isAllowed: (origin: string | undefined) => origin is string,
  corsHeaders: CorsHeaders,
): void {
  app.addHook('onRequest', async (request, reply: FastifyReply) => {
    const origin = request.headers.origin;
    reply.headers(corsHeaders(origin));
    if (request.method !== 'OPTIONS') return;
    // Preflight: answered here for every path, before routing or authentication.
    if (origin !== undefined && !isAllowed(origin)) {
      return reply
        .status(403)
        .send(
          errorBody(
            'forbidden',
            `Origin ${origin} may not call this server; open the console from the desktop app or from an address the server allows (SWITCHBOARD_ALLOWED_ORIGINS).`,
          ),
        );
    }
    return reply.status(204).send();
  });
}
