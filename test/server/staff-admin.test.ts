// Staff administration over HTTP (docs/staff-and-sessions.md): invitation and
// first sign-in with a one-time code, roles, deactivation and password reset
// (each ends the person's sessions and event streams at once), the sessions
// list, the last-admin guard, and refusals that change nothing.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type LoginResponse, type SessionListResponse, type SetupCodeResponse } from '../../src/protocol';
import { Desk, newTicketArgs } from './desk';
import { BACKENDS, PASSWORD, createTestWorkspace, listen, useTestServer, type TestServer, type TestWorkspace } from './harness';
import { openSse } from './sse-reader';

const NEW_PASSWORD = 'a fresh passphrase 42';

function post(app: FastifyInstance, url: string, token: string, payload: unknown = {}) {
  return app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: payload as object });
}
function get(app: FastifyInstance, url: string, token: string) {
  return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}
function login(app: FastifyInstance, workspace: string, email: string, password: string, userAgent = 'test-agent') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': userAgent },
    payload: { workspace, email, password },
  });
}

/** Everything a refused request must leave alone: the staff rows and the change log's position. */
async function staffState(server: TestServer, ws: TestWorkspace) {
  const { db } = server.database;
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'active', 'password_hash'])
    .where('tenant_id', '=', ws.tenantId)
    .orderBy('id')
    .execute();
  const tenant = await db.selectFrom('tenants').select('change_seq').where('id', '=', ws.tenantId).executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('tenant_id', '=', ws.tenantId)
    .orderBy('token_hash')
    .execute();
  return { users, changeSeq: tenant.change_seq, sessions };
}

