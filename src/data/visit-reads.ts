// Reading visits on this desk: each with the status of the approval requests
// it names (a visit's stage is derived from both, src/domain/visits.ts), and
// the desk's own look for a booking that would put a technician in two places.
import type { ApprovalStatus } from '../domain/approval-requests';
import type { StaffMember } from '../domain/ticket';
import { BookingIndex, describeSlot } from '../domain/visit-schedule';
import { conflictMessage, type StatusOf } from '../domain/visits';
import type { VisitRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';

/** Visits with the status of every approval request they name, so a screen derives stages without a second query. */
export interface VisitsWithApprovals {
  visits: VisitRecord[];
  approvals: ReadonlyMap<string, ApprovalStatus>;
}

export function statusOfIn(approvals: ReadonlyMap<string, ApprovalStatus>): StatusOf {
  return (id) => approvals.get(id) ?? null;
}

export async function withApprovals(db: SwitchboardDb, visits: VisitRecord[]): Promise<VisitsWithApprovals> {
  const ids = new Set<string>();
  for (const v of visits) {
    ids.add(v.approvalRequestId);
    for (const a of v.authorizations) ids.add(a.approvalRequestId);
  }
  const rows = await db.approvalRequests.bulkGet([...ids]);
  const approvals = new Map<string, ApprovalStatus>();
  for (const r of rows) if (r) approvals.set(r.id, r.status);
  return { visits, approvals };
}

/**
 * The refusal when `technician` is already booked on this desk's copy during
 * [startsAt, endsAt), naming the booking there first; null when the slot is
 * free here (the server checks again against every desk's bookings).
 */
export async function bookingClash(
  db: SwitchboardDb,
  b: { visitId: string; technician: StaffMember; startsAt: string; endsAt: string; zone: string },
): Promise<string | null> {
  const theirs = await db.visits.where('[technicianId+startsAt]').between([b.technician.id, ''], [b.technician.id, '\uffff']).toArray();
  const index = new BookingIndex(theirs.filter(isBooked).map(asBooking));
  const clash = index.overlapping(b.technician.id, Date.parse(b.startsAt), Date.parse(b.endsAt), b.visitId)[0];
  if (!clash) return null;
  const other = theirs.find((v) => v.id === clash.visitId)!;
  const client = await db.clients.get(other.clientId);
  const site = client?.sites.find((s) => s.id === other.siteId);
  return conflictMessage(
    b.technician.name,
    {
      startsAt: other.startsAt!,
      endsAt: other.endsAt!,
      siteName: site?.name ?? 'another site',
      clientName: client?.name ?? 'another client',
    },
    (start, end) => describeSlot(start, end, site?.timeZone ?? b.zone),
  );
}

function isBooked(v: VisitRecord): boolean {
  return (v.status === 'scheduled' || v.status === 'onsite') && v.technicianId !== null && v.startsAt !== null && v.endsAt !== null;
}

function asBooking(v: VisitRecord) {
  return { visitId: v.id, technicianId: v.technicianId!, startMs: Date.parse(v.startsAt!), endMs: Date.parse(v.endsAt!) };
}

export function sortByStart(visits: VisitRecord[]): VisitRecord[] {
  return visits.sort((a, b) => (a.startsAt ?? a.createdAt).localeCompare(b.startsAt ?? b.createdAt));
}

export function sortByCreated(visits: VisitRecord[]): VisitRecord[] {
  return visits.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
