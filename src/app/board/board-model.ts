// What the board draws, computed once each time its data changes (the visits of
// the range, the clients, the staff), never per cell or per cursor move: the
// technicians' rows, the visits placed in them, each visit's words (client,
// site, times in the site's zone) and the travel into it.
import type { Client, Site } from '../../domain/client';
import type { StaffMember } from '../../domain/ticket';
import { BOOKABLE_ROLES } from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';
import { placeVisits, type BoardDay, type Placed } from './board-layout';
import { legLabel, travelLegs } from './board-travel';
import { slotTimes } from './visit-labels';

export interface BoardTechnician {
  id: string;
  name: string;
  role: string;
}

/** One visit as a chip on the board. */
export interface ChipText {
  clientName: string;
  siteName: string;
  /** "09:00–12:00 CST" in the site's zone. */
  times: string;
  siteZone: string;
  /** The drive into this visit from the technician's previous one; null for the first. */
  travel: string | null;
  travelWarning: boolean;
  /** Why the server refused a booking of it, for every scheduler to see. */
  refusal: string | null;
}

export interface BoardModel {
  technicians: BoardTechnician[];
  /** technician id → one list per day (each in start order); a row's array changes only with the data. */
  cells: Map<string, Placed<VisitRecord>[][]>;
  chips: Map<string, ChipText>;
}

/** Staff who go onsite and can be booked: technicians and engineers whose accounts are active, by name. */
export function bookableTechnicians(staff: readonly StaffMember[]): BoardTechnician[] {
  return staff
    .filter((s) => (BOOKABLE_ROLES as readonly string[]).includes(s.role) && s.active !== false)
    .map((s) => ({ id: s.id, name: s.name, role: s.role }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface Places {
  client(id: string): Client | undefined;
  site(id: string): (Site & { clientId: string }) | undefined;
}

/** Client and site lookups by id, built once per change of the client list. */
export function indexPlaces(clients: readonly Client[]): Places {
  const byClient = new Map<string, Client>();
  const bySite = new Map<string, Site & { clientId: string }>();
  for (const c of clients) {
    byClient.set(c.id, c);
    for (const s of c.sites) bySite.set(s.id, { ...s, clientId: c.id });
  }
  return { client: (id) => byClient.get(id), site: (id) => bySite.get(id) };
}

export function siteZoneOf(visit: Pick<VisitRecord, 'clientId' | 'siteId'>, places: Places): string {
  return places.site(visit.siteId)?.timeZone ?? places.client(visit.clientId)?.timeZone ?? 'UTC';
}

export function buildBoardModel(
  visits: readonly VisitRecord[],
  days: readonly BoardDay[],
  staff: readonly StaffMember[],
  places: Places,
): BoardModel {
  const technicians = bookableTechnicians(staff);
  // Only what is still taking the technician's time: a cancelled or finished visit is history.
  const cells = placeVisits(
    visits.filter((v) => v.status === 'scheduled' || v.status === 'onsite' || v.status === 'completed'),
    days,
  );
  const legs = travelLegs(cells, (id) => places.site(id));
  const chips = new Map<string, ChipText>();
  for (const row of cells.values())
    for (const list of row)
      for (const { visit, startMs, endMs } of list) {
        const site = places.site(visit.siteId);
        const zone = siteZoneOf(visit, places);
        const leg = legs.get(visit.id);
        chips.set(visit.id, {
          clientName: places.client(visit.clientId)?.name ?? 'Unknown client',
          siteName: site?.name ?? 'Unknown site',
          times: slotTimes(startMs, endMs, zone),
          siteZone: zone,
          travel: leg ? legLabel(leg) : null,
          travelWarning: leg?.tooShort ?? false,
          refusal: visit.bookingRefusal?.reason ?? null,
        });
      }
  return { technicians, cells, chips };
}
