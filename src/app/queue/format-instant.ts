import { DateTime } from 'luxon';

/** An instant in the client's time zone, formatted for the user's locale. */
export function formatInClientZone(iso: string, timeZone: string, locale?: string): string {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone);
  return dt.setLocale(locale ?? navigatorLocale()).toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' });
}

function navigatorLocale(): string {
  return typeof navigator !== 'undefined' ? navigator.language : 'en-US';
}
