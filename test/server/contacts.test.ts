// Contacts through a push (docs/domain/contacts-and-approvals.md): the server
// reads every number again and stores what it read, refuses a contact it
// cannot reach or a number that does not read, naming the field, and writes
// nothing when it refuses.
import { describe, expect, it } from 'vitest';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, uuidv7 } from './desk';

describe.each(BACKENDS)('contacts on %s', (backend) => {
  const server = useTestServer(backend);

  /** The tenant's contact rows and change-log rows: both stay as they were after a refusal. */
  async function written(tenantId: string) {
    const { db } = server().database;
    const contacts = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    const changes = await db
      .selectFrom('changes')
      .select(['seq', 'entity', 'id'])
      .where('tenant_id', '=', tenantId)
      .orderBy('seq')
      .execute();
    return { contacts, changes };
  }

  const contact = (clientId: string, overrides: Partial<MutationArgs['upsertContact']> = {}): MutationArgs['upsertContact'] => ({
    id: uuidv7(),
    clientId,
    name: 'Rachel Adams',
    phones: [
      { raw: '(913) 555 0142 ext. 12', label: 'work' },
      { raw: '+44 20 7946 0958', label: 'mobile' },
    ],
    emails: ['Rachel.Adams@Harbor.example'],
    role: 'backup_approver',
    approvalLimitCents: 150_000,
    ...overrides,
  });

  it('stores the numbers as the server read them, emails lower-cased, and sends that record to desks', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.service_coordinator.token);
    const args = contact(ws.clients['four-tier']);
    expect(await desk.apply('upsertContact', args)).toMatchObject({ status: 'applied' });
    const expected = {
      id: args.id,
      clientId: args.clientId,
      name: 'Rachel Adams',
      phones: [
        { raw: '(913) 555 0142 ext. 12', e164: '+19135550142', extension: '12', label: 'work' },
        { raw: '+44 20 7946 0958', e164: '+442079460958', extension: null, label: 'mobile' },
      ],
      emails: ['rachel.adams@harbor.example'],
      role: 'backup_approver',
      approvalLimitCents: 150_000,
    };
    const { body } = await desk.pull(0, 1000);
    expect(body.changes.find((c) => c.entity === 'contact' && c.id === args.id)?.data).toEqual(expected);
    const snapshot = await desk.snapshot(null, 1000);
    expect(snapshot.body.changes.find((c) => c.entity === 'contact' && c.id === args.id)?.data).toEqual(expected);
  });

  it('reads numbers typed without + in the country the desk says', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const args = contact(ws.clients['four-tier'], { phones: [{ raw: '030 901820', label: 'work' }], defaultCountry: 'DE' });
    expect(await desk.apply('upsertContact', args)).toMatchObject({ status: 'applied' });
    const row = await server().database.db.selectFrom('contacts').select('phones').where('id', '=', args.id).executeTakeFirstOrThrow();
    expect(row.phones).toEqual([{ raw: '030 901820', e164: '+4930901820', extension: null, label: 'work' }]);
  });

  it.each<[string, Partial<MutationArgs['upsertContact']>, RegExp]>([
    ['a number that does not read', { phones: [{ raw: 'hello', label: 'work' }] }, /args\.phones\[0\]\.raw: "hello" is not a phone number/],
    [
      'the second number too short',
      {
        phones: [
          { raw: '913-555-0142', label: 'work' },
          { raw: '12', label: 'mobile' },
        ],
      },
      /args\.phones\[1\]\.raw: "12" is too short/,
    ],
    [
      'no way to reach them',
      { phones: [], emails: [] },
      /args\.phones: A contact needs a way to reach them: add a phone number or an email/,
    ],
    ['a bad email', { emails: ['rachel@'] }, /args\.emails\[0\]: Enter a valid email address/],
    [
      'a limit on a role that does not approve',
      { role: 'portal_admin' },
      /args\.approvalLimitCents: A Portal Admin does not approve charges/,
    ],
    ['an unknown country', { defaultCountry: 'XX' as MutationArgs['upsertContact']['defaultCountry'] }, /args\.defaultCountry/],
  ])('refuses %s, naming the field, and writes nothing', async (_what, overrides, message) => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const before = await written(ws.tenantId);
    const { status, body } = await desk.push([desk.mutation('upsertContact', contact(ws.clients['four-tier'], overrides))]);
    expect(status).toBe(400);
    expect((body as unknown as { error: { message: string } }).error.message).toMatch(message);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it('refuses a technician (contact.manage), naming who may, and writes nothing', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const before = await written(ws.tenantId);
    const result = await desk.apply('upsertContact', contact(ws.clients['four-tier']));
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: expect.stringMatching(/may not change client contacts/),
    });
    expect((await written(ws.tenantId)).contacts).toEqual(before.contacts);
  });

  describe('intake adding an unknown caller (contact.add_caller)', () => {
    const caller = (clientId: string, over: Partial<MutationArgs['upsertContact']> = {}) =>
      contact(clientId, {
        name: 'Jordan Lee',
        phones: [{ raw: '913-555-0177', label: 'work' }],
        emails: [],
        role: 'none',
        approvalLimitCents: null,
        ...over,
      });

    it('adds a new contact with no role', async () => {
      const ws = await createTestWorkspace(server());
      const intake = new Desk(server().app, ws.users.intake.token);
      const args = caller(ws.clients['four-tier']);
      expect(await intake.apply('upsertContact', args)).toMatchObject({ status: 'applied' });
      expect((await written(ws.tenantId)).contacts).toMatchObject([{ id: args.id, name: 'Jordan Lee', role: 'none' }]);
    });

    it.each<[string, Partial<MutationArgs['upsertContact']>, RegExp]>([
      [
        'as a Billing Contact',
        { role: 'billing_contact' },
        /may add a caller as a new contact with no role \(may report issues only\): choose that role/,
      ],
      ['as a MAC-only requestor', { role: 'mac_only_requestor' }, /choose that role/],
    ])('refuses a new contact %s, and writes nothing', async (_label, over, message) => {
      const ws = await createTestWorkspace(server());
      const intake = new Desk(server().app, ws.users.intake.token);
      const before = await written(ws.tenantId);
      expect(await intake.apply('upsertContact', caller(ws.clients['four-tier'], over))).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
        message: expect.stringMatching(message),
      });
      expect(await written(ws.tenantId)).toEqual(before);
    });

    it('refuses changing a contact already on the list, even keeping the role none, and writes nothing', async () => {
      const ws = await createTestWorkspace(server());
      const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
      const existing = caller(ws.clients['four-tier']);
      expect(await coordinator.apply('upsertContact', existing)).toMatchObject({ status: 'applied' });
      const before = await written(ws.tenantId);
      const intake = new Desk(server().app, ws.users.intake.token);
      expect(await intake.apply('upsertContact', { ...existing, name: 'Jordan Leigh' })).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
        message: expect.stringMatching(/Your role \(intake\) may not change client contacts.*not change a contact already on the list/),
      });
      expect(await written(ws.tenantId)).toEqual(before);
      expect(await intake.apply('deleteContact', { id: existing.id })).toMatchObject({ code: 'forbidden' });
    });
  });

  it("refuses a contact for another workspace's client as one for a client that does not exist", async () => {
    const ws = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const theirs = await desk.apply('upsertContact', contact(other.clients['four-tier']));
    const nowhere = await desk.apply('upsertContact', contact(uuidv7()));
    expect(theirs).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(nowhere).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect((await written(other.tenantId)).contacts).toEqual([]);
    expect((await written(ws.tenantId)).contacts).toEqual([]);
  });

  it('applies a resend of the same mutation once', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const m = desk.mutation('upsertContact', contact(ws.clients['four-tier']));
    const first = await desk.push([m]);
    const after = await written(ws.tenantId);
    const again = await desk.push([m]);
    expect(first.body.results[0]).toMatchObject({ status: 'applied' });
    expect(again.body.results[0]).toMatchObject({ status: 'applied', duplicate: true });
    expect(await written(ws.tenantId)).toEqual(after);
    expect(after.contacts).toHaveLength(1);
  });
});
