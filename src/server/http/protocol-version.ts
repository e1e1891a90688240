// The protocol check in front of every sync route: a console of another
// protocol version gets 'upgrade_required' before its session is looked up or
// its body read, so it is never answered in a shape it might misread
// (the rule: the header comment of src/protocol/index.ts).
import type { FastifyInstance } from 'fastify';
import { compareProtocol, CONSOLE_NEWER_MESSAGE, CONSOLE_OLDER_MESSAGE, PROTOCOL_HEADER, PROTOCOL_QUERY } from '../../protocol';
import { ApiError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The event stream: EventSource cannot set headers, so the version may come as the `protocol` query parameter. */
    protocolInQuery?: boolean;
  }
}

/** Adds the check to every route registered in `scope` (and in the scopes inside it). */
export function requireProtocol(scope: FastifyInstance, serverVersion: number): void {
  scope.addHook('onRequest', async (request) => {
    const query = request.routeOptions.config.protocolInQuery
      ? (request.query as Record<string, unknown> | undefined)?.[PROTOCOL_QUERY]
      : undefined;
    const match = compareProtocol(request.headers[PROTOCOL_HEADER] ?? query, serverVersion);
    if (match === 'older') throw new ApiError(426, 'upgrade_required', CONSOLE_OLDER_MESSAGE);
    if (match === 'newer') throw new ApiError(409, 'upgrade_required', CONSOLE_NEWER_MESSAGE);
  });
}
