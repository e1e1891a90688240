// A console whose person changes: the device id is bound to the first person
// who synced from it, so the next person's changes must go under a new one,
// without losing any (server side: test/server/push-devices.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { serverState, SimDesk, sortById } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

const draft = (ws: TestWorkspace, title: string) =>
  ({
    clientId: ws.clients['four-tier'],
    title,
    description: 'No dial tone',
    priority: 'high',
    channel: 'phone',
    assigneeId: null,
  }) as const;

async function recordedBy(tenantId: string) {
  const rows = await server()
    .database.db.selectFrom('client_mutations')
    .select(['client_id', 'user_id'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const devices = new Map<string, Set<string>>();
  for (const r of rows) devices.set(r.client_id, (devices.get(r.client_id) ?? new Set()).add(r.user_id));
  return [...devices.values()].map((users) => [...users]);
}

describe('a console that changes hands', () => {
  it("takes a new device id when the server says the old one is someone else's, and sends everything", async () => {
    const ws = await createTestWorkspace(server());
    const d = new SimDesk(server().app, ws.users.technician.token, () => 0.5);
    desks.push(d);
    await d.tab.engine.syncNow();
    const first = await d.tab.repos.tickets.create(draft(ws, 'By the technician'), d.now());
    if (!first.ok) throw new Error('setup');
    await d.tab.engine.syncNow();
    const before = (await d.tab.repos.sync.state()).deviceId;

    // The technician signs out; intake signs in on the same console and works.
    d.token = ws.users.intake.token;
    const second = await d.tab.repos.tickets.create(draft(ws, 'By intake'), d.now());
    if (!second.ok) throw new Error('setup');
    await d.tab.engine.syncNow();

    const local = await d.local();
    expect(local.outbox).toEqual([]);
    expect(local.rejections).toEqual([]);
    expect(d.tab.engine.status.get()).toMatchObject({ connection: 'online', error: null });
    expect((await d.tab.repos.sync.state()).deviceId).not.toBe(before);
    expect(sortById(local.tickets)).toEqual((await serverState(server().database, ws.tenantId)).tickets);
    // Each device id carries one person's changes.
    expect((await recordedBy(ws.tenantId)).sort()).toEqual([[ws.users.intake.id], [ws.users.technician.id]].sort());
  });
});
