// A person's notification settings as a form (docs/domain/escalations-and-notifications.md):
// working hours per weekday, their time zone, how long before a breach to warn,
// and whether desktop notifications are on. The hours become a CalendarSpec checked
// by the SLA engine's own calendar rules, so they mean exactly what a policy's would.
import { DateTime } from 'luxon';
import { checkCalendarSpec, WEEKDAYS, type BusinessCalendar, type CalendarSpec, type OpeningWindow, type Weekday } from './sla';
import { DEFAULT_WARN_BEFORE_MS, defaultWorkingHours } from './notifications';

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const WARN_BEFORE_MAX_MINUTES = 24 * 60;
export const DEFAULT_WARN_BEFORE_MINUTES = DEFAULT_WARN_BEFORE_MS / 60_000;

export interface DayForm {
  /** Off: a day off, whatever its windows say. */
  on: boolean;
  windows: OpeningWindow[];
}

export interface NotificationSettingsForm {
  timeZone: string;
  days: Record<Weekday, DayForm>;
  /** As typed. */
  warnBeforeMinutes: string;
  desktopNotifications: boolean;
}

export interface NotificationSettings {
  workingHours: CalendarSpec;
  warnBeforeMinutes: number;
  desktopNotifications: boolean;
}

/**
 * Errors by field: 'timeZone', 'warnBeforeMinutes', 'week' (no working time at all),
 * a day ('wed') or one of its windows ('wed.1').
 */
export type SettingsErrors = Record<string, string>;

export type SettingsResult = { ok: true; settings: NotificationSettings } | { ok: false; errors: SettingsErrors };

const DEFAULT_WINDOW: OpeningWindow = { from: '08:00', to: '17:00' };

/** The form showing what is in force; a day without windows is shown off with 08:00–17:00 ready to switch on. */
export function settingsForm(settings: NotificationSettings): NotificationSettingsForm {
  const days = Object.fromEntries(
    WEEKDAYS.map((wd) => {
      const windows = settings.workingHours.week[wd] ?? [];
      return [
        wd,
        windows.length > 0 ? { on: true, windows: windows.map((w) => ({ ...w })) } : { on: false, windows: [{ ...DEFAULT_WINDOW }] },
      ];
    }),
  ) as Record<Weekday, DayForm>;
  return {
    timeZone: settings.workingHours.timeZone,
    days,
    warnBeforeMinutes: String(settings.warnBeforeMinutes),
    desktopNotifications: settings.desktopNotifications,
  };
}

/** Where an SLA calendar issue lands on the form, and how a person reads it. */
function formError(path: string, message: string): [field: string, message: string] {
  if (path === 'calendar.timeZone') return ['timeZone', `Time zone: ${message}: choose one from the list, e.g. 'America/Chicago'`];
  const m = /^calendar\.week\.(\w{3})(?:\[(\d+)\])?/.exec(path);
  if (m && (WEEKDAYS as readonly string[]).includes(m[1]!)) {
    const wd = m[1] as Weekday;
    const field = m[2] === undefined ? wd : `${wd}.${m[2]}`;
    return [field, `${WEEKDAY_NAMES[wd]}: ${message.replace(/\s*\(calendar\.week\.\w+\[(\d+)\]\)/, '')}`];
  }
  if (path === 'calendar.week') return ['week', 'No working hours: switch on at least one day, or your notifications would wait forever'];
  return ['week', message];
}

function parseWarnBefore(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `Warn before a breach: '${text}' is not a whole number of minutes: write e.g. 30`;
  const minutes = Number(trimmed);
  if (minutes < 1 || minutes > WARN_BEFORE_MAX_MINUTES)
    return `Warn before a breach: ${minutes} minutes is out of range: give 1 to ${WARN_BEFORE_MAX_MINUTES} minutes`;
  return minutes;
}

/** The form as settings, or every error it has; nothing is partly accepted. */
export function parseSettingsForm(form: NotificationSettingsForm): SettingsResult {
  const errors: SettingsErrors = {};
  const week: Partial<Record<Weekday, OpeningWindow[]>> = {};
  for (const wd of WEEKDAYS) {
    const day = form.days[wd];
    if (!day.on) continue;
    if (day.windows.length === 0) errors[wd] = `${WEEKDAY_NAMES[wd]}: give it hours, or switch the day off`;
    else week[wd] = day.windows.map((w) => ({ from: w.from, to: w.to }));
  }
  // Working hours never count business days, but the calendar rules ask how long one is when days differ.
  const longest = Math.min(1440, Math.max(0, ...Object.values(week).map((ws) => ws.reduce((sum, w) => sum + minutesBetween(w), 0))));
  const spec: CalendarSpec = { timeZone: form.timeZone.trim(), week, ...(longest > 0 ? { businessDayMinutes: longest } : {}) };
  const checked = checkCalendarSpec(spec);
  if (!checked.ok)
    for (const issue of checked.issues) {
      const [field, message] = formError(issue.path, issue.message);
      errors[field] ??= message;
    }
  const warn = parseWarnBefore(form.warnBeforeMinutes);
  if (typeof warn === 'string') errors.warnBeforeMinutes = warn;
  if (Object.keys(errors).length > 0 || !checked.ok || typeof warn === 'string') return { ok: false, errors };
  return {
    ok: true,
    settings: { workingHours: checked.calendar, warnBeforeMinutes: warn, desktopNotifications: form.desktopNotifications },
  };
}

