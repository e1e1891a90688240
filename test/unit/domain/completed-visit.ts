// A completed visit for invoice and CSV tables: the worked example of
// docs/domain/onsite-visits.md (base $350, rate $135, estimate 3 hours,
// prepaid $625) at a Chicago site, with overrides per row.
import type { Client } from '../../../src/domain/client';
import type { VisitRecord } from '../../../src/protocol/records';

export const CLIENT_ID = '00000000-0000-4000-8000-0000000000c1';
export const SITE_ID = '00000000-0000-4000-8000-00000000005a';
export const TECH_ID = '00000000-0000-4000-8000-0000000000e1';
export const TICKET_ID = '00000000-0000-4000-8000-0000000000a1';
const STAFF_ID = '00000000-0000-4000-8000-0000000000b1';

export const client: Pick<Client, 'id' | 'name' | 'timeZone' | 'sites'> = {
  id: CLIENT_ID,
  name: 'Prairie Dental',
  timeZone: 'America/Chicago',
  sites: [{ id: SITE_ID, name: 'Main office', address: '12 Lake St, Chicago IL', timeZone: 'America/Chicago' }],
};

export const prepayment = (amountCents = 62_500) => ({
  id: '00000000-0000-4000-8000-000000000f01',
  authorizationId: null,
  amountCents,
  method: 'card_by_phone' as const,
  reference: 'AUTH-1',
  recordedBy: STAFF_ID,
  recordedAt: '2026-03-01T15:00:00.000Z',
});

export const AUTHORIZATION_ID = '00000000-0000-4000-8000-000000000d01';
export const moreTime = {
  id: AUTHORIZATION_ID,
  approvalRequestId: '00000000-0000-4000-8000-000000000d02',
  hours: 1,
  amountCents: 13_500,
  reason: 'Server rebuild ran long',
  requestedBy: TECH_ID,
  requestedAt: '2026-03-03T18:00:00.000Z',
};
export const extraPayment = {
  id: '00000000-0000-4000-8000-000000000f02',
  authorizationId: AUTHORIZATION_ID,
  amountCents: 13_500,
  method: 'portal' as const,
  reference: 'PORTAL-9',
  recordedBy: STAFF_ID,
  recordedAt: '2026-03-03T18:05:00.000Z',
};

/** Chicago is UTC−6 in early March (before the DST change on the 8th): 09:10 local = 15:10Z. */
export function completedVisit(over: Partial<VisitRecord> = {}): VisitRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    ticketId: TICKET_ID,
    clientId: CLIENT_ID,
    siteId: SITE_ID,
    contactId: '00000000-0000-4000-8000-0000000000c2',
    scope: 'Replace the front-desk switch',
    needsDowntime: false,
    travelZone: 'local',
    contractBaseFeeCents: 35_000,
    zoneSurchargeCents: 0,
    scopeSurchargeCents: 0,
    surchargeReason: '',
    baseFeeCents: 35_000,
    hourlyRateCents: 13_500,
    estimateHours: 3,
    approvalRequestId: '00000000-0000-4000-8000-000000000d00',
    status: 'completed',
    technicianId: TECH_ID,
    startsAt: '2026-03-03T15:00:00.000Z',
    endsAt: '2026-03-03T18:00:00.000Z',
    scheduledBy: STAFF_ID,
    scheduledAt: '2026-03-01T16:00:00.000Z',
    bookingRefusal: null,
    checkedInAt: '2026-03-03T15:10:00.000Z',
    checkedInBy: TECH_ID,
    checkedOutAt: '2026-03-03T18:25:00.000Z',
    checkedOutBy: TECH_ID,
    onsiteMinutes: 195,
    billedHours: 4,
    payments: [prepayment()],
    authorizations: [],
    workNotes: 'Swapped the switch; patched ports 1–12.',
    parts: [{ description: '24-port switch', quantity: 1 }],
    cancelReason: null,
    cancelledAt: null,
    cancelledBy: null,
    createdBy: STAFF_ID,
    createdAt: '2026-03-01T14:00:00.000Z',
    ...over,
  };
}
