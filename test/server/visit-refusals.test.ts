// Every bad visit step is refused with a message naming what was wrong and
// what to do, and writes nothing (no visit row, no change): rules the
// arguments' schema holds answer the whole push with 400, rules that need the
// server's rows are refused in place (docs/domain/onsite-visits.md).
import { describe, expect, it } from 'vitest';
import type { Mutation, MutationArgs, RejectionCode } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';
import { BASE_FEE_CENTS, quoteOf, RATE_CENTS, visitWorld, type VisitWorld } from './visit-fixture';

const MINUTE = 60_000;

describe.each(BACKENDS)('visit refusals on %s', (backend) => {
  const server = useTestServer(backend);

  /** Pushes one mutation, expects it refused with `code` and a message containing `says`, and nothing written. */
  async function refused(w: VisitWorld, desk: Desk, m: Mutation, code: RejectionCode, says: string | RegExp) {
    const before = await w.counts();
    const { status, body } = await desk.push([m]);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ status: 'rejected', code, message: expect.stringMatching(says) });
    expect(await w.counts()).toEqual(before);
  }

  /** A push whose arguments the schema refuses: 400 naming the problem, and nothing written. */
  async function malformed(w: VisitWorld, desk: Desk, m: Mutation, says: string) {
    const before = await w.counts();
    const res = await desk.pushRaw([m]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(says);
    expect(await w.counts()).toEqual(before);
    // The server saw no sequence number: the desk's next mutation reuses it.
    desk.seq--;
  }

  it('refuses zero and negative rates and fees, and zero hours, before anything is written', async () => {
    const w = await visitWorld(server());
    const quote = (over: Partial<MutationArgs['requestVisit']>) => w.scheduler.mutation('requestVisit', w.visitArgs(over), w.now());
    await malformed(w, w.scheduler, quote({ hourlyRateCents: 0 }), 'The hourly rate must be more than $0.00.');
    await malformed(w, w.scheduler, quote({ hourlyRateCents: -12_500 }), 'The hourly rate must be more than $0.00.');
    await malformed(w, w.scheduler, quote({ contractBaseFeeCents: 0 }), 'The contract base fee must be more than $0.00.');
    await malformed(w, w.scheduler, quote({ scopeSurchargeCents: -100 }), 'The scope surcharge cannot be negative.');
    await malformed(w, w.scheduler, quote({ estimateHours: 0 }), 'Estimate at least 1 whole hour onsite');
    const { args } = await w.booked();
    await malformed(
      w,
      w.tech,
      w.tech.mutation('requestVisitTime', {
        id: args.id,
        authorizationId: uuidv7(),
        approvalRequestId: uuidv7(),
        hours: 0,
        reason: 'More.',
      }),
      'Ask for at least 1 more whole hour',
    );
    await malformed(
      w,
      w.scheduler,
      w.scheduler.mutation('recordVisitPayment', { ...w.payment(-100), id: args.id }),
      'The payment must be more than $0.00.',
    );
  });

  it("refuses a quote whose site, contact, ticket or contract is not the server's", async () => {
    const w = await visitWorld(server());
    const otherClient = w.ws.clients['four-severity'];
    const otherSite = uuidv7();
    expect(
      await w.lead.apply(
        'upsertClient',
        {
          id: otherClient,
          name: 'Beacon Street Architects',
          timeZone: 'America/New_York',
          prioritySchemeId: 'four-severity',
          sites: [{ id: otherSite, name: 'Studio', address: '1 Beacon St', timeZone: 'America/New_York' }],
          customPolicy: null,
          contract: {
            hourlyRateCents: RATE_CENTS,
            onsiteBaseFeeCents: BASE_FEE_CENTS,
            afterHoursBillable: 'always',
            afterHoursRateCents: null,
          },
          maintenanceWindow: null,
          onboarding: { afterHoursContactIds: [], authorizationPreferences: '', notes: '' },
        },
        w.now(),
      ),
    ).toMatchObject({ status: 'applied' });
    const quote = (over: Partial<MutationArgs['requestVisit']>) => w.scheduler.mutation('requestVisit', w.visitArgs(over), w.now());
    await refused(
      w,
      w.scheduler,
      quote({ siteId: otherSite }),
      'invalid_visit',
      /not one of Harbor Dental Group's: choose one of the client's sites\. Nothing was recorded\.$/,
    );
    await refused(w, w.scheduler, quote({ clientId: otherClient, siteId: otherSite }), 'invalid_visit', /ticket belongs to another client/);
    await refused(
      w,
      w.scheduler,
      quote({ contractBaseFeeCents: BASE_FEE_CENTS - 2_500 }),
      'invalid_visit',
      /The contract changed, quote again: .*\$150\.00/,
    );
    await refused(
      w,
      w.scheduler,
      quote({ travelZone: 'regional', zoneSurchargeCents: 7_500 }),
      'invalid_visit',
      /The contract changed, quote again/,
    );
    await refused(
      w,
      w.scheduler,
      quote({ siteId: w.farSiteId, travelZone: 'regional', zoneSurchargeCents: 5_000 }),
      'invalid_visit',
      /surcharge is \$75\.00, fixed by the zone/,
    );
    // The approval request named does not exist: the desk queues it first, in the same push.
    await refused(w, w.scheduler, quote({}), 'not_found', /Approval request .* does not exist/);
    // Another workspace's ticket is one that does not exist here.
    const elsewhere = await visitWorld(server());
    await refused(w, w.scheduler, quote({ ticketId: elsewhere.ticketId }), 'not_found', /does not exist in this workspace/);
    await refused(w, w.scheduler, quote({ contactId: elsewhere.contactId }), 'invalid_visit', /is not in this workspace/);
  });

  it('refuses an approval on another ticket or not onsite, and a prepayment before approval or off the $25 steps', async () => {
    const w = await visitWorld(server());
    // An approval request on another ticket of the client.
    const ticket2 = uuidv7();
    expect(await w.tech.apply('createTicket', newTicketArgs(w.clientId, { id: ticket2 }), w.now())).toMatchObject({ status: 'applied' });
    const elsewhereApproval = uuidv7();
    expect(await w.scheduler.apply('requestApproval', w.approvalArgs(elsewhereApproval, 2, ticket2), w.now())).toMatchObject({
      status: 'applied',
    });
    await refused(
      w,
      w.scheduler,
      w.scheduler.mutation('requestVisit', w.visitArgs({ approvalRequestId: elsewhereApproval }), w.now()),
      'invalid_visit',
      /approval request is for another ticket/,
    );
    const notOnsite = uuidv7();
    expect(
      await w.scheduler.apply('requestApproval', { ...w.approvalArgs(notOnsite, 3), onsite: false, triggers: ['over_two_hours'] }, w.now()),
    ).toMatchObject({
      status: 'applied',
    });
    await refused(
      w,
      w.scheduler,
      w.scheduler.mutation('requestVisit', w.visitArgs({ approvalRequestId: notOnsite }), w.now()),
      'invalid_visit',
      /not for onsite work/,
    );

    const { args } = await w.request();
    const pay = (amountCents: number) => w.scheduler.mutation('recordVisitPayment', { ...w.payment(amountCents), id: args.id }, w.now());
    const required = quoteOf(args);
    await refused(w, w.scheduler, pay(required), 'invalid_visit', /has not approved this visit's quote yet/);
    expect(await w.approve(args.approvalRequestId)).toMatchObject({ status: 'applied' });
    await refused(w, w.scheduler, pay(required + 1_000), 'invalid_visit', /base fee plus whole \$25\.00 increments/);
    await refused(w, w.scheduler, pay(required - 2_500), 'invalid_visit', /does not cover the estimate/);
    await refused(
      w,
      w.tech,
      w.tech.mutation('recordVisitPayment', { ...w.payment(required), id: args.id }, w.now()),
      'forbidden',
      /may not/,
    );
    // Booking before the prepayment is refused too.
    await refused(
      w,
      w.scheduler,
      w.scheduler.mutation(
        'scheduleVisit',
        { id: args.id, slot: { technicianId: w.ws.users.technician.id, startsAt: w.slotIn(2) } },
        w.now(),
      ),
      'invalid_visit',
      /once the client has approved it and the prepayment is recorded/,
    );
  });

  it('refuses a booking that overlaps, is off the quarter hour, outside the window, or of someone who does not go onsite', async () => {
    const w = await visitWorld(server());
    const { startsAt } = await w.booked();
    const args = await w.prepaid();
    const book = (technicianId: string, at: string) =>
      w.scheduler.mutation('scheduleVisit', { id: args.id, slot: { technicianId, startsAt: at } }, w.now());
    const tech = w.ws.users.technician.id;
    // One hour into the other booking: refused, naming it. The refusal itself is kept on the visit (visit-sync.test.ts).
    const before = await w.counts();
    const { body } = await w.scheduler.push([book(tech, new Date(Date.parse(startsAt) + 60 * MINUTE).toISOString())]);
    expect(body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'booking_conflict',
      message: expect.stringMatching(/technician person is already booked .* at Harbor Dental Group, Main office/),
    });
    expect((await w.visitRow(args.id))!.status).toBe('requested');
    expect((await w.counts()).visits).toBe(before.visits);
    await refused(w, w.scheduler, book(tech, new Date(Date.parse(startsAt) + 7 * MINUTE).toISOString()), 'invalid_visit', /quarter hour/);
    await refused(w, w.scheduler, book(w.ws.users.scheduler.id, w.slotIn(6)), 'invalid_visit', /not a technician or engineer/);
    await refused(w, w.scheduler, book(uuidv7(), w.slotIn(6)), 'invalid_visit', /not on the staff list/);
    const downtime = await w.prepaid({ needsDowntime: true });
    await refused(
      w,
      w.scheduler,
      w.scheduler.mutation('scheduleVisit', { id: downtime.id, slot: { technicianId: tech, startsAt: w.slotIn(6) } }, w.now()),
      'invalid_visit',
      /maintenance window, sat 22:00–24:00/,
    );
  });

  it('refuses check-out before check-in, work by another technician, rebooking once onsite, and payments for time not approved', async () => {
    const w = await visitWorld(server());
    const { args, startsAt } = await w.booked();
    // A visit booked two days ahead: checking in to it now is a slip for another day's visit.
    const later = await w.booked(w.ws.users.technician.id, w.slotIn(48));
    await refused(
      w,
      w.tech,
      w.tech.mutation('checkInVisit', { id: later.args.id, at: w.now() }, w.now()),
      'invalid_visit',
      /booked on another day/,
    );
    server().clock.advanceTo(new Date(startsAt));
    const at = (minutes: number) => new Date(server().clock.now().getTime() + minutes * MINUTE).toISOString();
    await refused(w, w.tech, w.tech.mutation('checkOutVisit', { id: args.id, at: at(0) }, w.now()), 'invalid_visit', /Check in first/);
    await refused(
      w,
      w.engineer,
      w.engineer.mutation('checkInVisit', { id: args.id, at: at(0) }, w.now()),
      'forbidden',
      /booked to another technician/,
    );
    await refused(w, w.tech, w.tech.mutation('checkInVisit', { id: args.id, at: at(30) }, w.now()), 'invalid_visit', /in the future/);
    expect(await w.tech.apply('checkInVisit', { id: args.id, at: at(0) }, w.now())).toMatchObject({ status: 'applied' });
    await refused(w, w.tech, w.tech.mutation('checkInVisit', { id: args.id, at: at(0) }, w.now()), 'invalid_visit', /already checked in/);
    await refused(
      w,
      w.tech,
      w.tech.mutation('checkOutVisit', { id: args.id, at: at(-10) }, w.now()),
      'invalid_visit',
      /Check-out is before check-in/,
    );
    await refused(
      w,
      w.scheduler,
      w.scheduler.mutation(
        'scheduleVisit',
        { id: args.id, slot: { technicianId: w.ws.users.technician.id, startsAt: w.slotIn(4) } },
        w.now(),
      ),
      'invalid_visit',
      /This visit is onsite/,
    );
    await refused(
      w,
      w.scheduler,
      w.scheduler.mutation('cancelVisit', { id: args.id, reason: 'No.' }, w.now()),
      'invalid_visit',
      /This visit is onsite/,
    );
    // More time: the payment waits for the client's approval, then is exactly hours × rate.
    const approvalId = uuidv7();
    const authorizationId = uuidv7();
    await w.tech.push([
      w.tech.mutation('requestApproval', w.approvalArgs(approvalId, 1), w.now()),
      w.tech.mutation(
        'requestVisitTime',
        { id: args.id, authorizationId, approvalRequestId: approvalId, hours: 1, reason: 'Longer.' },
        w.now(),
      ),
    ]);
    const pay = (cents: number) =>
      w.scheduler.mutation('recordVisitPayment', { ...w.payment(cents, authorizationId), id: args.id }, w.now());
    await refused(w, w.scheduler, pay(RATE_CENTS), 'invalid_visit', /not approved the extra time yet/);
    await refused(
      w,
      w.tech,
      w.tech.mutation(
        'requestVisitTime',
        { id: args.id, authorizationId: uuidv7(), approvalRequestId: uuidv7(), hours: 1, reason: 'Again.' },
        w.now(),
      ),
      'invalid_visit',
      /already waiting for the client/,
    );
    expect(await w.approve(approvalId, 60)).toMatchObject({ status: 'applied' });
    await refused(w, w.scheduler, pay(RATE_CENTS + 2_500), 'invalid_visit', /take exactly that amount/);
    expect(
      await w.scheduler.apply('recordVisitPayment', { ...w.payment(RATE_CENTS, authorizationId), id: args.id }, w.now()),
    ).toMatchObject({ status: 'applied' });
  });

  it("refuses another workspace's visit as one that does not exist", async () => {
    const w = await visitWorld(server());
    const { args } = await w.booked();
    const stranger = await createTestWorkspace(server());
    const desk = new Desk(server().app, stranger.users.scheduler.token);
    await refused(
      w,
      desk,
      desk.mutation('cancelVisit', { id: args.id, reason: 'Not ours.' }, w.now()),
      'not_found',
      /does not exist in this workspace/,
    );
  });
});
