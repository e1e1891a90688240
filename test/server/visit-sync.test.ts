// Visits and the sync faults (docs/sync-protocol.md): two schedulers booking
// the same technician offline converge on the first booking to reach the
// server, and the refusal of the second is kept on its visit for every desk;
// a repeated push, a reordered one and one whose answer was lost apply once;
// a desk's clock ahead or behind is bounded by the server's.
import { describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from './harness';
import { visitWorld } from './visit-fixture';

const MINUTE = 60_000;

describe.each(BACKENDS)('visit sync on %s', (backend) => {
  const server = useTestServer(backend);

  it('two desks booking the same technician offline: the first booking stands, the second is refused and every desk sees why', async () => {
    const w = await visitWorld(server());
    const first = await w.prepaid();
    const second = await w.prepaid();
    const technicianId = w.ws.users.technician.id;
    const startsAt = w.slotIn(3);
    // Both queued offline, each desk's own copy showing the technician free.
    const a = w.scheduler.mutation('scheduleVisit', { id: first.id, slot: { technicianId, startsAt } }, w.now());
    const b = w.lead.mutation(
      'scheduleVisit',
      { id: second.id, slot: { technicianId, startsAt: new Date(Date.parse(startsAt) + 30 * MINUTE).toISOString() } },
      w.now(),
    );
    expect((await w.scheduler.push([a])).body.results[0]).toMatchObject({ status: 'applied' });
    const before = await w.counts();
    const refused = (await w.lead.push([b])).body.results[0];
    expect(refused).toMatchObject({
      status: 'rejected',
      code: 'booking_conflict',
      message: expect.stringMatching(
        /technician person is already booked .*\(America\/Chicago\) at Harbor Dental Group, Main office.* made by scheduler person/,
      ),
    });
    // One change: the refusal noted on the refused visit, which stays unbooked.
    expect(await w.counts()).toEqual({ visits: before.visits, changeSeq: before.changeSeq + 1 });

    // The first scheduler's desk pulls the reason too.
    const { body } = await w.scheduler.pull(before.changeSeq, 100);
    expect(body.changes).toEqual([
      expect.objectContaining({
        entity: 'visit',
        id: second.id,
        data: expect.objectContaining({
          status: 'requested',
          technicianId: null,
          bookingRefusal: {
            technicianId,
            startsAt: new Date(Date.parse(startsAt) + 30 * MINUTE).toISOString(),
            reason: (refused as { message: string }).message,
            attemptedBy: w.ws.users.supervisor.id,
            refusedAt: w.now(),
          },
        }),
      }),
    ]);
    const booked = await server()
      .database.db.selectFrom('visits')
      .select('id')
      .where('technician_id', '=', technicianId)
      .where('status', '=', 'scheduled')
      .execute();
    expect(booked.map((r) => r.id)).toEqual([first.id]);

    // The same refused push sent again (its answer lost): the same answer, and no second note.
    const again = await w.lead.push([b]);
    expect(again.body.results[0]).toMatchObject({ status: 'rejected', code: 'booking_conflict' });
    expect((await w.counts()).changeSeq).toBe(before.changeSeq + 1);

    // Booking it elsewhere clears the note.
    const later = w.slotIn(8);
    expect(await w.lead.apply('scheduleVisit', { id: second.id, slot: { technicianId, startsAt: later } }, w.now())).toMatchObject({
      status: 'applied',
    });
    expect((await w.visitRow(second.id))!.booking_refusal).toBeNull();
  });

  it('two desks pushing the same slot at once: exactly one booking applies', async () => {
    const w = await visitWorld(server());
    const first = await w.prepaid();
    const second = await w.prepaid();
    const slot = { technicianId: w.ws.users.engineer.id, startsAt: w.slotIn(5) };
    const [x, y] = await Promise.all([
      w.scheduler.push([w.scheduler.mutation('scheduleVisit', { id: first.id, slot }, w.now())]),
      w.lead.push([w.lead.mutation('scheduleVisit', { id: second.id, slot }, w.now())]),
    ]);
    const statuses = [x.body.results[0]!.status, y.body.results[0]!.status].sort();
    expect(statuses).toEqual(['applied', 'rejected']);
    const booked = await server().database.db.selectFrom('visits').select('id').where('technician_id', '=', slot.technicianId).execute();
    expect(booked).toHaveLength(1);
  });

  it('check-in and check-out pushed twice, out of order, or after a lost answer apply once', async () => {
    const w = await visitWorld(server());
    const { args, startsAt } = await w.booked();
    server().clock.advanceTo(new Date(Date.parse(startsAt) + 2 * MINUTE));
    const arrived = w.now();
    const checkIn = w.tech.mutation('checkInVisit', { id: args.id, at: arrived }, arrived);
    server().clock.advance(90 * MINUTE);
    const checkOut = w.tech.mutation('checkOutVisit', { id: args.id, at: w.now() }, w.now());
    // Out of order: nothing after the gap applies.
    const reordered = await w.tech.push([checkOut, checkIn]);
    expect(reordered.body.results[0]).toMatchObject({ status: 'out_of_order' });
    expect((await w.visitRow(args.id))!.status).toBe('scheduled');
    // In order, then the same push again as if its answer had been lost.
    const once = await w.tech.push([checkIn, checkOut]);
    expect(once.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const seq = (await w.counts()).changeSeq;
    const twice = await w.tech.push([checkIn, checkOut]);
    expect(twice.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await w.counts()).changeSeq).toBe(seq);
    expect(await w.visitRow(args.id)).toMatchObject({ status: 'completed', onsite_minutes: 90, billed_hours: 2 });
  });

  it("bounds check-in and check-out by the server's clock: a desk ahead is refused, one behind keeps its own times", async () => {
    const w = await visitWorld(server());
    const { args, startsAt } = await w.booked();
    server().clock.advanceTo(new Date(startsAt));
    const ahead = new Date(server().clock.now().getTime() + 20 * MINUTE).toISOString();
    const { body } = await w.tech.push([w.tech.mutation('checkInVisit', { id: args.id, at: ahead }, ahead)]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'clock_ahead' });
    // A desk 30 minutes behind: its times are its own, bounded by when it recorded them; minutes come out the same.
    const behind = (minutes: number) => new Date(server().clock.now().getTime() - 30 * MINUTE + minutes * MINUTE).toISOString();
    expect(await w.tech.apply('checkInVisit', { id: args.id, at: behind(0) }, behind(0))).toMatchObject({ status: 'applied' });
    server().clock.advance(61 * MINUTE);
    // Claiming to leave after the desk's own clock says now is refused.
    const before = await w.counts();
    const late = await w.tech.push([w.tech.mutation('checkOutVisit', { id: args.id, at: behind(10) }, behind(0))]);
    expect(late.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'invalid_visit',
      message: expect.stringContaining('in the future'),
    });
    expect(await w.counts()).toEqual(before);
    expect(await w.tech.apply('checkOutVisit', { id: args.id, at: behind(0) }, behind(0))).toMatchObject({ status: 'applied' });
    expect(await w.visitRow(args.id)).toMatchObject({ onsite_minutes: 61, billed_hours: 2 });
  });
});