/** Length of a well-formed window, 0 for one the calendar checks will refuse anyway. */
function minutesBetween(w: OpeningWindow): number {
  const at = (t: string) => {
    const m = /^(\d{2}):(\d{2})$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const length = at(w.to) - at(w.from);
  return Number.isFinite(length) && length > 0 && length <= 1440 ? length : 0;
}

/** What is in force when a person has set nothing: weekdays 08:00–17:00 in the computer's zone, warn 30 minutes ahead, on. */
export function defaultNotificationSettings(timeZone: string): NotificationSettings {
  return { workingHours: defaultWorkingHours(timeZone), warnBeforeMinutes: DEFAULT_WARN_BEFORE_MINUTES, desktopNotifications: true };
}

/** Stored settings as they may be trusted: each part that fails its check is replaced by its default. */
export function trustedSettings(
  stored: { workingHours?: unknown; warnBeforeMinutes?: unknown; desktopNotifications?: unknown },
  computerZone: string,
): NotificationSettings {
  const fallback = defaultNotificationSettings(computerZone);
  const hours = stored.workingHours === undefined ? null : checkCalendarSpec(stored.workingHours);
  const warn = stored.warnBeforeMinutes;
  return {
    workingHours: hours?.ok ? hours.calendar : fallback.workingHours,
    warnBeforeMinutes:
      typeof warn === 'number' && Number.isInteger(warn) && warn >= 1 && warn <= WARN_BEFORE_MAX_MINUTES
        ? warn
        : fallback.warnBeforeMinutes,
    desktopNotifications: typeof stored.desktopNotifications === 'boolean' ? stored.desktopNotifications : fallback.desktopNotifications,
  };
}

export interface WorkingHoursNow {
  /** Working now; then closesAtMs is the end of the stretch of working time now is in. */
  open: boolean;
  closesAtMs: number | null;
  /** When held notifications go out: the next opening after now (or after closesAtMs when open). */
  nextOpeningMs: number;
}

/** Where now falls in a person's working hours; the calendar must have working time (parseSettingsForm checks it). */
export function workingHoursNow(calendar: BusinessCalendar, nowMs: number): WorkingHoursNow {
  if (!calendar.isOpenAt(nowMs)) return { open: false, closesAtMs: null, nextOpeningMs: calendar.nextOpening(nowMs) };
  // Windows that meet across midnight (…–24:00, 00:00–…) are one stretch of working time.
  let closesAtMs = nowMs;
  for (let step = 0; step < 16 && calendar.isOpenAt(closesAtMs); step++) {
    const open = calendar.dayAt(closesAtMs).open;
    for (let i = 0; i < open.length; i += 2) if (open[i]! <= closesAtMs && closesAtMs < open[i + 1]!) closesAtMs = open[i + 1]!;
  }
  return { open: true, closesAtMs, nextOpeningMs: calendar.nextOpening(closesAtMs) };
}

/** "Monday 08:00", with the date too when it is a week or more away, in the hours' own zone. */
export function describeOpening(epochMs: number, nowMs: number, timeZone: string): string {
  const at = DateTime.fromMillis(epochMs, { zone: timeZone });
  return epochMs - nowMs >= 6 * 86_400_000 ? at.toFormat("cccc d LLLL yyyy 'at' HH:mm") : at.toFormat('cccc HH:mm');
}

/** The sentence the settings show about when a non-Critical notification would go out. */
export function holdingSentence(calendar: BusinessCalendar, nowMs: number): string {
  const now = workingHoursNow(calendar, nowMs);
  const next = describeOpening(now.nextOpeningMs, nowMs, calendar.timeZone);
  if (!now.open) return `You are outside your working hours: notifications for non-Critical tickets wait until ${next}.`;
  const closes = describeOpening(now.closesAtMs!, nowMs, calendar.timeZone);
  return `You are in your working hours until ${closes}; after that, notifications for non-Critical tickets wait until ${next}.`;
}
