// An admin's integration keys (docs/integrations/pbx.md): list, create (the
// secret is in this one answer and nowhere else), revoke. Authenticated,
// `integration.manage` only, scoped to the caller's workspace: an id from
// another workspace answers 404 and changes nothing.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createIntegrationKeyRequestSchema,
  type CreatedIntegrationKeyResponse,
  type IntegrationKeyEntry,
  type IntegrationKeyListResponse,
} from '../../protocol';
import { authenticator, sessionOf } from '../auth/authenticate';
import { can, forbiddenMessage } from '../auth/permissions';
import { ApiError, parseInput } from '../http/errors';
import { createIntegrationKey, listIntegrationKeys, revokeIntegrationKey } from '../integrations/integration-keys';
import type { RouteContext } from './context';

const idParams = z.strictObject({ id: z.uuid('must be a UUID, as the Staff screen sends') });
const noBody = z.union([z.undefined(), z.null(), z.strictObject({})]);

export async function integrationRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.addHook('onRequest', authenticator(ctx.db, ctx.now));
  app.addHook('preHandler', async (request) => {
    const { role } = sessionOf(request);
    if (!can(role, 'integration.manage')) throw new ApiError(403, 'forbidden', forbiddenMessage(role, 'integration.manage'));
  });

  app.get('/api/admin/integrations', async (request): Promise<IntegrationKeyListResponse> => {
    const { tenantId } = sessionOf(request);
    return { keys: await listIntegrationKeys(ctx.db, tenantId) };
  });

  app.post('/api/admin/integrations', async (request, reply): Promise<CreatedIntegrationKeyResponse> => {
    const { tenantId, userId } = sessionOf(request);
    const { label } = parseInput(createIntegrationKeyRequestSchema, request.body, 'integration key');
    const created = await createIntegrationKey(ctx.db, tenantId, label, ctx.now(), userId);
    reply.status(201);
    // Nothing between here and the phone system should keep the one copy of the secret.
    reply.header('cache-control', 'no-store');
    return created;
  });

  app.post('/api/admin/integrations/:id/revoke', async (request): Promise<{ key: IntegrationKeyEntry }> => {
    const { tenantId, userId } = sessionOf(request);
    const { id } = parseInput(idParams, request.params, 'integration key id');
    parseInput(noBody, request.body, 'revoke request');
    return { key: await revokeIntegrationKey(ctx.db, tenantId, id, ctx.now(), userId) };
  });
}
