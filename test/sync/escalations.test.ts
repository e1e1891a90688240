// Escalating offline, then syncing (docs/domain/escalations-and-notifications.md):
// the desk predicts the step from the escalations it holds, refuses what the
// chain forbids before writing anything, and ends with the server's rows.
import { afterEach, describe, expect, it } from 'vitest';
import { escalationRecord } from '../../src/server/changes/records';
import { LocalMutationRefused } from '../../src/data/outbox';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { SimDesk, sortById, ticketDraft } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

function desk(ws: TestWorkspace, role: keyof TestWorkspace['users']) {
  const d = new SimDesk(server().app, ws.users[role].token, () => 0.5);
  desks.push(d);
  return d;
}

async function serverEscalations(tenantId: string) {
  const rows = await server().database.db.selectFrom('escalations').selectAll().where('tenant_id', '=', tenantId).execute();
  return sortById(rows.map(escalationRecord));
}

async function localEscalations(d: SimDesk, ticketId: string) {
  return sortById(await d.tab.repos.escalations.forTicket(ticketId));
}

describe('escalations on the desk', () => {
  it('escalates offline, refuses a closed ticket without writing, and converges once synced; the coordinator acknowledges', async () => {
    const ws = await createTestWorkspace(server());
    const tech = desk(ws, 'technician');
    await tech.tab.engine.syncNow();
    tech.link.fault = 'offline';

    const created = await tech.tab.repos.tickets.create(ticketDraft(ws), tech.now());
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const ticketId = created.ticket.id;
    const first = await tech.tab.repos.escalations.escalate(ticketId, 'Customer waiting on a callback since Monday.', tech.now());
    expect(first).toMatchObject({ ticketId, level: 1, toRole: 'service_coordinator', escalatedBy: ws.users.technician.id });
    const second = await tech.tab.repos.escalations.escalate(ticketId, 'Still no answer from the coordinator.', tech.now());
    expect(second).toMatchObject({ level: 2, toRole: 'supervisor' });

    const closed = await tech.tab.repos.tickets.create(ticketDraft(ws, 'Already fixed'), tech.now());
    if (!closed.ok) throw new Error('setup');
    await tech.tab.repos.tickets.closeTicket(closed.ticket.id, 'Fixed by the customer.', tech.now());
    const pending = await tech.tab.repos.sync.pendingCount();
    await expect(tech.tab.repos.escalations.escalate(closed.ticket.id, 'Too late', tech.now())).rejects.toThrow(/Reopen the ticket first/);
    await expect(tech.tab.repos.escalations.escalate(ticketId, '  ', tech.now())).rejects.toBeInstanceOf(LocalMutationRefused);
    expect(await tech.tab.repos.sync.pendingCount()).toBe(pending);
    expect(await localEscalations(tech, closed.ticket.id)).toEqual([]);

    tech.link.heal();
    await tech.tab.engine.syncNow();
    expect(await tech.tab.repos.sync.pendingCount()).toBe(0);
    const onServer = await serverEscalations(ws.tenantId);
    expect(onServer.map((e) => [e.level, e.toRole])).toEqual([
      [1, 'service_coordinator'],
      [2, 'supervisor'],
    ]);
    expect(await localEscalations(tech, ticketId)).toEqual(onServer);

    // The technician may not acknowledge; the coordinator, on another desk, does.
    await expect(tech.tab.repos.escalations.acknowledge(first.id, tech.now())).rejects.toThrow(/Only the Service Coordinator/);
    const coordinator = desk(ws, 'service_coordinator');
    await coordinator.tab.engine.syncNow();
    await coordinator.tab.repos.escalations.acknowledge(first.id, coordinator.now());
    await coordinator.tab.engine.syncNow();
    await tech.tab.engine.syncNow();
    const acknowledged = await serverEscalations(ws.tenantId);
    expect(acknowledged.find((e) => e.id === first.id)).toMatchObject({ acknowledgedBy: ws.users.service_coordinator.id });
    expect(await localEscalations(tech, ticketId)).toEqual(acknowledged);
    expect(await localEscalations(coordinator, ticketId)).toEqual(acknowledged);
  });
});
