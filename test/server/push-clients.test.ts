// Clients' service records through a push (docs/domain/clients.md): created and
// edited by those who keep contracts, refused (writing nothing) to anyone else,
// to another workspace's client id, and to a record that breaks a rule.
import { describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../resources/sla-presets';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

function clientArgs(patch: Partial<MutationArgs['upsertClient']> = {}): MutationArgs['upsertClient'] {
  return {
    id: uuidv7(),
    name: 'Harbor Dental Group',
    timeZone: 'America/Chicago',
    prioritySchemeId: 'four-tier',
    sites: [{ id: uuidv7(), name: 'Main office', address: '100 Harbor Way', timeZone: 'America/Chicago' }],
    customPolicy: null,
    contract: { hourlyRateCents: 15_000, onsiteBaseFeeCents: 35_000, afterHoursBillable: 'unless_critical', afterHoursRateCents: null },
    maintenanceWindow: { weekdays: ['sat'], from: '22:00', to: '24:00' },
    onboarding: { afterHoursContactIds: [], authorizationPreferences: 'Email the office manager.', notes: '' },
    ...patch,
  };
}

const customPolicy = {
  ...SLA_PRESETS['four-tier'],
  id: 'harbor-custom',
  priorities: { ...SLA_PRESETS['four-tier'].priorities, critical: { firstResponse: { target: { unit: 'wall-minutes', value: 15 } } } },
};

describe.each(BACKENDS)('client service records on %s', (backend) => {
  const server = useTestServer(backend);

  async function written(tenantId: string) {
    const { db } = server().database;
    const clients = await db.selectFrom('clients').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    const changes = await db
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    return { clients, changes: Number(changes.n) };
  }

  it('creates a client with a site and a custom policy, edits its terms, and a pull sends the record', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const args = clientArgs({ customPolicy: customPolicy as MutationArgs['upsertClient']['customPolicy'] });
    expect(await coordinator.apply('upsertClient', args)).toMatchObject({ status: 'applied' });
    const edited = {
      ...args,
      contract: { ...args.contract, hourlyRateCents: 17_500, afterHoursBillable: 'always' as const, afterHoursRateCents: 25_000 },
    };
    expect(await coordinator.apply('upsertClient', edited)).toMatchObject({ status: 'applied' });

    const { body } = await coordinator.pull(0, 1000);
    const pulled = body.changes.filter((c) => c.entity === 'client' && c.id === args.id);
    expect(pulled).toHaveLength(1);
    expect(pulled[0]!.data).toEqual(edited);
  });

  it('a ticket for a client created in the same push is opened under it', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const args = clientArgs();
    const { body } = await coordinator.push([
      coordinator.mutation('upsertClient', args),
      coordinator.mutation('createTicket', { ...newTicketArgs(args.id), priority: 'critical' }),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('refuses a technician (a technician cannot edit contracts), writing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const before = await written(ws.tenantId);
    const tech = new Desk(server().app, ws.users.technician.token);
    const result = await tech.apply('upsertClient', clientArgs({ id: ws.clients['four-tier'] }));
    expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(result.status === 'rejected' ? result.message : '').toMatch(/technician.*service_coordinator/);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it("refuses another workspace's client id, leaving both workspaces as they were", async () => {
    const mine = await createTestWorkspace(server());
    const theirs = await createTestWorkspace(server());
    const before = { mine: await written(mine.tenantId), theirs: await written(theirs.tenantId) };
    const admin = new Desk(server().app, mine.users.admin.token);
    const result = await admin.apply('upsertClient', clientArgs({ id: theirs.clients['four-tier'], name: 'Taken over' }));
    expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect({ mine: await written(mine.tenantId), theirs: await written(theirs.tenantId) }).toEqual(before);
  });

  it('refuses to change the priority scheme of a client with tickets', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    expect(await coordinator.apply('createTicket', newTicketArgs(ws.clients['four-tier']))).toMatchObject({ status: 'applied' });
    const before = await written(ws.tenantId);
    const result = await coordinator.apply('upsertClient', clientArgs({ id: ws.clients['four-tier'], prioritySchemeId: 'five-priority' }));
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid_priority' });
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it("refuses an after-hours contact that is not the client's", async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const contact = {
      id: uuidv7(),
      clientId: ws.clients['four-severity'],
      name: 'Night Owl',
      phones: [{ raw: '+1 913 555 0199', label: 'mobile' as const }],
      emails: [],
      role: 'backup_approver' as const,
      approvalLimitCents: null,
    };
    expect(await coordinator.apply('upsertContact', contact)).toMatchObject({ status: 'applied' });
    const before = await written(ws.tenantId);
    const args = clientArgs({
      id: ws.clients['four-tier'],
      onboarding: { afterHoursContactIds: [contact.id], authorizationPreferences: '', notes: '' },
    });
    expect(await coordinator.apply('upsertClient', args)).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it.each([
    [
      'a policy that does not validate',
      { customPolicy: { ...customPolicy, calendar: { ...customPolicy.calendar, week: {} } } },
      /no opening window/,
    ],
    ['a policy of another scheme', { customPolicy: SLA_PRESETS['five-priority'] }, /five-priority scheme but the client uses four-tier/],
    ['a zero hourly rate', { contract: { ...clientArgs().contract, hourlyRateCents: 0 } }, /hourly rate must be more than \$0\.00/],
    ['a negative onsite fee', { contract: { ...clientArgs().contract, onsiteBaseFeeCents: -100 } }, /onsite base fee must be more than/],
    ['an unknown time zone', { timeZone: 'America/Atlantis' }, /'America\/Atlantis' is not a known IANA time zone/],
    ['no site', { sites: [] }, /at least one site/],
  ])('refuses %s with a message naming the rule, writing nothing', async (_case, patch, message) => {
    const ws = await createTestWorkspace(server());
    const before = await written(ws.tenantId);
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const { status, body } = await coordinator.push([
      coordinator.mutation('upsertClient', clientArgs(patch as Partial<MutationArgs['upsertClient']>)),
    ]);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(message);
    expect(await written(ws.tenantId)).toEqual(before);
  });
});
