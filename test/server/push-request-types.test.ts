// Request types and lead times through a push (docs/domain/lead-times.md):
// kept by those with leadtime.manage, checked against the domain's rules, and
// named by new tickets, whose promised dates the server computes itself.
// Whatever it refuses writes nothing.
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { MutationArgs } from '../../src/protocol';
import { createWorkspace } from '../../src/server/accounts/workspaces';
import { migrationProvider } from '../../src/server/db/migrations/index';
import { DEFAULT_REQUEST_TYPES } from '../../src/domain/default-request-types';
import { BACKENDS, createTestWorkspace, openTestDatabase, stopTestCluster, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const porting = (overrides: Partial<MutationArgs['upsertRequestType']> = {}): MutationArgs['upsertRequestType'] => ({
  id: uuidv7(),
  name: 'Number porting',
  unit: 'calendar_days',
  minDays: 7,
  maxDays: 20,
  parameter: {
    label: 'How many numbers',
    bands: [
      { from: 1, to: 14, minDays: 7, maxDays: 10 },
      { from: 15, to: null, minDays: 15, maxDays: 20 },
    ],
  },
  note: '',
  position: 10,
  ...overrides,
});

/** Monday 2 March 2026, 10:00 in Chicago (the four-tier client's calendar). */
const MONDAY_MORNING_CHICAGO = '2026-03-02T16:00:00.000Z';

describe.each(BACKENDS)('request types on %s', (backend) => {
  const server = useTestServer(backend);

  async function written(tenantId: string) {
    const { db } = server().database;
    const count = async (table: 'request_types' | 'changes' | 'tickets') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('tenant_id', '=', tenantId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { requestTypes: await count('request_types'), changes: await count('changes'), tickets: await count('tickets') };
  }

  async function addPorting(ws: TestWorkspace): Promise<string> {
    const args = porting();
    expect(await new Desk(server().app, ws.users.service_coordinator.token).apply('upsertRequestType', args)).toMatchObject({
      status: 'applied',
    });
    return args.id;
  }

  it('a coordinator adds a type; a new ticket naming it carries the dates the server promised', async () => {
    const ws = await createTestWorkspace(server());
    const typeId = await addPorting(ws);
    const intake = new Desk(server().app, ws.users.intake.token);
    const ticket = newTicketArgs(ws.clients['four-tier'], { requestTypeId: typeId, requestParam: 20, customerWantedDate: '2026-03-10' });
    expect(await intake.apply('createTicket', ticket, MONDAY_MORNING_CHICAGO)).toMatchObject({ status: 'applied' });

    const { body } = await intake.pull(0, 1000);
    expect(body.changes.find((c) => c.entity === 'request_type')?.data).toMatchObject({
      id: typeId,
      minDays: 7,
      maxDays: 20,
      archived: false,
    });
    expect(body.changes.find((c) => c.entity === 'ticket' && c.id === ticket.id)?.data).toMatchObject({
      leadTime: {
        requestTypeId: typeId,
        requestParam: 20,
        customerWantedDate: '2026-03-10',
        promisedEarliest: '2026-03-17',
        promisedLatest: '2026-03-22',
      },
    });
  });

  it('refuses a minimum over the maximum, naming the rule, and writes nothing', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const before = await written(ws.tenantId);
    const res = await coordinator.pushRaw([
      coordinator.mutation('upsertRequestType', porting({ parameter: null, minDays: 5, maxDays: 3 })),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/the minimum \(5\) exceeds the maximum \(3\); the minimum must not exceed the maximum/);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it('refuses overlapping bands, naming the rule, and writes nothing', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const before = await written(ws.tenantId);
    const bands = [
      { from: 1, to: 14, minDays: 7, maxDays: 10 },
      { from: 12, to: null, minDays: 15, maxDays: 20 },
    ];
    const res = await coordinator.pushRaw([
      coordinator.mutation('upsertRequestType', porting({ parameter: { label: 'How many numbers', bands } })),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/overlaps the band before it/);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it('refuses a technician editing or archiving types, and writes nothing', async () => {
    const ws = await createTestWorkspace(server());
    const typeId = await addPorting(ws);
    const tech = new Desk(server().app, ws.users.technician.token);
    const before = await written(ws.tenantId);
    const edit = await tech.apply('upsertRequestType', porting({ id: typeId, minDays: 1, parameter: null, maxDays: 1 }));
    expect(edit).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(edit.status === 'rejected' ? edit.message : '').toMatch(/may not edit request types.*service_coordinator/);
    expect(await tech.apply('archiveRequestType', { id: typeId, archived: true })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it("refuses another workspace's request type on a new ticket, writing nothing in either", async () => {
    const ws = await createTestWorkspace(server());
    const elsewhere = await createTestWorkspace(server());
    const theirs = await addPorting(elsewhere);
    const intake = new Desk(server().app, ws.users.intake.token);
    const before = [await written(ws.tenantId), await written(elsewhere.tenantId)];
    const refused = await intake.apply('createTicket', newTicketArgs(ws.clients['four-tier'], { requestTypeId: theirs, requestParam: 3 }));
    expect(refused).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(refused.status === 'rejected' ? refused.message : '').toMatch(/Request type .* does not exist in this workspace/);
    expect([await written(ws.tenantId), await written(elsewhere.tenantId)]).toEqual(before);
  });

  it("refuses another workspace's request type id on an edit, writing nothing in either", async () => {
    const ws = await createTestWorkspace(server());
    const elsewhere = await createTestWorkspace(server());
    const theirs = await addPorting(elsewhere);
    const before = [await written(ws.tenantId), await written(elsewhere.tenantId)];
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    expect(await coordinator.apply('upsertRequestType', porting({ id: theirs, name: 'Taken over' }))).toMatchObject({
      status: 'rejected',
      code: 'conflict',
    });
    expect(await coordinator.apply('archiveRequestType', { id: theirs, archived: true })).toMatchObject({
      status: 'rejected',
      code: 'not_found',
    });
    expect([await written(ws.tenantId), await written(elsewhere.tenantId)]).toEqual(before);
  });

  it('refuses a count on a type that takes none, writing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const license = porting({ name: 'License request', unit: 'business_days', minDays: 2, maxDays: 2, parameter: null });
    expect(await coordinator.apply('upsertRequestType', license)).toMatchObject({ status: 'applied' });
    const before = await written(ws.tenantId);
    const refused = await coordinator.apply(
      'createTicket',
      newTicketArgs(ws.clients['four-tier'], { requestTypeId: license.id, requestParam: 4 }),
    );
    expect(refused).toMatchObject({ status: 'rejected', code: 'invalid_request_type' });
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it('archives a type instead of deleting it: tickets keep naming it', async () => {
    const ws = await createTestWorkspace(server());
    const typeId = await addPorting(ws);
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    expect(await coordinator.apply('archiveRequestType', { id: typeId, archived: true })).toMatchObject({ status: 'applied' });
    const row = await server()
      .database.db.selectFrom('request_types')
      .select(['archived'])
      .where('id', '=', typeId)
      .executeTakeFirstOrThrow();
    expect(row.archived).toBe(true);
    // A desk that chose it before the archive arrived still files its ticket.
    const ticket = newTicketArgs(ws.clients['four-tier'], { requestTypeId: typeId, requestParam: 2 });
    expect(await coordinator.apply('createTicket', ticket, MONDAY_MORNING_CHICAGO)).toMatchObject({ status: 'applied' });
  });

  it("a new workspace starts with the guide's request types in its change log", async () => {
    const { workspace } = await createWorkspace(server().database.db, {
      slug: `lead-${uuidv7().slice(-8)}`,
      name: 'Lead times',
      admin: { id: uuidv7(), name: 'Admin', email: `admin-${uuidv7()}@example.com`, password: 'correct horse battery staple' },
    });
    const { db } = server().database;
    const names = (
      await db.selectFrom('request_types').select('name').where('tenant_id', '=', workspace.id).orderBy('position').execute()
    ).map((r) => r.name);
    expect(names).toEqual(DEFAULT_REQUEST_TYPES.map((t) => t.name));
    const changes = await db
      .selectFrom('changes')
      .select('id')
      .where('tenant_id', '=', workspace.id)
      .where('entity', '=', 'request_type')
      .execute();
    expect(changes).toHaveLength(DEFAULT_REQUEST_TYPES.length);
  });
});

describe.each(BACKENDS)('migration 0014 on %s', (backend) => {
  afterAll(stopTestCluster);

  it('gives a workspace that existed before it the default types, in its change log after what it had', async () => {
    const database = await openTestDatabase(backend, { upTo: '0010-ticket-event-actor' });
    try {
      const { db } = database;
      const tenantId = uuidv7();
      await db.insertInto('tenants').values({ id: tenantId, slug: 'before-0014', name: 'Before', change_seq: 5, purged_seq: 0 }).execute();
      const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
      if (error) throw error;
      const changes = await db.selectFrom('changes').select(['seq', 'wire']).where('tenant_id', '=', tenantId).orderBy('seq').execute();
      expect(changes.map((c) => c.seq)).toEqual(DEFAULT_REQUEST_TYPES.map((_, i) => 6 + i));
      expect(changes.map((c) => c.wire === null)).not.toContain(true);
      const tenant = await db.selectFrom('tenants').select('change_seq').where('id', '=', tenantId).executeTakeFirstOrThrow();
      expect(tenant.change_seq).toBe(5 + DEFAULT_REQUEST_TYPES.length);
    } finally {
      await database.close();
    }
  });
});
