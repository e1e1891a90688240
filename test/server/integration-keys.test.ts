// An admin's integration keys over HTTP (docs/integrations/pbx.md): only an
// admin may list, create or revoke them; the secret is in the creation's answer
// and nowhere else (not the list, not the database, not the audit log); a key
// of another workspace is not found; creation and revocation are audited.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../src/domain/ticket';
import type { CreatedIntegrationKeyResponse, IntegrationKeyListResponse } from '../../src/protocol';
import { hashToken } from '../../src/server/auth/sessions';
import { BACKENDS, createTestWorkspace, useTestServer, type TestServer, type TestWorkspace } from './harness';

const call = (app: FastifyInstance, method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

async function keyRows(server: TestServer, ws: TestWorkspace) {
  return server.database.db.selectFrom('integration_keys').selectAll().where('tenant_id', '=', ws.tenantId).orderBy('id').execute();
}

describe.each(BACKENDS)('integration keys on %s', (backend) => {
  const server = useTestServer(backend);

  it('shows the secret once, stores only its hash, and lists keys without either', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const created = await call(app, 'POST', '/api/admin/integrations', ws.users.admin.token, { label: '  3CX main office ' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { key, secret } = created.json<CreatedIntegrationKeyResponse>();
    expect(secret).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ label: '3CX main office', createdByName: 'admin person', revokedAt: null, lastUsedAt: null });

    const [row] = await keyRows(server(), ws);
    expect(row?.key_hash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));

    const listed = await call(app, 'GET', '/api/admin/integrations', ws.users.admin.token);
    expect(listed.statusCode).toBe(200);
    const body = listed.json<IntegrationKeyListResponse>();
    expect(body.keys).toEqual([key]);
    expect(listed.body).not.toContain(secret.slice(4));
    expect(listed.body).not.toContain(row!.key_hash);

    // A use shows in the list as "last used".
    await app.inject({ method: 'GET', url: `/api/pbx/lookup?number=9135550142&key=${secret}` });
    const after = (await call(app, 'GET', '/api/admin/integrations', ws.users.admin.token)).json<IntegrationKeyListResponse>();
    expect(after.keys[0]?.lastUsedAt).toBe(server().clock.now().toISOString());
  });

  it('records creation and revocation in the audit log, naming the key but never its secret', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const { key, secret } = (
      await call(app, 'POST', '/api/admin/integrations', ws.users.admin.token, { label: 'Zammad bridge' })
    ).json<CreatedIntegrationKeyResponse>();
    const revoked = await call(app, 'POST', `/api/admin/integrations/${key.id}/revoke`, ws.users.admin.token);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().key.revokedAt).toBe(server().clock.now().toISOString());
    // Revoking again changes nothing and is not a second entry.
    expect((await call(app, 'POST', `/api/admin/integrations/${key.id}/revoke`, ws.users.admin.token)).statusCode).toBe(200);

    const { rows: entries } = await sql<{
      action: string;
      actor_id: string;
      entity_id: string;
      before: string | null;
      after: string | null;
    }>`
      select action, actor_id, entity_id, before, after from audit_log
      where tenant_id = ${ws.tenantId}::uuid and entity = 'integration_key' order by seq`.execute(server().database.db);
    expect(entries.map((e) => [e.action, e.actor_id, e.entity_id])).toEqual([
      ['integration.create', ws.users.admin.id, key.id],
      ['integration.revoke', ws.users.admin.id, key.id],
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret.slice(4));
    const verify = await call(app, 'GET', '/api/audit/verify', ws.users.admin.token);
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('refuses everyone but an admin, and creates nothing', async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const others = STAFF_ROLES.filter((r) => r !== 'admin');
    expect(others.length).toBeGreaterThan(0);
    for (const role of others) {
      const token = ws.users[role].token;
      for (const res of [
        await call(app, 'GET', '/api/admin/integrations', token),
        await call(app, 'POST', '/api/admin/integrations', token, { label: 'sneaky' }),
      ]) {
        expect(res.statusCode, role).toBe(403);
        expect(res.json().error.message, role).toContain('ask one of: admin');
      }
    }
    expect(await keyRows(server(), ws)).toEqual([]);
  });

  it('does not find or revoke another workspace’s key, and refuses a bad label', async () => {
    const mine = await createTestWorkspace(server());
    const theirs = await createTestWorkspace(server());
    const { app } = server();
    const { key } = (
      await call(app, 'POST', '/api/admin/integrations', theirs.users.admin.token, { label: 'theirs' })
    ).json<CreatedIntegrationKeyResponse>();
    const res = await call(app, 'POST', `/api/admin/integrations/${key.id}/revoke`, mine.users.admin.token);
    expect(res.statusCode).toBe(404);
    expect((await keyRows(server(), theirs))[0]?.revoked_at).toBeNull();
    expect((await call(app, 'GET', '/api/admin/integrations', mine.users.admin.token)).json()).toEqual({ keys: [] });

    for (const [payload, words] of [
      [{ label: '   ' }, 'Name the key'],
      [{ label: 'x'.repeat(101) }, 'under 100'],
      [{ label: 'ok', secret: 'mine' }, 'unexpected'],
    ] as const) {
      const bad = await call(app, 'POST', '/api/admin/integrations', mine.users.admin.token, payload);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain(words);
    }
    expect(await keyRows(server(), mine)).toEqual([]);
  });
});
