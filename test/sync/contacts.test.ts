// Contacts edited on the desk (docs/domain/contacts-and-approvals.md): offline
// through the outbox with the desk's reading of the numbers, refused before
// anything is written for bad input or a role that may not, and after the sync
// the desk holds what the server read.
import { afterEach, describe, expect, it } from 'vitest';
import { contactRecord } from '../../src/server/changes/records';
import { LocalMutationRefused } from '../../src/data/outbox';
import type { MutationArgs } from '../../src/protocol';
import { createTestWorkspace, useTestServer, type TestWorkspace } from '../server/harness';
import { uuidv7 } from '../server/desk';
import { SimDesk } from './sim';

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

const args = (clientId: string, overrides: Partial<MutationArgs['upsertContact']> = {}): MutationArgs['upsertContact'] => ({
  id: uuidv7(),
  clientId,
  name: 'Rachel Adams',
  phones: [{ raw: '913.555.0142 ext 12', label: 'work' }],
  emails: ['rachel@harbor.example'],
  role: 'billing_contact',
  approvalLimitCents: null,
  ...overrides,
});

describe('contacts on the desk', () => {
  it('saves offline with the numbers read, refuses bad input and a technician without writing, and converges once synced', async () => {
    const ws = await createTestWorkspace(server());
    const clientId = ws.clients['four-tier'];
    const coordinator = desk(ws, 'service_coordinator');
    await coordinator.tab.engine.syncNow();
    coordinator.link.fault = 'offline';
    const contacts = coordinator.tab.repos.contacts;

    const saved = await contacts.save(args(clientId), coordinator.now());
    expect(saved.phones).toEqual([{ raw: '913.555.0142 ext 12', e164: '+19135550142', extension: '12', label: 'work' }]);
    const pending = await coordinator.tab.repos.sync.pendingCount();
    const refusal = await contacts
      .save(args(clientId, { phones: [{ raw: 'call reception', label: 'work' }] }), coordinator.now())
      .catch((e) => e);
    expect(refusal).toBeInstanceOf(LocalMutationRefused);
    expect(refusal).toMatchObject({
      field: 'phones.0.raw',
      message: expect.stringMatching(/^phones\.0\.raw: "call reception" is not a phone number/),
    });
    await expect(contacts.save(args(clientId, { phones: [], emails: [] }), coordinator.now())).rejects.toThrow(
      /add a phone number or an email/,
    );
    expect(await coordinator.tab.repos.sync.pendingCount()).toBe(pending);
    expect(await contacts.forClient(clientId)).toEqual([saved]);

    coordinator.link.heal();
    await coordinator.tab.engine.syncNow();
    expect(await coordinator.tab.repos.sync.pendingCount()).toBe(0);
    const onServer = await server().database.db.selectFrom('contacts').selectAll().where('tenant_id', '=', ws.tenantId).execute();
    expect(await contacts.forClient(clientId)).toEqual(onServer.map(contactRecord));

    const tech = desk(ws, 'technician');
    await tech.tab.engine.syncNow();
    expect(await tech.tab.repos.contacts.forClient(clientId)).toEqual([saved]);
    await expect(tech.tab.repos.contacts.remove(saved.id, tech.now())).rejects.toThrow(
      /Your role \(technician\) may not change client contacts/,
    );
    expect(await tech.tab.repos.sync.pendingCount()).toBe(0);

    await contacts.remove(saved.id, coordinator.now());
    await coordinator.tab.engine.syncNow();
    expect(await contacts.forClient(clientId)).toEqual([]);
  });
});
