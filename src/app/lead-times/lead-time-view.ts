// Lead times as the console shows them: promised dates on the client's
// calendar (its SLA policy's business days and holidays), written in the
// user's locale. The server's dates, once a ticket has them, win.
import {
  LeadTimeError,
  leadTimeCalendar,
  leadTimeWarning,
  promisedDates,
  type LeadTimeWarning,
  type PromisedDates,
} from '../../domain/lead-times';
import type { Client } from '../../domain/ticket';
import type { RequestTypeRecord } from '../../protocol/records';
import { slaPolicyOf } from '../sla/ticket-sla';

/** A local date ("YYYY-MM-DD", already on the client's calendar) in the user's locale, e.g. "Tue, Mar 17, 2026". */
export function formatCivilDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

export type LeadTimePreview =
  | { ok: true; dates: PromisedDates; warning: LeadTimeWarning | null }
  | { ok: false; message: string; field: 'requestParam' | 'customerWantedDate' };

/** What the dialog shows while the person types; a bad count or date is named, never thrown. */
export function previewLeadTime(
  type: RequestTypeRecord,
  param: number | null,
  wanted: string | null,
  client: Pick<Client, 'prioritySchemeId'>,
  at: number,
): LeadTimePreview {
  const calendar = leadTimeCalendar(slaPolicyOf(client).calendar);
  let dates: PromisedDates;
  try {
    dates = promisedDates(type, param, at, calendar);
  } catch (error) {
    if (error instanceof LeadTimeError) return { ok: false, message: error.message, field: 'requestParam' };
    throw error;
  }
  if (wanted === null) return { ok: true, dates, warning: null };
  try {
    return { ok: true, dates, warning: leadTimeWarning(type, param, at, wanted, calendar) };
  } catch (error) {
    if (error instanceof LeadTimeError) return { ok: false, message: error.message, field: 'customerWantedDate' };
    throw error;
  }
}

export function describeDates(earliest: string, latest: string | null, locale?: string): string {
  const from = formatCivilDate(earliest, locale);
  if (latest === null) return `earliest ${from}, no latest date`;
  if (latest === earliest) return `${from}`;
  return `earliest ${from}, latest ${formatCivilDate(latest, locale)}`;
}
