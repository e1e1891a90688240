// A site's location as typed in the client page (latitude and longitude, both
// or neither), for travel times between visits (docs/domain/onsite-visits.md, "Location").
import { geoPointProblem, type GeoPoint } from '../../domain/travel';

export interface LocationText {
  latitude: string;
  longitude: string;
}

export function locationText(location: GeoPoint | null | undefined): LocationText {
  return location ? { latitude: String(location.latitude), longitude: String(location.longitude) } : { latitude: '', longitude: '' };
}

/** Both empty: no location (null). Otherwise both decimal degrees in range, or an error naming the site and what to type. */
export function parseLocation(text: LocationText, siteName: string): { ok: true; value: GeoPoint | null } | { ok: false; message: string } {
  const lat = text.latitude.trim();
  const lon = text.longitude.trim();
  if (lat === '' && lon === '') return { ok: true, value: null };
  const number = /^-?\d{1,3}(\.\d+)?$/;
  if (!number.test(lat) || !number.test(lon))
    return {
      ok: false,
      message: `${siteName || 'A site'}'s location: give both latitude and longitude in decimal degrees (e.g. 41.8781 and -87.6298), or leave both empty.`,
    };
  const point = { latitude: Number(lat), longitude: Number(lon) };
  const problem = geoPointProblem(point);
  return problem ? { ok: false, message: `${siteName || 'A site'}'s location: ${problem}` } : { ok: true, value: point };
}
