// Onsite visits through a push (docs/domain/onsite-visits.md): quoted with
// their approval request, prepaid once approved, booked, checked in and out by
// the booked technician with the billed hours computed by the server, more time
// asked for and paid, notes recorded, cancelled; each pulled by another desk.
import { describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from './harness';
import { Desk } from './desk';
import { BASE_FEE_CENTS, quoteOf, RATE_CENTS, REGIONAL_SURCHARGE_CENTS, visitWorld } from './visit-fixture';

const MINUTE = 60_000;

describe.each(BACKENDS)('onsite visits on %s', (backend) => {
  const server = useTestServer(backend);

  it('is quoted, approved, prepaid, booked, checked in and out, and another desk pulls it with the billed hours', async () => {
    const w = await visitWorld(server());
    const { args, results } = await w.request({
      siteId: w.farSiteId,
      travelZone: 'regional',
      zoneSurchargeCents: REGIONAL_SURCHARGE_CENTS,
      estimateHours: 3,
    });
    expect(results).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
    expect(await w.approve(args.approvalRequestId)).toMatchObject({ status: 'applied' });
    const prepayment = quoteOf(args);
    expect(await w.scheduler.apply('recordVisitPayment', { ...w.payment(prepayment), id: args.id }, w.now())).toMatchObject({
      status: 'applied',
    });
    const startsAt = w.slotIn(2);
    expect(
      await w.scheduler.apply('scheduleVisit', { id: args.id, slot: { technicianId: w.ws.users.technician.id, startsAt } }, w.now()),
    ).toMatchObject({ status: 'applied' });
    server().clock.advanceTo(new Date(Date.parse(startsAt) + 5 * MINUTE));
    const arrived = w.now();
    expect(await w.tech.apply('checkInVisit', { id: args.id, at: arrived }, arrived)).toMatchObject({ status: 'applied' });
    // 2 h 1 min 30 s onsite: 121 whole minutes, billed as 3 hours.
    server().clock.advance(121 * MINUTE + 30_000);
    const left = w.now();
    expect(await w.tech.apply('checkOutVisit', { id: args.id, at: left }, left)).toMatchObject({ status: 'applied' });

    const other = new Desk(server().app, w.ws.users.service_coordinator.token);
    const { body } = await other.pull(0, 1000);
    const visit = body.changes.filter((c) => c.entity === 'visit' && c.id === args.id).at(-1)!.data;
    expect(visit).toMatchObject({
      status: 'completed',
      siteId: w.farSiteId,
      travelZone: 'regional',
      baseFeeCents: BASE_FEE_CENTS + REGIONAL_SURCHARGE_CENTS,
      hourlyRateCents: RATE_CENTS,
      estimateHours: 3,
      technicianId: w.ws.users.technician.id,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3 * 60 * MINUTE).toISOString(),
      scheduledBy: w.ws.users.scheduler.id,
      checkedInAt: arrived,
      checkedOutAt: left,
      checkedInBy: w.ws.users.technician.id,
      onsiteMinutes: 121,
      billedHours: 3,
      payments: [expect.objectContaining({ amountCents: prepayment, authorizationId: null, recordedBy: w.ws.users.scheduler.id })],
    });
  });

  it('asks for more time, takes its payment once approved, records the work, and cancels another visit', async () => {
    const w = await visitWorld(server());
    const { args, startsAt } = await w.booked();
    server().clock.advanceTo(new Date(startsAt));
    expect(await w.tech.apply('checkInVisit', { id: args.id, at: w.now() }, w.now())).toMatchObject({ status: 'applied' });
    const approvalId = crypto.randomUUID();
    const authorizationId = crypto.randomUUID();
    const { body } = await w.tech.push([
      w.tech.mutation('requestApproval', { ...w.approvalArgs(approvalId, 2), description: 'More time onsite: 2 h.' }, w.now()),
      w.tech.mutation(
        'requestVisitTime',
        { id: args.id, authorizationId, approvalRequestId: approvalId, hours: 2, reason: 'Second printer is also broken.' },
        w.now(),
      ),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await w.approve(approvalId)).toMatchObject({ status: 'applied' });
    expect(
      await w.scheduler.apply('recordVisitPayment', { ...w.payment(2 * RATE_CENTS, authorizationId), id: args.id }, w.now()),
    ).toMatchObject({ status: 'applied' });
    expect(
      await w.tech.apply(
        'recordVisitWork',
        { id: args.id, workNotes: 'Both printers replaced.', parts: [{ description: 'Toner', quantity: 2 }] },
        w.now(),
      ),
    ).toMatchObject({ status: 'applied' });
    const row = await w.visitRow(args.id);
    expect(row).toMatchObject({
      status: 'onsite',
      work_notes: 'Both printers replaced.',
      parts: [{ description: 'Toner', quantity: 2 }],
      authorizations: [expect.objectContaining({ id: authorizationId, hours: 2, amountCents: 2 * RATE_CENTS })],
    });
    expect(row!.payments.map((p) => p.authorizationId)).toEqual([null, authorizationId]);

    const { args: other } = await w.request();
    expect(await w.scheduler.apply('cancelVisit', { id: other.id, reason: 'The client fixed it themselves.' }, w.now())).toMatchObject({
      status: 'applied',
    });
    expect(await w.visitRow(other.id)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'The client fixed it themselves.',
      cancelled_by: w.ws.users.scheduler.id,
    });
  });
});
