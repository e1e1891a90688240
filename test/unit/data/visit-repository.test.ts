// Onsite visits on the desk (docs/domain/onsite-visits.md): each bad input the
// issue names — a zero or negative rate, an estimate of 0 hours, a site of
// another client, a prepayment that is not the base plus whole $25
// increments, an overlapping booking, a check-out before the check-in — is
// refused with a message naming it, and nothing is written: not the visit, not
// its approval request, not an outbox entry. A good request queues the
// approval request and the visit together.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalRepository } from '../../../src/data/approval-repository';
import { openDb, type SwitchboardDb } from '../../../src/data/db';
import { loadSyncState, saveSyncState } from '../../../src/data/outbox';
import { TicketRepository } from '../../../src/data/ticket-repository';
import { VisitRepository, type VisitDraft } from '../../../src/data/visit-repository';
import { newClient } from '../../../src/domain/client';
import type { StaffRole } from '../../../src/domain/ticket';

const C1 = '019a0000-0000-7000-8000-0000000000c1';
const C2 = '019a0000-0000-7000-8000-0000000000c2';
const SITE = '019a0000-0000-7000-8000-0000000000d1';
const OTHER_SITE = '019a0000-0000-7000-8000-0000000000d2';
const CONTACT = '019a0000-0000-7000-8000-0000000000e1';
const SCHEDULER = '019a0000-0000-7000-8000-0000000000a1';
const TESS = '019a0000-0000-7000-8000-0000000000a2';

