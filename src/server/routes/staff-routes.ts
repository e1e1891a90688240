// An admin's staff and session management (docs/staff-and-sessions.md).
// Authenticated, `staff.manage` only, and scoped to the caller's workspace:
// an id from another workspace answers 404 and changes nothing. Ending a
// session here ends its event streams on this instance at once; other
// instances notice within their session check (events-route.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  inviteStaffRequestSchema,
  setRoleRequestSchema,
  type SessionListResponse,
  type SetupCodeResponse,
  type StaffListResponse,
  type UserRecord,
} from '../../protocol';
import { inviteStaff, resetStaffPassword, setStaffActive, setStaffRole } from '../accounts/staff-admin';
import { authenticator, sessionOf } from '../auth/authenticate';
import { can, forbiddenMessage } from '../auth/permissions';
import { hashToken } from '../auth/sessions';
import { userRecord } from '../changes/records';
import { ApiError, parseInput } from '../http/errors';
import type { RouteContext } from './context';

const idParams = z.strictObject({ id: z.uuid('must be a UUID, as the Staff screen sends') });
const noBody = z.union([z.undefined(), z.null(), z.strictObject({})]);

export async function staffRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.addHook('onRequest', authenticator(ctx.db, ctx.now));
  app.addHook('preHandler', async (request) => {
    const { role } = sessionOf(request);
    if (!can(role, 'staff.manage')) throw new ApiError(403, 'forbidden', forbiddenMessage(role, 'staff.manage'));
  });
  const endStreams = (keys: readonly string[]) => {
    for (const key of keys) ctx.streams.endSession(key, 'ended');
  };

  app.get('/api/admin/staff', async (request): Promise<StaffListResponse> => {
    const { tenantId } = sessionOf(request);
    const rows = await ctx.db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
    const now = ctx.now().getTime();
    return {
      staff: rows.map((r) => ({
        ...userRecord(r),
        setupPending: r.setup_code_hash !== null && (r.setup_code_expires_at?.getTime() ?? 0) > now,
      })),
    };
  });

  app.post('/api/admin/staff', async (request, reply): Promise<SetupCodeResponse> => {
    const { tenantId, userId } = sessionOf(request);
    const body = parseInput(inviteStaffRequestSchema, request.body, 'invitation');
    const issued = await inviteStaff(ctx.db, tenantId, body, ctx.now(), userId);
    reply.status(201);
    return { user: userRecord(issued.row), setupCode: issued.code, setupCodeExpiresAt: issued.expiresAt.toISOString() };
  });

  app.post('/api/admin/staff/:id/role', async (request): Promise<{ user: UserRecord }> => {
    const { tenantId, userId } = sessionOf(request);
    const { id } = parseInput(idParams, request.params, 'staff id');
    const { role } = parseInput(setRoleRequestSchema, request.body, 'role change');
    return { user: userRecord(await setStaffRole(ctx.db, tenantId, id, role, ctx.now(), userId)) };
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/api/admin/staff/:id/${path}`, async (request): Promise<{ user: UserRecord }> => {
      const { tenantId, userId } = sessionOf(request);
      const { id } = parseInput(idParams, request.params, 'staff id');
      parseInput(noBody, request.body, `${path} request`);
      const result = await setStaffActive(ctx.db, tenantId, id, active, ctx.now(), userId);
      endStreams(result.endedSessionKeys);
      return { user: userRecord(result.row) };
    });
  }

  app.post('/api/admin/staff/:id/reset-password', async (request): Promise<SetupCodeResponse> => {
    const { tenantId, userId } = sessionOf(request);
    const { id } = parseInput(idParams, request.params, 'staff id');
    parseInput(noBody, request.body, 'password reset');
    const issued = await resetStaffPassword(ctx.db, tenantId, id, ctx.now(), userId);
    endStreams(issued.endedSessionKeys);
    return { user: userRecord(issued.row), setupCode: issued.code, setupCodeExpiresAt: issued.expiresAt.toISOString() };
  });

  app.get('/api/admin/sessions', async (request): Promise<SessionListResponse> => {
    const { tenantId } = sessionOf(request);
    const mine = hashToken(request.token!);
    const rows = await ctx.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id',
        'sessions.token_hash',
        'sessions.user_id',
        'users.name',
        'sessions.created_at',
        'sessions.expires_at',
        'sessions.user_agent',
      ])
      .where('sessions.tenant_id', '=', tenantId)
      .where('sessions.expires_at', '>', ctx.now())
      .where('users.active', '=', true)
      .orderBy('sessions.created_at', 'desc')
      .execute();
    return {
      // The token hash is read only to mark the caller's own session; it is not sent.
      sessions: rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        userName: r.name,
        createdAt: r.created_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        userAgent: r.user_agent,
        current: r.token_hash === mine,
      })),
    };
  });

  app.post('/api/admin/sessions/:id/end', async (request): Promise<{ ok: true }> => {
    const { tenantId } = sessionOf(request);
    const { id } = parseInput(idParams, request.params, 'session id');
    parseInput(noBody, request.body, 'end-session request');
    const ended = await ctx.db
      .deleteFrom('sessions')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning('token_hash')
      .executeTakeFirst();
    if (!ended)
      throw new ApiError(
        404,
        'not_found',
        `No active session with id ${id} in your workspace; it may have ended already. Refresh the list.`,
      );
    endStreams([ended.token_hash]);
    return { ok: true };
  });
}
