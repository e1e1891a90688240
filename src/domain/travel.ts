// Where a site is, for what a visit there costs and how long it takes to get
// there (docs/domain/onsite-visits.md, "Location"). The guide raises the base
// fee "depending on geographical location": each site is put in a travel zone
// whose surcharge is added to the contract's base fee. Travel between two
// visits is estimated from the sites' coordinates when both have them.

export const TRAVEL_ZONES = ['local', 'regional', 'distant', 'remote'] as const;
export type TravelZone = (typeof TRAVEL_ZONES)[number];

export interface TravelZoneRule {
  label: string;
  /** Added to the contract's base fee; null: the scheduler quotes the surcharge for each visit, with its reason. */
  surchargeCents: number | null;
}

export const TRAVEL_ZONE_RULES: Record<TravelZone, TravelZoneRule> = {
  local: { label: 'Local (within 25 miles)', surchargeCents: 0 },
  regional: { label: 'Regional (25–60 miles)', surchargeCents: 7_500 },
  distant: { label: 'Distant (60–120 miles)', surchargeCents: 15_000 },
  remote: { label: 'Remote (over 120 miles): quoted per visit', surchargeCents: null },
};

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export function geoPointProblem(p: GeoPoint): string | null {
  if (!Number.isFinite(p.latitude) || p.latitude < -90 || p.latitude > 90) return 'Latitude is between -90 and 90 degrees.';
  if (!Number.isFinite(p.longitude) || p.longitude < -180 || p.longitude > 180) return 'Longitude is between -180 and 180 degrees.';
  return null;
}

/** Roads are longer than the straight line; this factor and the speed are the planning assumptions, shown with the figure. */
export const ROAD_FACTOR = 1.3;
export const AVERAGE_SPEED_KMH = 60;
/** Parking, signing in at reception, finding the equipment room. */
export const ARRIVAL_MINUTES = 10;
const EARTH_RADIUS_KM = 6371;

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Minutes to get from one site to the next, rounded up to 5; 0 for the same
 * site; null when either site has no coordinates (the board says so rather
 * than guess).
 */
export function travelMinutes(
  from: { id: string; location?: GeoPoint | null },
  to: { id: string; location?: GeoPoint | null },
): number | null {
  if (from.id === to.id) return 0;
  if (!from.location || !to.location) return null;
  const minutes = (distanceKm(from.location, to.location) * ROAD_FACTOR * 60) / AVERAGE_SPEED_KMH + ARRIVAL_MINUTES;
  return Math.ceil(minutes / 5) * 5;
}
