// The audit log over HTTP (docs/domain/audit.md): read and verify for audit.read
// roles, purge for audit.purge; always the caller's own workspace.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  auditFilterSchema,
  auditListQuerySchema,
  auditPurgeRequestSchema,
  type AuditListResponse,
  type AuditPurgeResponse,
  type AuditVerifyResponse,
} from '../../protocol/audit';
import { authenticator, sessionOf } from '../auth/authenticate';
import { can, forbiddenMessage, type Action } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { auditCsv, auditEntries } from '../audit/entries';
import { purgeAuditLog, PurgeRefused } from '../audit/purge';
import { verifyAuditChain } from '../audit/verify';
import { ApiError, parseInput } from '../http/errors';
import type { RouteContext } from './context';

function allowed(request: FastifyRequest, action: Action): SessionUser {
  const auth = sessionOf(request);
  if (!can(auth.role, action)) throw new ApiError(403, 'forbidden', forbiddenMessage(auth.role, action));
  return auth;
}

export async function auditRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.addHook('onRequest', authenticator(ctx.db, ctx.now));

  app.get('/api/audit/entries', async (request): Promise<AuditListResponse> => {
    const auth = allowed(request, 'audit.read');
    const query = parseInput(auditListQuerySchema, request.query, 'audit query');
    // One more than asked tells whether an older page exists.
    const rows = await auditEntries(ctx.db, auth.tenantId, query, query.limit + 1);
    const entries = rows.slice(0, query.limit);
    return { entries, nextBefore: rows.length > query.limit ? entries[entries.length - 1]!.seq : null };
  });

  app.get('/api/audit/verify', async (request): Promise<AuditVerifyResponse> => {
    const auth = allowed(request, 'audit.read');
    return verifyAuditChain(ctx.db, auth.tenantId);
  });

  app.get('/api/audit/export.csv', async (request, reply) => {
    const auth = allowed(request, 'audit.read');
    const query = parseInput(auditFilterSchema, request.query, 'audit export query');
    const day = ctx.now().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
      .send(Readable.from(auditCsv(ctx.db, auth.tenantId, query)));
  });

  app.post('/api/audit/purge', async (request): Promise<AuditPurgeResponse> => {
    const auth = allowed(request, 'audit.purge');
    const body = parseInput(auditPurgeRequestSchema, request.body, 'purge request');
    try {
      return await purgeAuditLog(ctx.db, auth.tenantId, new Date(body.before), auth.userId, ctx.now());
    } catch (error) {
      if (error instanceof PurgeRefused) throw new ApiError(400, 'invalid_request', error.message);
      throw error;
    }
  });
}
