// A visit's times are read in its site's zone, with the zone named, wherever
// the technician sees them (docs/domain/onsite-visits-technician.md).
import { DateTime } from 'luxon';
import { isValidTimeZone } from '../../domain/sla/zone-time';

/** "14:10 CST": a time of day at the site. */
export function siteTime(iso: string, zone: string): string {
  const t = DateTime.fromISO(iso, { zone: isValidTimeZone(zone) ? zone : 'UTC' });
  return `${t.toFormat('HH:mm')} ${t.offsetNameShort ?? t.toFormat('ZZ')}`;
}

/** "2026-03-04T14:10" at the site, for a datetime-local field. */
export function siteWallTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone: isValidTimeZone(zone) ? zone : 'UTC' }).toFormat("yyyy-LL-dd'T'HH:mm");
}
