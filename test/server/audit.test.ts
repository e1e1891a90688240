// The audit log (docs/domain/audit.md): every write is chained per workspace,
// tampering is found with its seq and reason, retention holds in the database
// and in the purge, and only audit roles reach the routes.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../src/server/db/schema';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/verify';
import { purgeAuditLog, PurgeRefused } from '../../src/server/audit/purge';
import { BACKENDS, createTestWorkspace, useTestServer, type TestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs } from './desk';

describe.each(BACKENDS)('audit log on %s', (backend) => {
  const server = useTestServer(backend);

  /** A workspace with a few audited changes: a ticket opened, its status changed, a note. */
  async function workspaceWithHistory(s: TestServer): Promise<{ ws: TestWorkspace; ticketId: string; desk: Desk }> {
    const ws = await createTestWorkspace(s);
    const desk = new Desk(s.app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    expect(await desk.apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    expect(await desk.apply('setStatus', { id: ticket.id, status: 'open' })).toMatchObject({ status: 'applied' });
    return { ws, ticketId: ticket.id, desk };
  }

  /** Runs raw SQL as a superuser who switched off the log's triggers would. */
  async function tamper(s: TestServer, statements: (trx: Transaction<Database>) => Promise<void>) {
    await s.database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await statements(trx);
    });
  }

  /** The seq of the status change's entry on the ticket. */
  async function statusEntry(s: TestServer, tenantId: string): Promise<number> {
    const { rows } = await sql<{ seq: number }>`
      select seq from audit_log where tenant_id = ${tenantId}::uuid and action = 'setStatus' and entity = 'ticket'`.execute(s.database.db);
    expect(rows).toHaveLength(1);
    return Number(rows[0]!.seq);
  }

  async function seqs(s: TestServer, tenantId: string): Promise<number[]> {
    const { rows } = await sql<{ seq: number }>`select seq from audit_log where tenant_id = ${tenantId}::uuid order by seq`.execute(
      s.database.db,
    );
    return rows.map((r) => Number(r.seq));
  }

  it('records a pushed status change with its actor, desk time, before and after', async () => {
    const s = server();
    const ws = await createTestWorkspace(s);
    const desk = new Desk(s.app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    expect(await desk.apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    const performedAt = new Date(s.clock.now().getTime() - 60_000).toISOString();
    expect(await desk.apply('setStatus', { id: ticket.id, status: 'open' }, performedAt)).toMatchObject({ status: 'applied' });

    const { rows } = await sql<{ actor_id: string; performed_at: Date; before: string; after: string; client_id: string }>`
      select actor_id, performed_at, before, after, client_id from audit_log
      where tenant_id = ${ws.tenantId}::uuid and action = 'setStatus' and entity = 'ticket'`.execute(s.database.db);
    expect(rows).toHaveLength(1);
    const entry = rows[0]!;
    expect(entry.actor_id).toBe(ws.users.technician.id);
    expect(new Date(entry.performed_at).toISOString()).toBe(performedAt);
    expect(entry.client_id).toBe(ws.clients['four-tier']);
    expect(JSON.parse(entry.before)).toMatchObject({ id: ticket.id, status: 'new' });
    expect(JSON.parse(entry.after)).toMatchObject({ id: ticket.id, status: 'open' });
    // The ticket's event of the change is entered too, under the ticket's client.
    const { rows: events } = await sql<{ client_id: string }>`
      select client_id from audit_log where tenant_id = ${ws.tenantId}::uuid and action = 'setStatus' and entity = 'ticket_event'`.execute(
      s.database.db,
    );
    expect(events.map((e) => e.client_id)).toEqual([ws.clients['four-tier']]);
    expect(await verifyAuditChain(s.database.db, ws.tenantId)).toMatchObject({ ok: true });
  });

  it('verifies an untouched chain and reports its head', async () => {
    const s = server();
    const { ws } = await workspaceWithHistory(s);
    const all = await seqs(s, ws.tenantId);
    const result = await verifyAuditChain(s.database.db, ws.tenantId);
    expect(result).toMatchObject({ ok: true, entries: all.length, head: { seq: all[all.length - 1] } });
    expect(result.head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.firstBroken).toBeUndefined();
  });

  it('finds a modified entry', async () => {
    const s = server();
    const { ws } = await workspaceWithHistory(s);
    const target = await statusEntry(s, ws.tenantId);
    await tamper(s, async (trx) => {
      await sql`update audit_log set after = replace(after, 'open', 'closed') where tenant_id = ${ws.tenantId}::uuid and seq = ${target}`.execute(
        trx,
      );
    });
    expect(await verifyAuditChain(s.database.db, ws.tenantId)).toMatchObject({
      ok: false,
      firstBroken: { seq: target, reason: 'modified' },
    });
  });

  it('finds a modified entry whose hash was recomputed to hide it', async () => {
    const s = server();
    const { ws } = await workspaceWithHistory(s);
    const target = await statusEntry(s, ws.tenantId);
    await tamper(s, async (trx) => {
      await sql`update audit_log set actor_id = ${ws.users.admin.id}::uuid where tenant_id = ${ws.tenantId}::uuid and seq = ${target}`.execute(
        trx,
      );
      await sql`update audit_log set hash = audit_hash(prev_hash, audit_canonical(tenant_id, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after))
        where tenant_id = ${ws.tenantId}::uuid and seq = ${target}`.execute(trx);
    });
    expect(await verifyAuditChain(s.database.db, ws.tenantId)).toMatchObject({
      ok: false,
      firstBroken: { seq: target, reason: 'modified' },
    });
  });

  it('finds a deleted entry', async () => {
    const s = server();
    const { ws } = await workspaceWithHistory(s);
    const target = (await seqs(s, ws.tenantId))[3]!;
    await tamper(s, async (trx) => {
      await sql`delete from audit_log where tenant_id = ${ws.tenantId}::uuid and seq = ${target}`.execute(trx);
    });
    expect(await verifyAuditChain(s.database.db, ws.tenantId)).toMatchObject({
      ok: false,
      firstBroken: { seq: target, reason: 'missing' },
    });
  });

  it('finds two entries swapped', async () => {
    const s = server();
    const { ws } = await workspaceWithHistory(s);
    const all = await seqs(s, ws.tenantId);
    const [a, b] = [all[2]!, all[3]!];
    await tamper(s, async (trx) => {
      await sql`update audit_log set seq = -1 where tenant_id = ${ws.tenantId}::uuid and seq = ${a}`.execute(trx);
      await sql`update audit_log set seq = ${a} where tenant_id = ${ws.tenantId}::uuid and seq = ${b}`.execute(trx);
      await sql`update audit_log set seq = ${b} where tenant_id = ${ws.tenantId}::uuid and seq = -1`.execute(trx);
    });
    expect(await verifyAuditChain(s.database.db, ws.tenantId)).toMatchObject({ ok: false, firstBroken: { seq: a, reason: 'reordered' } });
  });

  it('finds a cut tail by the head the workspace keeps', async () => {
    const s = server();
    const { ws } = await workspaceWithHistory(s);
    const all = await seqs(s, ws.tenantId);
    const cut = all[all.length - 2]!;
    await tamper(s, async (trx) => {
      await sql`delete from audit_log where tenant_id = ${ws.tenantId}::uuid and seq >= ${cut}`.execute(trx);
    });
    expect(await verifyAuditChain(s.database.db, ws.tenantId)).toMatchObject({
      ok: false,
      firstBroken: { seq: cut, reason: 'head mismatch' },
    });
  });

  it('refuses to rewrite or delete young entries in the database itself', async () => {
    const s = server();
    const { ws } = await workspaceWithHistory(s);
    const { db } = s.database;
    await expect(sql`update audit_log set action = 'x' where tenant_id = ${ws.tenantId}::uuid`.execute(db)).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(sql`delete from audit_log where tenant_id = ${ws.tenantId}::uuid`.execute(db)).rejects.toThrow(/younger than 3 years/);
    expect(await verifyAuditChain(db, ws.tenantId)).toMatchObject({ ok: true });
  });

  it('refuses a purge of young entries, purges old ones, records the purge and still verifies', async () => {
    const s = server();
    const { ws, desk, ticketId } = await workspaceWithHistory(s);
    const { db } = s.database;
    const now = s.clock.now();
    await expect(purgeAuditLog(db, ws.tenantId, new Date(now.getTime() - 365 * 24 * 3600 * 1000), ws.users.admin.id, now)).rejects.toThrow(
      PurgeRefused,
    );
    // The first entries are made four years old, as if recorded then.
    const all = await seqs(s, ws.tenantId);
    const old = all.slice(0, 3);
    await tamper(s, async (trx) => {
      await sql`update audit_log set at = at - interval '4 years' where tenant_id = ${ws.tenantId}::uuid and seq <= ${old[old.length - 1]!}`.execute(
        trx,
      );
      await sql`update audit_log set hash = audit_hash(prev_hash, audit_canonical(tenant_id, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after))
        where tenant_id = ${ws.tenantId}::uuid and seq <= ${old[old.length - 1]!}`.execute(trx);
    });
    // Re-chain what follows, as if it had been written after those older entries all along.
    await tamper(s, async (trx) => {
      for (const seq of all) {
        await sql`update audit_log a set prev_hash = coalesce((select hash from audit_log p where p.tenant_id = a.tenant_id and p.seq = a.seq - 1), prev_hash)
          where tenant_id = ${ws.tenantId}::uuid and seq = ${seq}`.execute(trx);
        await sql`update audit_log set hash = audit_hash(prev_hash, audit_canonical(tenant_id, seq, at, performed_at, actor_id, action, entity, entity_id, client_id, before, after))
          where tenant_id = ${ws.tenantId}::uuid and seq = ${seq}`.execute(trx);
      }
      await sql`update tenants set audit_head = (select hash from audit_log where tenant_id = ${ws.tenantId}::uuid order by seq desc limit 1)
        where id = ${ws.tenantId}::uuid`.execute(trx);
    });
    expect(await verifyAuditChain(db, ws.tenantId)).toMatchObject({ ok: true });

    const cutoff = new Date(now.getTime() - 3.5 * 365 * 24 * 3600 * 1000);
    const outcome = await purgeAuditLog(db, ws.tenantId, cutoff, ws.users.admin.id, now);
    expect(outcome.purged).toBe(old.length);
    expect(await seqs(s, ws.tenantId)).toEqual([...all.slice(old.length), outcome.entrySeq]);
    const { rows } = await sql<{ action: string; actor_id: string; before: string; after: string }>`
      select action, actor_id, before, after from audit_log where tenant_id = ${ws.tenantId}::uuid and seq = ${outcome.entrySeq}`.execute(
      db,
    );
    expect(rows[0]).toMatchObject({ action: 'audit.purge', actor_id: ws.users.admin.id });
    expect(JSON.parse(rows[0]!.before)).toMatchObject({ fromSeq: old[0], toSeq: old[old.length - 1], entries: old.length });
    expect(JSON.parse(rows[0]!.after)).toMatchObject({ anchorSeq: old[old.length - 1] });
    expect(await verifyAuditChain(db, ws.tenantId)).toMatchObject({ ok: true, head: outcome.head });

    // The chain goes on after the purge.
    expect(await desk.apply('setStatus', { id: ticketId, status: 'on_hold' })).toMatchObject({ status: 'applied' });
    expect(await verifyAuditChain(db, ws.tenantId)).toMatchObject({ ok: true });
  });

  describe('routes', () => {
    const get = (s: TestServer, url: string, token: string) =>
      s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    it('lists, verifies and exports for a site director, filtered by client and actor', async () => {
      const s = server();
      const { ws } = await workspaceWithHistory(s);
      const token = ws.users.site_director.token;
      const listed = await get(
        s,
        `/api/audit/entries?clientId=${ws.clients['four-tier']}&actorId=${ws.users.technician.id}&limit=2`,
        token,
      );
      expect(listed.statusCode).toBe(200);
      const page = listed.json<{ entries: Array<{ actorName: string; clientId: string; seq: number }>; nextBefore: number | null }>();
      expect(page.entries).toHaveLength(2);
      expect(page.entries.map((e) => e.actorName)).toEqual(['technician person', 'technician person']);
      expect(page.nextBefore).toBe(page.entries[1]!.seq);
      const older = await get(s, `/api/audit/entries?clientId=${ws.clients['four-tier']}&before=${page.nextBefore}`, token);
      expect(older.json<{ entries: Array<{ seq: number }> }>().entries.map((e) => e.seq < page.nextBefore!)).toContain(true);

      const verified = await get(s, '/api/audit/verify', token);
      expect(verified.json()).toMatchObject({ ok: true, head: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });

      const csv = await get(s, `/api/audit/export.csv?actorId=${ws.users.technician.id}`, token);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('seq,at,performedAt,actorId,actorName,action,entity,entityId,clientId,before,after,hash');
      // JSON text holds quotes and commas: quoted, its quotes doubled.
      expect(lines[1]).toMatch(/,"\{""/);
      expect(lines.slice(1).every((l) => l.includes(ws.users.technician.id))).toBe(true);
      expect(lines.length).toBeGreaterThan(1);
    });

    it('refuses staff without audit.read, and a purge by anyone but an admin or of young entries', async () => {
      const s = server();
      const ws = await createTestWorkspace(s);
      for (const role of ['technician', 'engineer', 'scheduler', 'intake'] as const) {
        const res = await get(s, '/api/audit/entries', ws.users[role].token);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/read the audit log/) } });
      }
      expect((await get(s, '/api/audit/verify', ws.users.technician.token)).statusCode).toBe(403);
      expect((await get(s, '/api/audit/export.csv', ws.users.technician.token)).statusCode).toBe(403);
      const purge = (token: string, before: string) =>
        s.app.inject({ method: 'POST', url: '/api/audit/purge', headers: { authorization: `Bearer ${token}` }, payload: { before } });
      expect((await purge(ws.users.site_director.token, '2001-01-01T00:00:00Z')).statusCode).toBe(403);
      const young = await purge(ws.users.admin.token, s.clock.now().toISOString());
      expect(young.statusCode).toBe(400);
      expect(young.json()).toMatchObject({ error: { message: expect.stringMatching(/kept for 3 years/) } });
      expect((await get(s, '/api/audit/entries?clientId=nope', ws.users.admin.token)).statusCode).toBe(400);
      expect((await get(s, '/api/audit/entries', 'x'.repeat(43))).statusCode).toBe(401);
    });

    it('shows each workspace only its own entries', async () => {
      const s = server();
      const mine = await createTestWorkspace(s);
      const { ws: theirs } = await workspaceWithHistory(s);
      const res = await get(s, `/api/audit/entries?actorId=${theirs.users.technician.id}`, mine.users.admin.token);
      expect(res.json()).toEqual({ entries: [], nextBefore: null });
    });
  });
});
