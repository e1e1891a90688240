// Intake adding an unknown caller as a contact on the desk
// (docs/domain/contacts-and-approvals.md, "Who keeps the list"): a new contact
// with no role is queued and the server takes it; another role, or a change to
// a contact already on the list, is refused on the desk, queuing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { MutationArgs } from '../../src/mutations';
import { createTestWorkspace, useTestServer } from '../server/harness';
import { Desk, uuidv7 } from '../server/desk';
import { SimDesk } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

describe('intake adds a caller on the desk', () => {
  it('queues a new no-role contact; refuses another role or an existing contact before queuing anything', async () => {
    const ws = await createTestWorkspace(server());
    const caller = (over: Partial<MutationArgs['upsertContact']> = {}): MutationArgs['upsertContact'] => ({
      id: uuidv7(),
      clientId: ws.clients['four-tier'],
      name: 'Jordan Lee',
      phones: [{ raw: '913-555-0177', label: 'work' }],
      emails: [],
      role: 'none',
      approvalLimitCents: null,
      ...over,
    });
    const listed = caller({ name: 'Rachel Adams' });
    expect(await new Desk(server().app, ws.users.service_coordinator.token).apply('upsertContact', listed)).toMatchObject({
      status: 'applied',
    });
    const d = new SimDesk(server().app, ws.users.intake.token, () => 0.5);
    desks.push(d);
    await d.tab.engine.syncNow();
    const pending = await d.tab.repos.sync.pendingCount();

    await expect(d.tab.repos.contacts.save(caller({ role: 'billing_contact' }), d.now())).rejects.toThrow(
      /Your role \(intake\) may not change client contacts.*new contact with no role/,
    );
    await expect(d.tab.repos.contacts.save({ ...listed, name: 'Rachel Adamson' }, d.now())).rejects.toThrow(
      /not change a contact already on the list/,
    );
    expect(await d.tab.repos.sync.pendingCount()).toBe(pending);

    const added = await d.tab.repos.contacts.save(caller(), d.now());
    expect(added).toMatchObject({ name: 'Jordan Lee', role: 'none' });
    await d.tab.engine.syncNow();
    expect(await d.tab.repos.sync.pendingCount()).toBe(0);
    const stored = await server().database.db.selectFrom('contacts').select(['id', 'role']).where('tenant_id', '=', ws.tenantId).execute();
    expect(stored).toContainEqual({ id: added.id, role: 'none' });
  });
});
