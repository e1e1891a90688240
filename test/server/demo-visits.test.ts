// The demo seed's visits (docs/domain/onsite-visits.md, "Demo data"): valid
// records, every stage present, bookings that never overlap, prepayments the
// rules accept, and visits booked today for the demo technician in the site's zone.
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApprovalStatus } from '../../src/domain/approval-requests';
import { prepaymentProblem } from '../../src/domain/onsite-pricing';
import { BookingIndex } from '../../src/domain/visit-schedule';
import { prepaidCents, VISIT_STAGES, visitQuote, visitStage } from '../../src/domain/visits';
import { visitRecordSchema, type ClientRecord, type VisitRecord } from '../../src/protocol';
import { seedDemoWorkspace } from '../../src/server/seed/demo-workspace';
import { openTestDatabase, stopTestCluster } from './harness';

describe('demo visits', () => {
  afterAll(stopTestCluster);

  it('seeds every stage, no double booking, valid prepayments, and visits today for Priya Natarajan', async () => {
    const database = await openTestDatabase('pglite');
    try {
      const now = new Date();
      await seedDemoWorkspace(database.db, { now });
      const changes = await database.db.selectFrom('changes').select(['entity', 'data']).where('op', '=', 'upsert').execute();
      const visits = changes.filter((c) => c.entity === 'visit').map((c) => visitRecordSchema.parse(c.data) as VisitRecord);
      const clients = changes.filter((c) => c.entity === 'client').map((c) => c.data as ClientRecord);
      const approvals = new Map(
        changes
          .filter((c) => c.entity === 'approval_request')
          .map((c) => {
            const a = c.data as { id: string; status: ApprovalStatus };
            return [a.id, a.status] as const;
          }),
      );
      const statusOf = (id: string) => approvals.get(id) ?? null;
      expect(new Set(visits.map((v) => visitStage(v, statusOf)))).toEqual(new Set(VISIT_STAGES));

      const booked = visits.filter((v) => v.startsAt && (v.status === 'scheduled' || v.status === 'onsite'));
      const index = new BookingIndex(
        booked.map((v) => ({
          visitId: v.id,
          technicianId: v.technicianId!,
          startMs: Date.parse(v.startsAt!),
          endMs: Date.parse(v.endsAt!),
        })),
      );
      expect(booked.flatMap((v) => index.overlapping(v.technicianId!, Date.parse(v.startsAt!), Date.parse(v.endsAt!), v.id))).toEqual([]);

      const prepaid = visits.filter((v) => prepaidCents(v) > 0);
      expect(prepaid.length).toBeGreaterThan(5);
      expect(prepaid.map((v) => prepaymentProblem(prepaidCents(v), visitQuote(v)))).toEqual(prepaid.map(() => null));

      const users = changes.filter((c) => c.entity === 'user').map((c) => c.data as { id: string; name: string });
      const priya = users.find((u) => u.name === 'Priya Natarajan')!;
      const todayAt = (v: VisitRecord) => {
        const site = clients.find((c) => c.id === v.clientId)!.sites.find((s) => s.id === v.siteId)!;
        return DateTime.fromISO(v.startsAt!, { zone: site.timeZone }).hasSame(DateTime.fromJSDate(now, { zone: site.timeZone }), 'day');
      };
      const todays = visits.filter((v) => v.technicianId === priya.id && v.status === 'scheduled' && todayAt(v));
      expect(todays).toHaveLength(2);
      // Sites carry zones and coordinates for travel.
      expect(clients.flatMap((c) => c.sites).filter((s) => !s.travelZone || !s.location)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
