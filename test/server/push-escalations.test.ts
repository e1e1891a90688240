// Escalations through a push (docs/domain/escalations-and-notifications.md):
// the server takes one step at a time along the chain, only from an active
// ticket, acknowledged by the escalated-to role; whatever it refuses writes nothing.
import { describe, expect, it } from 'vitest';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

describe.each(BACKENDS)('escalations on %s', (backend) => {
  const server = useTestServer(backend);

  /** Escalation rows and changes of the tenant: both stay as they were after a refusal. */
  async function written(tenantId: string) {
    const { db } = server().database;
    const count = async (table: 'escalations' | 'changes') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('tenant_id', '=', tenantId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { escalations: await count('escalations'), changes: await count('changes') };
  }

  async function openTicket(ws: TestWorkspace, desk: Desk): Promise<string> {
    const ticket = newTicketArgs(ws.clients['four-tier']);
    expect(await desk.apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    return ticket.id;
  }

  const escalation = (
    ticketId: string,
    level: 1 | 2 | 3,
    reason = 'No reply from the vendor for two days.',
  ): MutationArgs['escalateTicket'] => ({
    id: uuidv7(),
    ticketId,
    level,
    reason,
  });

  it('applies an escalation and its acknowledgement, and a pull sends both', async () => {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const ticketId = await openTicket(ws, tech);
    const { changes: cursor } = await written(ws.tenantId);
    const args = escalation(ticketId, 1);
    expect(await tech.apply('escalateTicket', args)).toMatchObject({ status: 'applied' });
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    expect(await coordinator.apply('acknowledgeEscalation', { id: args.id })).toMatchObject({ status: 'applied' });

    const { body } = await tech.pull(0, 1000);
    const pulled = body.changes.filter((c) => c.entity === 'escalation');
    expect(pulled).toHaveLength(1);
    expect(pulled[0]!.data).toMatchObject({
      id: args.id,
      ticketId,
      level: 1,
      toRole: 'service_coordinator',
      reason: args.reason,
      escalatedBy: ws.users.technician.id,
      acknowledgedBy: ws.users.service_coordinator.id,
    });
    expect(pulled[0]!.seq).toBeGreaterThan(cursor);
  });

  it('escalates a ticket created in the same push', async () => {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const { body } = await tech.push([tech.mutation('createTicket', ticket), tech.mutation('escalateTicket', escalation(ticket.id, 1))]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('goes one step at a time and refuses past the Site Director, writing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const ticketId = await openTicket(ws, tech);
    for (const level of [1, 2, 3] as const) {
      expect(await tech.apply('escalateTicket', escalation(ticketId, level))).toMatchObject({ status: 'applied' });
    }
    const before = await written(ws.tenantId);
    const refused = await tech.apply('escalateTicket', escalation(ticketId, 3));
    expect(refused).toMatchObject({ status: 'rejected', code: 'invalid_escalation' });
    expect(refused.status === 'rejected' ? refused.message : '').toMatch(/last step; follow it up with them directly/);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it('refuses a step another desk took meanwhile, saying what to do', async () => {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const ticketId = await openTicket(ws, tech);
    expect(await tech.apply('escalateTicket', escalation(ticketId, 1))).toMatchObject({ status: 'applied' });
    const other = new Desk(server().app, ws.users.engineer.token);
    const before = await written(ws.tenantId);
    const refused = await other.apply('escalateTicket', escalation(ticketId, 1));
    expect(refused).toMatchObject({ status: 'rejected', code: 'invalid_escalation' });
    expect(refused.status === 'rejected' ? refused.message : '').toMatch(/escalated meanwhile.*escalate again/);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it('refuses to escalate a closed ticket, writing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const ticketId = await openTicket(ws, tech);
    expect(await tech.apply('closeTicket', { id: ticketId, noteId: uuidv7(), resolution: 'Fixed.' })).toMatchObject({ status: 'applied' });
    const before = await written(ws.tenantId);
    const refused = await tech.apply('escalateTicket', escalation(ticketId, 1));
    expect(refused).toMatchObject({ status: 'rejected', code: 'invalid_escalation' });
    expect(refused.status === 'rejected' ? refused.message : '').toMatch(/Reopen the ticket first/);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it("refuses another workspace's ticket as not found, writing nothing in either", async () => {
    const ws = await createTestWorkspace(server());
    const elsewhere = await createTestWorkspace(server());
    const theirs = await openTicket(elsewhere, new Desk(server().app, elsewhere.users.technician.token));
    const before = [await written(ws.tenantId), await written(elsewhere.tenantId)];
    const refused = await new Desk(server().app, ws.users.technician.token).apply('escalateTicket', escalation(theirs, 1));
    expect(refused).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(refused.status === 'rejected' ? refused.message : '').toMatch(/does not exist in this workspace/);
    expect([await written(ws.tenantId), await written(elsewhere.tenantId)]).toEqual(before);
  });

  it('refuses an empty reason as a bad request naming the reason, writing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const ticketId = await openTicket(ws, tech);
    const before = await written(ws.tenantId);
    const res = await tech.pushRaw([tech.mutation('escalateTicket', escalation(ticketId, 1, '   '))]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/the reason is empty/);
    expect(await written(ws.tenantId)).toEqual(before);
  });

  it('refuses an acknowledgement by a role the escalation did not go to, writing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const tech = new Desk(server().app, ws.users.technician.token);
    const ticketId = await openTicket(ws, tech);
    const args = escalation(ticketId, 1);
    expect(await tech.apply('escalateTicket', args)).toMatchObject({ status: 'applied' });
    const before = await written(ws.tenantId);
    for (const role of ['technician', 'supervisor'] as const) {
      const refused = await new Desk(server().app, ws.users[role].token).apply('acknowledgeEscalation', { id: args.id });
      expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' });
      expect(refused.status === 'rejected' ? refused.message : '').toMatch(/Only the Service Coordinator \(or an admin\).*Ask them/);
    }
    expect(await written(ws.tenantId)).toEqual(before);
    const row = await server()
      .database.db.selectFrom('escalations')
      .select('acknowledged_by')
      .where('id', '=', args.id)
      .executeTakeFirstOrThrow();
    expect(row.acknowledged_by).toBeNull();
  });
});
