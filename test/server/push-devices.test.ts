// A device id names one desk's outbox. Before: another user of the workspace
// could push under it, and the owner's own changes with the same sequence
// numbers were then answered 'applied' / 'duplicate' and never stored.
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/protocol';
import { createSession } from '../../src/server/auth/sessions';
import { BACKENDS, createTestWorkspace, useTestServer, type TestServer } from './harness';
import { Desk, newTicketArgs } from './desk';

async function ticketTitles(server: TestServer, tenantId: string) {
  const rows = await server.database.db.selectFrom('tickets').select('title').where('tenant_id', '=', tenantId).orderBy('title').execute();
  return rows.map((r) => r.title);
}

async function devicesOf(server: TestServer, userId: string) {
  const rows = await server.database.db.selectFrom('sync_clients').select('client_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.client_id);
}

describe.each(BACKENDS)('device ids on %s', (backend) => {
  const server = useTestServer(backend);

  it("refuses another user's push under a device id, and the owner's own changes still apply", async () => {
    const ws = await createTestWorkspace(server());
    const technician = new Desk(server().app, ws.users.technician.token);
    await technician.apply('createTicket', newTicketArgs(ws.clients['four-tier'], { title: 'T1 by technician' }));

    const intake = new Desk(server().app, ws.users.intake.token);
    intake.clientId = technician.clientId;
    intake.seq = 1;
    const taken = await intake.push(
      ['I2', 'I3', 'I4'].map((title) => intake.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { title }))),
    );
    expect(taken.status).toBe(403);
    expect(taken.body).toEqual({ error: { code: 'device_in_use', message: expect.stringMatching(/another person.*new device id/) } });

    const own = await technician.push(
      ['T2', 'T3', 'T4'].map((title) =>
        technician.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { title: `${title} by technician` })),
      ),
    );
    expect(own.body.results.map((r) => [r.seq, r.status, 'duplicate' in r])).toEqual([
      [2, 'applied', false],
      [3, 'applied', false],
      [4, 'applied', false],
    ]);
    expect(await ticketTitles(server(), ws.tenantId)).toEqual([
      'T1 by technician',
      'T2 by technician',
      'T3 by technician',
      'T4 by technician',
    ]);
  });

  it('lets the same person push under their device id from a new session', async () => {
    const ws = await createTestWorkspace(server());
    const first = new Desk(server().app, ws.users.technician.token);
    await first.apply('createTicket', newTicketArgs(ws.clients['four-tier']));
    const signedInAgain = new Desk(
      server().app,
      (await createSession(server().database.db, { id: ws.users.technician.id, tenantId: ws.tenantId }, server().clock.now(), 3600_000))
        .token,
    );
    signedInAgain.clientId = first.clientId;
    signedInAgain.seq = first.seq;
    expect(await signedInAgain.apply('createTicket', newTicketArgs(ws.clients['four-tier']))).toMatchObject({ seq: 2, status: 'applied' });
  });

  it('answers a used sequence number carrying a different mutation as refused, not as a duplicate', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const stored = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { title: 'The one stored' }));
    await desk.push([stored]);
    const other = { ...stored, args: newTicketArgs(ws.clients['four-tier'], { title: 'Another under the same number' }) } as Mutation;
    const sameName = await desk.push([other]);
    expect(sameName.body.results).toEqual([
      {
        clientId: desk.clientId,
        seq: 1,
        status: 'rejected',
        code: 'sequence_reused',
        message: expect.stringMatching(/already used for a different change.*not applied/),
        duplicate: true,
      },
    ]);
    const otherName = await desk.push([
      {
        clientId: desk.clientId,
        seq: 1,
        name: 'setStatus',
        args: { id: stored.args.id as string, status: 'open' },
        performedAt: stored.performedAt,
      },
    ]);
    expect(otherName.body.results[0]).toMatchObject({ status: 'rejected', code: 'sequence_reused' });
    // Within one push too: a second, different mutation under a number the push has just used.
    const next = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { title: 'Second' }));
    const twice = await desk.push([
      next,
      { ...next, args: newTicketArgs(ws.clients['four-tier'], { title: 'Not the second' }) } as Mutation,
    ]);
    expect(twice.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'sequence_reused']);
    // The real resend is still a duplicate with the stored answer.
    expect((await desk.push([stored])).body.results[0]).toMatchObject({ status: 'applied', duplicate: true });
    expect(await ticketTitles(server(), ws.tenantId)).toEqual(['Second', 'The one stored']);
  });

  it('keeps at most 20 device ids per person: the least recently used one is recycled, and its desk carries on', async () => {
    const ws = await createTestWorkspace(server());
    const oldest = new Desk(server().app, ws.users.technician.token);
    const first = oldest.mutation('createTicket', newTicketArgs(ws.clients['four-tier']));
    const firstAnswer = (await oldest.push([first])).body.results[0];
    const desks = [oldest];
    for (let i = 0; i < 20; i++) {
      server().clock.advance(1000);
      const desk = new Desk(server().app, ws.users.technician.token);
      await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']));
      desks.push(desk);
    }
    const devices = await devicesOf(server(), ws.users.technician.id);
    expect(devices).toHaveLength(20);
    expect(devices).not.toContain(oldest.clientId);

    // It comes back: its repeat still gets the stored answer, and its next change applies.
    expect((await oldest.push([first])).body.results).toEqual([{ ...firstAnswer, duplicate: true }]);
    expect(await oldest.apply('createTicket', newTicketArgs(ws.clients['four-tier']))).toMatchObject({ seq: 2, status: 'applied' });
    expect(await devicesOf(server(), ws.users.technician.id)).toHaveLength(20);
    // Nobody else can claim it meanwhile.
    const intake = new Desk(server().app, ws.users.intake.token);
    intake.clientId = desks[1]!.clientId;
    intake.seq = 1;
    expect((await intake.push([intake.mutation('createTicket', newTicketArgs(ws.clients['four-tier']))])).status).toBe(403);
  });
});
