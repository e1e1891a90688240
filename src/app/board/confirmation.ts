// The words a scheduler reads or sends to the customer once a visit is booked:
// the slot in the site's zone (describeSlot), who is coming, and where.
import { describeSlot } from '../../domain/visit-schedule';

export function confirmationText(p: {
  startsAt: string;
  endsAt: string;
  siteZone: string;
  technicianName: string;
  siteName: string;
  address: string;
  scope: string;
}): string {
  const where = p.address.trim() ? `${p.siteName}, ${p.address.trim()}` : p.siteName;
  return (
    `Your onsite visit is booked for ${describeSlot(p.startsAt, p.endsAt, p.siteZone)}. ` +
    `${p.technicianName} will come to ${where} for: ${p.scope.trim().replace(/[.\s]+$/, '')}.`
  );
}
