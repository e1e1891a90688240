// Clients' service records edited offline, then synced (docs/domain/clients.md):
// the desk refuses a record that breaks a rule before writing anything, keeps
// its edit through a pull that comes before the push, and ends with the server's
// row; a technician's edit is refused by the server and taken back on the desk.
import { afterEach, describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../resources/sla-presets';
import { LocalMutationRefused } from '../../src/data/outbox';
import { clientRecord } from '../../src/server/changes/records';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { SimDesk, ticketDraft } from './sim';

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

async function serverClient(id: string) {
  const row = await server().database.db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? clientRecord(row) : undefined;
}

describe('client service records on the desk', () => {
  it('creates and edits offline, refuses a bad record without writing, and converges once synced', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = desk(ws, 'service_coordinator');
    await coordinator.tab.engine.syncNow();
    coordinator.link.fault = 'offline';

    const draft = { ...coordinator.tab.repos.clients.draft('Tidewater Optometry', 'America/New_York') };
    const custom = { ...SLA_PRESETS['four-tier'], id: 'tidewater' };
    await coordinator.tab.repos.clients.save({ ...draft, customPolicy: custom }, coordinator.now());
    const pending = await coordinator.tab.repos.sync.pendingCount();
    await expect(
      coordinator.tab.repos.clients.save({ ...draft, contract: { ...draft.contract, hourlyRateCents: 0 } }, coordinator.now()),
    ).rejects.toBeInstanceOf(LocalMutationRefused);
    await expect(coordinator.tab.repos.clients.save({ ...draft, sites: [] }, coordinator.now())).rejects.toThrow(/at least one site/);
    expect(await coordinator.tab.repos.sync.pendingCount()).toBe(pending);

    coordinator.link.heal();
    await coordinator.tab.engine.syncNow();
    expect(await coordinator.tab.repos.sync.pendingCount()).toBe(0);
    const stored = await serverClient(draft.id);
    expect(stored).toMatchObject({ name: 'Tidewater Optometry', customPolicy: custom });
    const local = (await coordinator.local()).clients.find((c) => c.id === draft.id);
    expect(local).toEqual(stored);
  });

  it('refuses a technician on the desk at once, writing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const tech = desk(ws, 'technician');
    await tech.tab.engine.syncNow();
    const before = (await tech.local()).clients.find((c) => c.id === ws.clients['four-tier'])!;
    await expect(tech.tab.repos.clients.save({ ...before, name: 'Renamed' }, tech.now())).rejects.toThrow(
      /Your role \(technician\) may not edit clients/,
    );
    expect(await tech.tab.repos.sync.pendingCount()).toBe(0);
    expect((await tech.local()).clients.find((c) => c.id === before.id)).toEqual(before);
  });

  it('takes back an edit the server refuses (a new scheme for a client with tickets)', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = desk(ws, 'service_coordinator');
    await coordinator.tab.engine.syncNow();
    const id = ws.clients['four-tier'];
    const created = await coordinator.tab.repos.tickets.create(ticketDraft(ws), coordinator.now());
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    await coordinator.tab.engine.syncNow();
    const clientOf = async () => (await coordinator.local()).clients.find((c) => c.id === id);
    const before = (await clientOf())!;
    const site = { id: crypto.randomUUID(), name: 'HQ', address: '', timeZone: 'UTC' };
    await coordinator.tab.repos.clients.save({ ...before, sites: [site], prioritySchemeId: 'five-priority' }, coordinator.now());
    expect((await clientOf())!.prioritySchemeId).toBe('five-priority');
    await coordinator.tab.engine.syncNow();
    expect(await clientOf()).toEqual(before);
    expect((await serverClient(id))!.prioritySchemeId).toBe('four-tier');
  });
});
