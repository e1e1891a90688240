import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/server/accounts/workspaces';
import { DEFAULT_SESSION_TTL_MS } from '../../src/server/app';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol';
import { BACKENDS, PASSWORD, PROTOCOL_HEADERS, createTestWorkspace, useTestServer } from './harness';

describe.each(BACKENDS)('auth on %s', (backend) => {
  const server = useTestServer(backend);
  const login = (body: unknown) => server().app.inject({ method: 'POST', url: '/api/auth/login', payload: body as object });
  const me = (token: string) => server().app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });

  it('signs in, answers /api/me, signs out, and then refuses the token', async () => {
    await createWorkspace(
      server().database.db,
      { slug: `acme-${backend}`, name: 'Acme IT', admin: { name: 'Ops Admin', email: 'Ops@Acme.example', password: PASSWORD } },
      server().clock.now(),
    );

    const res = await login({ workspace: `ACME-${backend}`, email: ' ops@acme.example ', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      user: { name: 'Ops Admin', email: 'ops@acme.example', role: 'admin', active: true },
      workspace: { slug: `acme-${backend}`, name: 'Acme IT' },
    });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(body.expiresAt) - server().clock.now().getTime()).toBe(DEFAULT_SESSION_TTL_MS);

    expect((await me(body.token)).json()).toMatchObject({ user: { email: 'ops@acme.example' }, workspace: { name: 'Acme IT' } });
    const out = await server().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${body.token}` } });
    expect(out.statusCode).toBe(200);
    const after = await me(body.token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthorized');
  });

  it('stores only a hash of the session token', async () => {
    const ws = await createTestWorkspace(server());
    const rows = await server().database.db.selectFrom('sessions').select('token_hash').where('tenant_id', '=', ws.tenantId).execute();
    const tokens = Object.values(ws.users).map((u) => u.token);
    expect(rows.length).toBe(tokens.length);
    for (const row of rows) expect(tokens).not.toContain(row.token_hash);
  });

  it.each([
    ['a wrong password', (slug: string) => ({ workspace: slug, email: `intake@${slug}.example`, password: 'wrong password' })],
    ['an unknown email', (slug: string) => ({ workspace: slug, email: `nobody@${slug}.example`, password: PASSWORD })],
    ['an unknown workspace', (slug: string) => ({ workspace: `${slug}-nope`, email: `intake@${slug}.example`, password: PASSWORD })],
  ])('refuses %s with the same message', async (_, body) => {
    const ws = await createTestWorkspace(server());
    const res = await login(body(ws.slug));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'invalid_credentials', message: expect.stringMatching(/workspace, email or password is wrong/) },
    });
  });

  it('refuses an expired session and says to sign in again', async () => {
    const ws = await createTestWorkspace(server());
    const token = ws.users.technician.token;
    expect((await me(token)).statusCode).toBe(200);
    server().clock.advance(24 * 3600 * 1000 + 1);
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'session_expired', message: expect.stringMatching(/Sign in again/) });
  });

  it.each([
    ['a forged token of the right shape', { authorization: `Bearer ${'A'.repeat(43)}` }],
    ['a malformed token', { authorization: 'Bearer not-a-token' }],
    ['a non-bearer scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['no token', {}],
  ])('refuses %s on every authenticated route', async (_, headers) => {
    for (const [method, url] of [
      ['GET', '/api/me'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/sync/push'],
      ['GET', '/api/sync/pull'],
      ['GET', '/api/sync/snapshot'],
      ['GET', '/api/sync/events'],
    ] as const) {
      const res = await server().app.inject({ method, url, headers: { ...PROTOCOL_HEADERS, ...headers } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
  });

  it('answers /api/health without a session', async () => {
    const res = await server().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ ok: true, backend, protocolVersion: PROTOCOL_VERSION });
  });

  it('allows the console origins and no others', async () => {
    const preflight = (origin: string) =>
      server().app.inject({ method: 'OPTIONS', url: '/api/sync/push', headers: { origin, 'access-control-request-method': 'POST' } });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['access-control-allow-headers']).toContain('authorization');
    // Without it a browser refuses to send the protocol version, and every sync would be refused as too old.
    expect(allowed.headers['access-control-allow-headers']).toContain(PROTOCOL_HEADER);
    const refused = await preflight('http://localhost.evil.example');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const health = await server().app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'app://switchboard' } });
    expect(health.headers['access-control-allow-origin']).toBe('app://switchboard');
  });
});
