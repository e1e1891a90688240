// Is the client open now, and what must intake tell a caller when it is not
// (docs/domain/phone-intake.md, "After hours")? Decided on the client's
// contract calendar, in that calendar's zone, never in the desk's own.
// After hours, support is for emergencies and the work is billable unless the
// ticket is Critical; the caller is told and their answer is recorded.
import { DateTime } from 'luxon';
import { clientPolicy, type PolicySource } from './client-policy';
import { findPriority } from './priority-schemes';
import { BusinessCalendar } from './sla/business-calendar';
import type { CalendarSpec } from './sla/policy-types';

export type AfterHoursNotice =
  | { afterHours: false }
  | {
      afterHours: true;
      /** Billable unless Critical; the caller must be told and asked. */
      billable: boolean;
      /** The next opening on the client's calendar, epoch ms. */
      opensAtMs: number;
      /** The calendar's zone, for showing local times. */
      timeZone: string;
      /** What intake reads to the caller, or notes, in full sentences. */
      message: string;
    };

const calendars = new WeakMap<CalendarSpec, BusinessCalendar>();
function calendarOf(spec: CalendarSpec): BusinessCalendar {
  let calendar = calendars.get(spec);
  if (!calendar) calendars.set(spec, (calendar = new BusinessCalendar(spec)));
  return calendar;
}

/** A rank-1 level (Critical, Severity 1, P1): after-hours work on it is included. */
export const isCriticalPriority = (priority: string): boolean => findPriority(priority)?.rank === 1;

export function afterHoursNotice(client: PolicySource & { name: string }, nowMs: number, priority: string): AfterHoursNotice {
  const calendar = calendarOf(clientPolicy(client).calendar);
  if (calendar.isOpenAt(nowMs)) return { afterHours: false };
  const opensAtMs = calendar.nextOpening(nowMs);
  const zone = calendar.timeZone;
  const now = DateTime.fromMillis(nowMs, { zone }).toFormat('cccc HH:mm');
  const opens = DateTime.fromMillis(opensAtMs, { zone }).toFormat(
    opensAtMs - nowMs >= 6 * 86_400_000 ? "cccc d LLLL 'at' HH:mm" : 'cccc HH:mm',
  );
  const place = zone.split('/').pop()!.replace(/_/g, ' ');
  const when = `It is ${now} in ${place}, outside ${client.name}'s business hours (they reopen ${opens}).`;
  const critical = isCriticalPriority(priority);
  const message = critical
    ? `${when} Critical issues are handled now and are included in the plan.`
    : `${when} After-hours support is for emergencies only and is billable unless the issue is Critical: tell the caller, and record whether they agree to the charge or would rather wait until ${opens}.`;
  return { afterHours: true, billable: !critical, opensAtMs, timeZone: zone, message };
}
