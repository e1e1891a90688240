// The shape of an SLA policy as plain data. Presets in resources/sla-presets
// and custom policies are both values of these types; parseSlaPolicy checks them.
import type { PrioritySchemeId } from '../priority-schemes';
import type { TicketStatus } from '../ticket';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall time "HH:MM", 00:00 to 24:00 (24:00 only as the end of a window). */
export type TimeOfDay = string;

export interface OpeningWindow {
  from: TimeOfDay;
  to: TimeOfDay;
}

/** A closed stretch inside one local day; without it the whole day is closed. */
export interface PartialClosure {
  from: TimeOfDay;
  to: TimeOfDay;
}

export interface RegionHolidays {
  /** ISO 3166-1 country code known to date-holidays, e.g. "US". */
  country: string;
  /** State or province code known to date-holidays, e.g. "CA". */
  state?: string;
  /** Holiday types to close on; default ['public']. */
  types?: Array<'public' | 'bank' | 'optional' | 'school' | 'observance'>;
  /** Close only on these holidays, named as date-holidays spells them in the country's default language. */
  only?: string[];
  /** Also close on the weekday a weekend holiday is observed on; default true. */
  substitutes?: boolean;
}

/** 1 = January ... 12 = December. */
export type Month = number;

export type HolidayRule =
  | { kind: 'fixed'; name: string; month: Month; day: number; closed?: PartialClosure }
  /** nth 1..5, or -1 for the last such weekday of the month. */
  | { kind: 'nth-weekday'; name: string; month: Month; weekday: Weekday; nth: 1 | 2 | 3 | 4 | 5 | -1; closed?: PartialClosure }
  /** `days` after (or, negative, before) the actual date of another holiday, by name. */
  | { kind: 'relative'; name: string; of: string; days: number; closed?: PartialClosure };

export interface OneOffClosure {
  name: string;
  /** Local date "YYYY-MM-DD". */
  date: string;
  closed?: PartialClosure;
}

export interface CalendarSpec {
  /** IANA time zone the windows and holidays are read in. */
  timeZone: string;
  week: Partial<Record<Weekday, OpeningWindow[]>>;
  /** Length of one business day; default: the (common) length of an open weekday. */
  businessDayMinutes?: number;
  holidays?: {
    region?: RegionHolidays;
    rules?: HolidayRule[];
    closures?: OneOffClosure[];
  };
}

/** An amount of time to a deadline. Business units count only open calendar time. */
export type SlaDuration =
  | { unit: 'business-minutes' | 'business-hours' | 'business-days'; value: number }
  | { unit: 'wall-minutes' | 'wall-hours'; value: number }
  /** By the close of the first business day after the day the clock started. */
  | { unit: 'next-business-day' };

export interface TargetSpec {
  /** Late after this. */
  target: SlaDuration;
  /** Breached after this; default: the target itself (late and breached coincide). */
  limit?: SlaDuration;
}

export interface PriorityTargets {
  firstResponse: TargetSpec;
  resolution?: TargetSpec;
  /** Used instead when the clock starts outside business hours. */
  afterHours?: { firstResponse?: TargetSpec; resolution?: TargetSpec };
}

export interface SlaPolicy {
  id: string;
  name: string;
  prioritySchemeId: PrioritySchemeId;
  calendar: CalendarSpec;
  /** Statuses that stop a clock from counting; defaults in DEFAULT_PAUSE_STATUSES. */
  pauseStatuses?: { firstResponse?: TicketStatus[]; resolution?: TicketStatus[] };
  priorities: Record<string, PriorityTargets>;
}

export const DEFAULT_PAUSE_STATUSES: { firstResponse: readonly TicketStatus[]; resolution: readonly TicketStatus[] } = {
  firstResponse: [],
  resolution: ['awaiting_reply', 'on_hold'],
};
