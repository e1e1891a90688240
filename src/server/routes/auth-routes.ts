import type { FastifyInstance, FastifyReply } from 'fastify';
import { loginRequestSchema, setupPasswordRequestSchema, type LoginResponse, type MeResponse } from '../../protocol';
import { authenticator, sessionOf } from '../auth/authenticate';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { createSession, deleteSession, deleteSessionsOf, hashToken } from '../auth/sessions';
import { accountKey, describeWait, type SignInKeys, type ThrottleVerdict } from '../auth/sign-in-throttle';
import { ApiError, parseInput } from '../http/errors';
import { userRecord } from '../changes/records';
import type { RouteContext } from './context';

const WRONG_SETUP_CODE =
  'The workspace, email or setup code is wrong, or the code has expired (codes last 7 days) or was used already. Check them, or ask your administrator for a new code.';

const WRONG_CREDENTIALS =
  'The workspace, email or password is wrong. Check them and try again; an administrator can reset a forgotten password.';

/** 429 with Retry-After, and a message that says when trying again can work. */
function throttled(reply: FastifyReply, verdict: Extract<ThrottleVerdict, { ok: false }>): ApiError {
  reply.header('retry-after', String(Math.max(1, Math.ceil(verdict.waitMs / 1000))));
  const who = verdict.scope === 'account' ? 'this account' : 'this network address';
  return new ApiError(
    429,
    'rate_limited',
    `Too many failed sign-ins for ${who}. Wait ${describeWait(verdict.waitMs)} and try again; each further failure makes the wait longer. An administrator can reset a forgotten password.`,
  );
}

/** The account a sign-in or a first sign-in names, with its workspace; undefined when there is none. */
function findAccount(ctx: RouteContext, workspace: string, email: string) {
  return ctx.db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'users.active',
      'users.password_hash',
      'users.setup_code_hash',
      'users.setup_code_expires_at',
      'tenants.id as tenant_id',
      'tenants.slug',
      'tenants.name as tenant_name',
    ])
    .where('tenants.slug', '=', workspace)
    .where('users.email', '=', email)
    .executeTakeFirst();
}

type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

function signedIn(row: Account, session: { token: string; expiresAt: Date }): LoginResponse {
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    user: userRecord(row),
    workspace: { id: row.tenant_id, slug: row.slug, name: row.tenant_name },
  };
}

export async function authRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const throttle = ctx.signInThrottle;
  app.post('/api/auth/login', async (request, reply): Promise<LoginResponse> => {
    const body = parseInput(loginRequestSchema, request.body, 'sign-in request');
    const keys: SignInKeys = { account: accountKey(body.workspace, body.email), address: request.ip };
    // Before the database and the hash: a throttled attempt costs nothing.
    const early = throttle.check(keys, ctx.now().getTime());
    if (!early.ok) throw throttled(reply, early);
    const row = await findAccount(ctx, body.workspace, body.email);
    // An unknown account costs the same hash as a known one, so timing does not reveal which emails exist.
    // Checked again when its turn to hash comes: attempts of a burst all pass the first check, then queue for the hash.
    const ok = await verifyPassword(body.password, row?.password_hash ?? (await dummyPasswordHash()), () => {
      const now = throttle.check(keys, ctx.now().getTime());
      if (!now.ok) throw throttled(reply, now);
    });
    if (!row || !ok || !row.active) {
      throttle.failed(keys, ctx.now().getTime());
      throw new ApiError(401, 'invalid_credentials', WRONG_CREDENTIALS);
    }
    throttle.succeeded(keys);
    const session = await createSession(
      ctx.db,
      { id: row.id, tenantId: row.tenant_id },
      ctx.now(),
      ctx.sessionTtlMs,
      request.headers['user-agent'],
    );
    return signedIn(row, session);
  });

  // First sign-in of an invited person, or the next after a password reset: the one-time code an
  // admin handed them, and the password they choose (docs/staff-and-sessions.md). Throttled as sign-ins are:
  // the code is a credential too.
  app.post('/api/auth/setup-password', async (request, reply): Promise<LoginResponse> => {
    const body = parseInput(setupPasswordRequestSchema, request.body, 'password setup request');
    const keys: SignInKeys = { account: accountKey(body.workspace, body.email), address: request.ip };
    const early = throttle.check(keys, ctx.now().getTime());
    if (!early.ok) throw throttled(reply, early);
    const row = await findAccount(ctx, body.workspace, body.email);
    const codeHash = row?.setup_code_hash ?? null;
    const ok = await verifyPassword(body.code, codeHash ?? (await dummyPasswordHash()), () => {
      const now = throttle.check(keys, ctx.now().getTime());
      if (!now.ok) throw throttled(reply, now);
    });
    const live = (row?.setup_code_expires_at?.getTime() ?? 0) > ctx.now().getTime();
    if (!row || !codeHash || !ok || !live || !row.active) {
      throttle.failed(keys, ctx.now().getTime());
      throw new ApiError(401, 'invalid_credentials', WRONG_SETUP_CODE);
    }
    throttle.succeeded(keys);
    const passwordHash = await hashPassword(body.password);
    const session = await ctx.db.transaction().execute(async (trx) => {
      // Only if the code is still the one checked: used twice at once, the second finds it gone.
      const used = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, setup_code_hash: null, setup_code_expires_at: null })
        .where('id', '=', row.id)
        .where('setup_code_hash', '=', codeHash)
        .where('active', '=', true)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new ApiError(401, 'invalid_credentials', WRONG_SETUP_CODE);
      await deleteSessionsOf(trx, row.tenant_id, row.id);
      return createSession(trx, { id: row.id, tenantId: row.tenant_id }, ctx.now(), ctx.sessionTtlMs, request.headers['user-agent']);
    });
    return signedIn(row, session);
  });

  app.register(async (authed) => {
    authed.addHook('onRequest', authenticator(ctx.db, ctx.now));

    authed.post('/api/auth/logout', async (request) => {
      await deleteSession(ctx.db, request.token!);
      // This instance's streams end now; other instances notice within their session check.
      ctx.streams.endSession(hashToken(request.token!), 'signed_out');
      return { ok: true };
    });

    authed.get('/api/me', async (request): Promise<MeResponse> => {
      const auth = sessionOf(request);
      const row = await ctx.db
        .selectFrom('users')
        .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
        .select([
          'users.id',
          'users.name',
          'users.email',
          'users.role',
          'users.active',
          'tenants.id as tenant_id',
          'tenants.slug',
          'tenants.name as tenant_name',
        ])
        .where('users.id', '=', auth.userId)
        .executeTakeFirstOrThrow();
      return {
        user: userRecord(row),
        workspace: { id: row.tenant_id, slug: row.slug, name: row.tenant_name },
        expiresAt: auth.expiresAt.toISOString(),
      };
    });
  });
}