describe.each(BACKENDS)('staff administration on %s', (backend) => {
  // A session check far slower than any test: what ends streams here must be the admin route itself.
  const server = useTestServer(backend, { heartbeatMs: 60_000, sessionCheckMs: 600_000 });
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });
  const events = (token: string) => openSse(`${base}/api/sync/events?token=${token}&protocol=${PROTOCOL_VERSION}`);

  it('invites a person who signs in first with the one-time code, chooses a password, then signs in with it', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const admin = ws.users.admin.token;
    const invited = await post(app, '/api/admin/staff', admin, {
      name: '  Dana Reyes ',
      email: 'Dana.Reyes@Example.com',
      role: 'technician',
    });
    expect(invited.statusCode).toBe(201);
    const body = invited.json<SetupCodeResponse>();
    expect(body.user).toMatchObject({ name: 'Dana Reyes', email: 'dana.reyes@example.com', role: 'technician', active: true });
    expect(body.setupCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Only the code's hash is stored.
    const row = await server().database.db.selectFrom('users').selectAll().where('id', '=', body.user.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(body.setupCode.replaceAll('-', ''));
    // Desks learn of the new person through the change log.
    const pulled = await new Desk(app, ws.users.intake.token).pull(0);
    expect(pulled.body.changes.find((c) => c.entity === 'user' && c.id === body.user.id)).toMatchObject({
      op: 'upsert',
      data: { name: 'Dana Reyes', role: 'technician', active: true },
    });

    // The code is not a password.
    expect((await login(app, ws.slug, 'dana.reyes@example.com', body.setupCode)).statusCode).toBe(401);
    const tooShort = await app.inject({
      method: 'POST',
      url: '/api/auth/setup-password',
      payload: { workspace: ws.slug, email: 'dana.reyes@example.com', code: body.setupCode, password: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.message).toContain('at least 10 characters');

    // Typed in lower case without dashes, as people do.
    const setup = await app.inject({
      method: 'POST',
      url: '/api/auth/setup-password',
      payload: {
        workspace: ws.slug,
        email: 'DANA.REYES@example.com',
        code: body.setupCode.replaceAll('-', '').toLowerCase(),
        password: NEW_PASSWORD,
      },
    });
    expect(setup.statusCode).toBe(200);
    const first = setup.json<LoginResponse>();
    expect(first.user.id).toBe(body.user.id);
    expect((await get(app, '/api/me', first.token)).statusCode).toBe(200);

    // Used once: the code no longer works; the chosen password does.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/setup-password',
      payload: { workspace: ws.slug, email: 'dana.reyes@example.com', code: body.setupCode, password: 'another passphrase' },
    });
    expect(again.statusCode).toBe(401);
    expect((await login(app, ws.slug, 'dana.reyes@example.com', NEW_PASSWORD)).statusCode).toBe(200);
  }, 30_000);

  it('refuses a setup code past its 7 days', async () => {
    const ws = await createTestWorkspace(server());
    const { app, clock } = server();
    const invited = (
      await post(app, '/api/admin/staff', ws.users.admin.token, { name: 'Late Larry', email: 'larry@example.com', role: 'intake' })
    ).json<SetupCodeResponse>();
    clock.advance(7 * 24 * 3600 * 1000 + 1000);
    const setup = await app.inject({
      method: 'POST',
      url: '/api/auth/setup-password',
      payload: { workspace: ws.slug, email: 'larry@example.com', code: invited.setupCode, password: NEW_PASSWORD },
    });
    expect(setup.statusCode).toBe(401);
    expect(setup.json().error.message).toContain('expired');
  }, 30_000);

  it('changes a role; the next request is judged by the new role', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const desk = new Desk(app, ws.users.intake.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    expect((await desk.apply('createTicket', ticket)).status).toBe('applied');
    const refused = await desk.apply('updateTicket', { id: ticket.id, assigneeId: ws.users.technician.id });
    expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' });

    const changed = await post(app, `/api/admin/staff/${ws.users.intake.id}/role`, ws.users.admin.token, { role: 'technician' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user).toMatchObject({ id: ws.users.intake.id, role: 'technician' });
    expect(await desk.apply('updateTicket', { id: ticket.id, assigneeId: ws.users.technician.id })).toMatchObject({ status: 'applied' });

    // On record as the admin's act, with the role before and after (docs/domain/audit.md).
    const { rows } = await sql<{ actor_id: string | null; before: string; after: string }>`
      select actor_id, before::text as before, after::text as after from audit_log
      where tenant_id = ${ws.tenantId}::uuid and entity = 'user' and entity_id = ${ws.users.intake.id}::uuid and action = 'staff.set_role'`.execute(
      server().database.db,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_id).toBe(ws.users.admin.id);
    expect(rows[0]!.before).toContain('"intake"');
    expect(rows[0]!.after).toContain('"technician"');
  }, 30_000);

  it('deactivation ends the live event stream at once, refuses the next push and sign-in; reactivation lets them sign in again', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const stream = await events(ws.users.engineer.token);
    try {
      await stream.next((m) => m.event === 'poke');
      const res = await post(app, `/api/admin/staff/${ws.users.engineer.id}/deactivate`, ws.users.admin.token);
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ id: ws.users.engineer.id, active: false });
      const end = await stream.next((m) => m.event === 'session_expired');
      expect(JSON.parse(end.data!)).toEqual({ reason: 'ended' });
      await stream.ended;
    } finally {
      stream.close();
    }
    const push = await new Desk(app, ws.users.engineer.token).push([
      new Desk(app, ws.users.engineer.token).mutation('createTicket', newTicketArgs(ws.clients['four-tier'])),
    ]);
    expect(push.status).toBe(401);
    expect((await login(app, ws.slug, ws.users.engineer.email, PASSWORD)).statusCode).toBe(401);
    const sessions = await server()
      .database.db.selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', ws.users.engineer.id)
      .execute();
    expect(sessions).toEqual([]);

    expect((await post(app, `/api/admin/staff/${ws.users.engineer.id}/reactivate`, ws.users.admin.token)).json().user.active).toBe(true);
    expect((await login(app, ws.slug, ws.users.engineer.email, PASSWORD)).statusCode).toBe(200);
  }, 30_000);

  it('a password reset stops the old password, ends every session and hands out a new code', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const stream = await events(ws.users.scheduler.token);
    let code = '';
    try {
      await stream.next((m) => m.event === 'poke');
      const res = await post(app, `/api/admin/staff/${ws.users.scheduler.id}/reset-password`, ws.users.admin.token);
      expect(res.statusCode).toBe(200);
      code = res.json<SetupCodeResponse>().setupCode;
      await stream.next((m) => m.event === 'session_expired');
    } finally {
      stream.close();
    }
    expect((await get(app, '/api/me', ws.users.scheduler.token)).statusCode).toBe(401);
    expect((await login(app, ws.slug, ws.users.scheduler.email, PASSWORD)).statusCode).toBe(401);
    const setup = await app.inject({
      method: 'POST',
      url: '/api/auth/setup-password',
      payload: { workspace: ws.slug, email: ws.users.scheduler.email, code, password: NEW_PASSWORD },
    });
    expect(setup.statusCode).toBe(200);
  }, 30_000);

  it('lists sessions without tokens or hashes, and ends one of two with its event stream', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const second = (
      await login(app, ws.slug, ws.users.technician.email, PASSWORD, 'Switchboard desk on the front counter')
    ).json<LoginResponse>().token;
    const list = await get(app, '/api/admin/sessions', ws.users.admin.token);
    expect(list.statusCode).toBe(200);
    const text = list.body;
    expect(text).not.toContain(second);
    expect(text).not.toContain(ws.users.technician.token);
    expect(text).not.toMatch(/token|hash/i);
    const sessions = list.json<SessionListResponse>().sessions;
    const technicians = sessions.filter((s) => s.userId === ws.users.technician.id);
    expect(technicians).toHaveLength(2);
    expect(sessions.filter((s) => s.current).map((s) => s.userId)).toEqual([ws.users.admin.id]);
    const counter = technicians.find((s) => s.userAgent === 'Switchboard desk on the front counter');
    expect(counter).toBeDefined();

    const stream = await events(second);
    try {
      await stream.next((m) => m.event === 'poke');
      const ended = await post(app, `/api/admin/sessions/${counter!.id}/end`, ws.users.admin.token);
      expect(ended.statusCode).toBe(200);
      await stream.next((m) => m.event === 'session_expired');
      await stream.ended;
    } finally {
      stream.close();
    }
    expect((await get(app, '/api/me', second)).statusCode).toBe(401);
    expect((await get(app, '/api/me', ws.users.technician.token)).statusCode).toBe(200);
    expect((await post(app, `/api/admin/sessions/${counter!.id}/end`, ws.users.admin.token)).statusCode).toBe(404);
  }, 30_000);

  it('will not demote or deactivate the last active admin, and says why', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const admin = ws.users.admin;
    const before = await staffState(server(), ws);
    for (const [url, payload] of [
      [`/api/admin/staff/${admin.id}/role`, { role: 'supervisor' }],
      [`/api/admin/staff/${admin.id}/deactivate`, {}],
    ] as const) {
      const res = await post(app, url, admin.token, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'conflict' });
      expect(res.json().error.message).toContain('last active admin');
    }
    expect(await staffState(server(), ws)).toEqual(before);

    // With a second admin, the first may step down.
    expect((await post(app, `/api/admin/staff/${ws.users.site_director.id}/role`, admin.token, { role: 'admin' })).statusCode).toBe(200);
    expect((await post(app, `/api/admin/staff/${admin.id}/role`, admin.token, { role: 'supervisor' })).statusCode).toBe(200);
    // Now a supervisor, the former admin may not manage staff.
    expect((await get(app, '/api/admin/staff', admin.token)).statusCode).toBe(403);
  }, 30_000);

  it.each([
    ['an unknown role', { name: 'Pat', email: 'pat@example.com', role: 'wizard' }, 400, 'role'],
    ['an invalid email', { name: 'Pat', email: 'pat at example', role: 'intake' }, 400, 'valid email'],
    ['an empty name', { name: '   ', email: 'pat@example.com', role: 'intake' }, 400, 'name'],
    ['an unexpected field', { name: 'Pat', email: 'pat@example.com', role: 'intake', password: 'x' }, 400, 'password'],
    [
      'an email already taken, in other case',
      { name: 'Pat', email: 'TECHNICIAN@{slug}.example', role: 'intake' },
      409,
      'already belongs to',
    ],
  ])(
    'refuses an invitation with %s, naming it, and writes nothing',
    async (_what, payload, status, named) => {
      const ws = await createTestWorkspace(server());
      const before = await staffState(server(), ws);
      const body = { ...payload, email: payload.email.replace('{slug}', ws.slug) };
      const res = await post(server().app, '/api/admin/staff', ws.users.admin.token, body);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toContain(named);
      expect(await staffState(server(), ws)).toEqual(before);
    },
    30_000,
  );

  it('refuses an unknown role in a role change, and a malformed id', async () => {
    const ws = await createTestWorkspace(server());
    const before = await staffState(server(), ws);
    const role = await post(server().app, `/api/admin/staff/${ws.users.intake.id}/role`, ws.users.admin.token, { role: 'overlord' });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.message).toContain('role');
    const id = await post(server().app, '/api/admin/staff/not-an-id/deactivate', ws.users.admin.token);
    expect(id.statusCode).toBe(400);
    expect(id.json().error.message).toContain('id');
    expect(await staffState(server(), ws)).toEqual(before);
  }, 30_000);

  it('refuses every admin route to a technician', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const tech = ws.users.technician.token;
    const before = await staffState(server(), ws);
    const target = ws.users.intake.id;
    const answers = await Promise.all([
      get(app, '/api/admin/staff', tech),
      get(app, '/api/admin/sessions', tech),
      post(app, '/api/admin/staff', tech, { name: 'Sneaky', email: 'sneaky@example.com', role: 'admin' }),
      post(app, `/api/admin/staff/${target}/role`, tech, { role: 'admin' }),
      post(app, `/api/admin/staff/${target}/deactivate`, tech),
      post(app, `/api/admin/staff/${target}/reactivate`, tech),
      post(app, `/api/admin/staff/${target}/reset-password`, tech),
      post(app, `/api/admin/sessions/${target}/end`, tech),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 403));
    expect(answers[0]!.json().error.message).toContain('Your role (technician) may not');
    expect(await staffState(server(), ws)).toEqual(before);
  }, 30_000);

  it("answers an admin of one workspace 404 for another workspace's staff and sessions, changing nothing", async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());
    const { app } = server();
    const before = await staffState(server(), b);
    const victim = b.users.technician.id;
    const theirSession = await server()
      .database.db.selectFrom('sessions')
      .select('id')
      .where('user_id', '=', victim)
      .executeTakeFirstOrThrow();
    const answers = await Promise.all([
      post(app, `/api/admin/staff/${victim}/role`, a.users.admin.token, { role: 'admin' }),
      post(app, `/api/admin/staff/${victim}/deactivate`, a.users.admin.token),
      post(app, `/api/admin/staff/${victim}/reset-password`, a.users.admin.token),
      post(app, `/api/admin/sessions/${theirSession.id}/end`, a.users.admin.token),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    const listed = (await get(app, '/api/admin/staff', a.users.admin.token)).json<{ staff: { id: string }[] }>().staff;
    expect(listed.map((s) => s.id)).not.toContain(victim);
    const sessions = (await get(app, '/api/admin/sessions', a.users.admin.token)).json<SessionListResponse>().sessions;
    expect(sessions.map((s) => s.userId)).not.toContain(victim);
    expect(await staffState(server(), b)).toEqual(before);
  }, 30_000);
});
