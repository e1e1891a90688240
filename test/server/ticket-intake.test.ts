// A ticket opened from a phone call carries its intake block (docs/domain/
// phone-intake.md, "The intake block"). The server runs the intake rules again
// with the client's scheme and the time the call was taken (bounded by its own
// clock) for "after hours", checks the
// caller and the site are the client's, and refuses naming the field.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { TicketIntake } from '../../src/domain/intake';
import type { MutationArgs } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

describe.each(BACKENDS)('phone intake on tickets on %s', (backend) => {
  const server = useTestServer(backend);

  async function contact(ws: TestWorkspace, clientId: string, name: string) {
    const coordinator = new Desk(server().app, ws.users.service_coordinator.token);
    const id = uuidv7();
    const args: MutationArgs['upsertContact'] = {
      id,
      clientId,
      name,
      phones: [{ raw: '+1 913 555 0100', label: 'work' }],
      emails: [],
      role: 'none',
      approvalLimitCents: null,
    };
    expect(await coordinator.apply('upsertContact', args)).toMatchObject({ status: 'applied' });
    return id;
  }

  async function setup() {
    const ws = await createTestWorkspace(server());
    return { ws, intake: new Desk(server().app, ws.users.intake.token), client: ws.clients['four-tier'] };
  }

  /** A High ticket as guidance suggested it; the caller was told about after-hours billing whether or not it applied. */
  function intake(over: Partial<TicketIntake> = {}): TicketIntake {
    return {
      callerContactId: null,
      callerName: 'Dana Whitfield',
      callbackNumber: { raw: '(913) 555-0142 x204', e164: '+19135550142', extension: '204' },
      callerEmail: 'dana@whitfield.example',
      siteId: null,
      siteAddress: '1200 Main St, Kansas City',
      systemNumber: { raw: '913-555-0100', e164: '+19135550100', extension: null },
      requestKind: 'issue',
      impact: 'several',
      workaround: false,
      suggestedPriority: 'high',
      overrideReason: null,
      afterHours: { told: true, agreed: true },
      callId: uuidv7(),
      ...over,
    };
  }

  async function ticketChanges(tenantId: string) {
    const { db } = server().database;
    return (await db.selectFrom('changes').select('id').where('tenant_id', '=', tenantId).where('entity', '=', 'ticket').execute()).length;
  }

  async function refused(
    s: Awaited<ReturnType<typeof setup>>,
    args: MutationArgs['createTicket'],
    field: string,
    message: RegExp,
    performedAt?: string,
  ) {
    const result = await s.intake.apply('createTicket', args, performedAt);
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'invalid_intake',
      message: expect.stringMatching(new RegExp(`^Intake, ${field}: `)),
    });
    expect(result).toMatchObject({ message: expect.stringMatching(message) });
    expect(await ticketChanges(s.ws.tenantId)).toBe(0);
  }

  it("stores the block on the ticket, with the client's contact and site, and another desk pulls it", async () => {
    const s = await setup();
    const dana = await contact(s.ws, s.client, 'Dana Whitfield');
    const site = { id: uuidv7(), name: 'Main office', address: '1200 Main St, Kansas City', timeZone: 'America/Chicago' };
    await server()
      .database.db.updateTable('clients')
      .set({ sites: JSON.stringify([site]) })
      .where('id', '=', s.client)
      .execute();
    const block = intake({ callerContactId: dana, siteId: site.id });
    const args = newTicketArgs(s.client, { intake: block });
    expect(await s.intake.apply('createTicket', args)).toMatchObject({ status: 'applied' });
    const { body } = await new Desk(server().app, s.ws.users.technician.token).pull(0, 1000);
    expect(body.changes.find((c) => c.entity === 'ticket' && c.id === args.id)?.data).toMatchObject({ intake: block });
  });

  it('keeps tickets without a block as they were: no intake field', async () => {
    const s = await setup();
    const args = newTicketArgs(s.client);
    expect(await s.intake.apply('createTicket', args)).toMatchObject({ status: 'applied' });
    const { body } = await s.intake.pull(0, 1000);
    expect(body.changes.find((c) => c.entity === 'ticket' && c.id === args.id)?.data).not.toHaveProperty('intake');
  });

  it('refuses another priority than the suggested one without a reason, and writes nothing', async () => {
    const s = await setup();
    await refused(
      s,
      newTicketArgs(s.client, { priority: 'medium', intake: intake() }),
      'overrideReason',
      /Say why this ticket gets a different priority/,
    );
  });

  it('refuses the most urgent priority with a 9-character description, and writes nothing', async () => {
    const s = await setup();
    const args = newTicketArgs(s.client, {
      priority: 'critical',
      description: 'Down now.',
      intake: intake({ suggestedPriority: 'critical' }),
    });
    expect(args.description).toHaveLength(9);
    await refused(s, args, 'description', /at least 10 characters/);
  });

  it('refuses an email without a domain, and writes nothing', async () => {
    const s = await setup();
    await refused(
      s,
      newTicketArgs(s.client, { intake: intake({ callerEmail: 'dana@whitfield' }) }),
      'callerEmail',
      /has no domain after the @/,
    );
  });

  it('refuses a callback number that does not read as the number the desk claims, and writes nothing', async () => {
    const s = await setup();
    const block = intake({ callbackNumber: { raw: '913-555-0142', e164: '+19135550199', extension: null } });
    await refused(s, newTicketArgs(s.client, { intake: block }), 'callbackNumber', /reads as \+19135550142, not \+19135550199/);
  });

  it('refuses a contact of another client as the caller, and writes nothing', async () => {
    const s = await setup();
    const elsewhere = await contact(s.ws, s.ws.clients['five-priority'], 'Sam Other');
    const args = newTicketArgs(s.client, { intake: intake({ callerContactId: elsewhere }) });
    await refused(s, args, 'callerContactId', /Sam Other is not a contact of four-tier client/);
  });

  it("refuses a site that is not one of the client's, and writes nothing", async () => {
    const s = await setup();
    await refused(s, newTicketArgs(s.client, { intake: intake({ siteId: uuidv7() }) }), 'siteId', /is not one of four-tier client's sites/);
  });

  // Last: they move the server's clock forward to a Sunday night, outside the four-tier contract's Mon–Fri 07:00–17:00 Central.
  async function sundayNight() {
    const now = DateTime.fromJSDate(server().clock.now(), { zone: 'America/Chicago' });
    const sunday = now.plus({ days: 7 - (now.weekday % 7) }).set({ hour: 3, minute: 0, second: 0, millisecond: 0 });
    expect(sunday.weekday).toBe(7);
    server().clock.advanceTo(sunday.toJSDate());
    return sunday;
  }

  it('refuses billable after-hours work taken when the caller was not told, and writes nothing', async () => {
    const sunday = await sundayNight();
    const at = sunday.toUTC().toISO()!;
    const s = await setup();
    await refused(
      s,
      newTicketArgs(s.client, { intake: intake({ afterHours: null }) }),
      'afterHours',
      /It is after hours and the work is billable/,
      at,
    );
    await refused(
      s,
      newTicketArgs(s.client, { intake: intake({ afterHours: { told: false, agreed: false } }) }),
      'afterHours',
      /tell the caller/,
      at,
    );
    // Critical is included after hours: nothing to tell.
    const critical = newTicketArgs(s.client, {
      priority: 'critical',
      description: 'The whole phone system is down.',
      intake: intake({ suggestedPriority: 'critical', afterHours: null }),
    });
    expect(await s.intake.apply('createTicket', critical, at)).toMatchObject({ status: 'applied' });
  });

  it('judges a call taken offline in business hours by when it was taken, not by when it synced after closing', async () => {
    const sunday = await sundayNight();
    // The previous Friday 10:00 in Chicago: business hours.
    const friday = sunday.minus({ days: 2 }).set({ hour: 10 });
    const s = await setup();
    const args = newTicketArgs(s.client, { intake: intake({ afterHours: null }) });
    expect(await s.intake.apply('createTicket', args, friday.toUTC().toISO()!)).toMatchObject({ status: 'applied' });
  });
});