// Wednesday 4 March 2026, 09:00 in Chicago.
const now = new Date('2026-03-04T15:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

let db: SwitchboardDb;
let visits: VisitRepository;
let tickets: TicketRepository;
let ticketId: string;

async function signIn(userId: string) {
  await saveSyncState(db, { ...(await loadSyncState(db)), userId });
}

beforeEach(async () => {
  db = openDb(`test-${crypto.randomUUID()}`);
  await db.clients.bulkPut([
    newClient({ id: C1, name: 'Harbor Dental', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' }, SITE),
    newClient({ id: C2, name: 'Lakeside Law', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' }, OTHER_SITE),
  ]);
  await db.contacts.put({
    id: CONTACT,
    clientId: C1,
    name: 'Rachel Adams',
    phones: [],
    emails: ['rachel@harbor.example'],
    role: 'billing_contact',
    approvalLimitCents: null,
  });
  const staff: [string, string, StaffRole][] = [
    [SCHEDULER, 'Sam', 'scheduler'],
    [TESS, 'Tess', 'technician'],
  ];
  await db.staff.bulkPut(staff.map(([id, name, role]) => ({ id, name, role })));
  await signIn(SCHEDULER);
  tickets = new TicketRepository(db);
  const created = await tickets.create(
    { clientId: C1, title: 'Switch in the server room is down', description: '', priority: 'standard', channel: 'phone', assigneeId: null },
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  ticketId = created.ticket.id;
  visits = new VisitRepository(db, new ApprovalRepository(db));
});
afterEach(async () => {
  tickets.close();
  await db.delete();
});

// The guide's example: $350 base (the contract's), $135 an hour, 3 hours → $620, prepaid $625.
const draft = (patch: Partial<VisitDraft> = {}): VisitDraft => ({
  ticketId,
  siteId: SITE,
  contactId: CONTACT,
  scope: 'Replace the core switch.',
  needsDowntime: false,
  zoneSurchargeCents: 0,
  scopeSurchargeCents: 0,
  surchargeReason: '',
  hourlyRateCents: 13_500,
  estimateHours: 3,
  ...patch,
});

/** Everything a refused step must leave as it was. */
async function written() {
  return {
    outbox: await db.outbox.toArray(),
    visits: await db.visits.toArray(),
    approvals: await db.approvalRequests.toArray(),
  };
}

async function expectRefusedUnchanged(step: () => Promise<unknown>, message: RegExp) {
  const before = await written();
  await expect(step()).rejects.toThrow(message);
  expect(await written()).toEqual(before);
}

/** A visit the client approved (as if the approval had synced) and, unless told otherwise, prepaid. */
async function approvedVisit(prepay = true): Promise<string> {
  const visit = await visits.request(draft(), now);
  await db.approvalRequests.update(visit.approvalRequestId, { status: 'approved' });
  if (prepay) await visits.recordPrepayment(visit.id, { amountCents: 62_500, method: 'portal', reference: 'PR-1' }, now);
  return visit.id;
}

describe('requesting a visit', () => {
  it('queues the approval request and the visit together, the visit held by that request', async () => {
    const before = (await db.outbox.toArray()).map((e) => e.name);
    const visit = await visits.request(draft(), now);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual([...before, 'requestApproval', 'requestVisit']);
    expect(await db.visits.get(visit.id)).toMatchObject({
      clientId: C1,
      siteId: SITE,
      status: 'requested',
      baseFeeCents: 35_000,
      hourlyRateCents: 13_500,
      estimateHours: 3,
    });
    expect(await db.approvalRequests.get(visit.approvalRequestId)).toMatchObject({
      ticketId,
      requesterContactId: CONTACT,
      onsite: true,
      estimateMinutes: 180,
      estimateCents: 62_000,
    });
  });

  it.each([
    ['a zero hourly rate', { hourlyRateCents: 0 }, /hourly rate must be more than \$0\.00/],
    ['a negative hourly rate', { hourlyRateCents: -13_500 }, /hourly rate must be more than \$0\.00/],
    ['a negative scope surcharge lowering the base', { scopeSurchargeCents: -5_000 }, /base fee is below the contract's \$350\.00/],
    ['an estimate of 0 hours', { estimateHours: 0 }, /Estimate at least 1 whole hour onsite/],
    ['a site of another client', { siteId: OTHER_SITE }, /Choose one of Harbor Dental's sites: that site is not theirs/],
    ['a local site charged a zone surcharge', { zoneSurchargeCents: 7_500 }, /surcharge is fixed by the zone/],
    // The approval request is queued before the visit's own checks refuse this: both must roll back.
    ['an empty scope', { scope: '   ' }, /Describe the work to be done onsite/],
  ])('refuses %s and writes nothing', async (_name, patch, message) => {
    await expectRefusedUnchanged(() => visits.request(draft(patch), now), message);
  });

  it('refuses a contact of another client and writes nothing', async () => {
    await db.contacts.put({ ...(await db.contacts.get(CONTACT))!, id: '019a0000-0000-7000-8000-0000000000e2', clientId: C2 });
    await expectRefusedUnchanged(
      () => visits.request(draft({ contactId: '019a0000-0000-7000-8000-0000000000e2' }), now),
      /Choose one of Harbor Dental's contacts/,
    );
  });
});

describe('the prepayment', () => {
  const paid = (amountCents: number) => ({ amountCents, method: 'portal' as const, reference: 'PR-1' });

  it('is refused before the client approves, and writes nothing', async () => {
    const visit = await visits.request(draft(), now);
    await expectRefusedUnchanged(() => visits.recordPrepayment(visit.id, paid(62_500), now), /has not approved this visit's quote yet/);
  });

  it.each([
    [
      'the estimate itself, $620: not base + whole $25 increments',
      62_000,
      /base fee plus whole \$25\.00 increments: for this quote, \$625\.00/,
    ],
    ['$600: whole increments short of the estimate', 60_000, /\$600\.00 does not cover the estimate of \$620\.00/],
    ['a cent over the required $625', 62_501, /base fee plus whole \$25\.00 increments/],
  ])('refuses %s and writes nothing', async (_name, cents, message) => {
    const id = await approvedVisit(false);
    await expectRefusedUnchanged(() => visits.recordPrepayment(id, paid(cents), now), message);
  });

  it('takes the required $625, or more increments, and the visit is ready to book', async () => {
    const id = await approvedVisit(false);
    await visits.recordPrepayment(id, paid(65_000), now);
    expect((await db.visits.get(id))!.payments.map((p) => p.amountCents)).toEqual([65_000]);
    expect((await db.outbox.toArray()).at(-1)!.name).toBe('recordVisitPayment');
  });
});

describe('booking', () => {
  // Thursday 5 March, 09:00–12:00 Chicago.
  const nineAm = '2026-03-05T15:00:00.000Z';

  it('refuses a visit overlapping the technician’s booking, naming it, and writes nothing', async () => {
    const first = await approvedVisit();
    const second = await approvedVisit();
    await visits.schedule(first, TESS, nineAm, now);
    await expectRefusedUnchanged(
      () => visits.schedule(second, TESS, '2026-03-05T17:00:00.000Z', now),
      /Tess is already booked .*9:00.*12:00.* at Harbor Dental, Main office: a technician cannot be in two places at once/,
    );
  });

  it('books a visit starting as the other ends, and moves a visit over its own slot', async () => {
    const first = await approvedVisit();
    const second = await approvedVisit();
    await visits.schedule(first, TESS, nineAm, now);
    await visits.schedule(second, TESS, '2026-03-05T18:00:00.000Z', now);
    await visits.schedule(first, TESS, '2026-03-05T14:00:00.000Z', now);
    expect((await db.visits.get(first))!).toMatchObject({
      technicianId: TESS,
      startsAt: '2026-03-05T14:00:00.000Z',
      endsAt: '2026-03-05T17:00:00.000Z',
    });
    expect((await db.visits.get(second))!).toMatchObject({ startsAt: '2026-03-05T18:00:00.000Z', endsAt: '2026-03-05T21:00:00.000Z' });
  });

  it('refuses a start off the quarter hour and writes nothing', async () => {
    const id = await approvedVisit();
    await expectRefusedUnchanged(() => visits.schedule(id, TESS, '2026-03-05T15:10:00.000Z', now), /quarter hour/);
  });

  it('refuses booking a scheduler onsite and writes nothing', async () => {
    const id = await approvedVisit();
    await expectRefusedUnchanged(() => visits.schedule(id, SCHEDULER, nineAm, now), /Sam is a scheduler, not a technician or engineer/);
  });
});

describe('check-in and check-out', () => {
  async function onsite(): Promise<string> {
    const id = await approvedVisit();
    await visits.schedule(id, TESS, now.toISOString(), now);
    await signIn(TESS);
    await visits.checkIn(id, later(10).toISOString(), later(10));
    return id;
  }

  it('refuses a check-out before the check-in and writes nothing', async () => {
    const id = await onsite();
    await expectRefusedUnchanged(
      () => visits.checkOut(id, later(5).toISOString(), later(60)),
      /Check-out is before check-in: give the time you left, after the time you arrived/,
    );
  });

  it('refuses a check-out in the future and writes nothing', async () => {
    const id = await onsite();
    await expectRefusedUnchanged(() => visits.checkOut(id, later(120).toISOString(), later(60)), /in the future/);
  });

  it('refuses a check-in in the future and writes nothing', async () => {
    const id = await approvedVisit();
    await visits.schedule(id, TESS, now.toISOString(), now);
    await signIn(TESS);
    await expectRefusedUnchanged(() => visits.checkIn(id, later(30).toISOString(), now), /in the future: check in when you arrive/);
  });

  it('refuses a payment for more time that is not its hours at the agreed rate, and writes nothing', async () => {
    const id = await onsite();
    await visits.requestMoreTime(id, 1, 'The second switch is faulty too.', later(60));
    const authorization = (await db.visits.get(id))!.authorizations[0]!;
    await db.approvalRequests.update(authorization.approvalRequestId, { status: 'approved' });
    await signIn(SCHEDULER);
    await expectRefusedUnchanged(
      () => visits.recordExtraPayment(id, authorization.id, { amountCents: 12_500, method: 'portal', reference: 'PR-2' }, later(70)),
      /The extra 1 h at the agreed rate is \$135\.00: take exactly that amount/,
    );
  });

  it("lists a visit still onsite from before the day's start with the technician's visits, and not another's", async () => {
    const id = await onsite();
    // The next day's list (from midnight after the check-in): the visit started the day before but is not checked out.
    const nextDay = { from: '2026-03-05T06:00:00.000Z', to: '2026-03-06T06:00:00.000Z' };
    const first = <T>(l: { subscribe(o: { next: (v: T) => void }): { unsubscribe(): void } }) =>
      new Promise<T>((resolve) => {
        const sub = l.subscribe({ next: (v) => (sub.unsubscribe(), resolve(v)) });
      });
    expect((await first(visits.liveFor(TESS, nextDay.from, nextDay.to))).visits.map((v) => v.id)).toEqual([id]);
    expect((await first(visits.liveFor(SCHEDULER, nextDay.from, nextDay.to))).visits).toEqual([]);
    await visits.checkOut(id, later(60).toISOString(), later(60));
    expect((await first(visits.liveFor(TESS, nextDay.from, nextDay.to))).visits).toEqual([]);
  });

  it('records the check-out with the whole hours billed', async () => {
    const id = await onsite();
    // 09:10 to 12:25 Chicago: 3 h 15 min → 4 hours.
    await visits.checkOut(id, later(205).toISOString(), later(205));
    expect(await db.visits.get(id)).toMatchObject({ status: 'completed', onsiteMinutes: 195, billedHours: 4 });
  });
});
