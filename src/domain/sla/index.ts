// Public API of the SLA engine; see README.md beside this file.
export { computeSla, compileSlaPolicy } from './compute-sla';
export { SlaResult, SlaClock } from './compute-sla';
export type { SlaState, SlaClockName, CompiledSlaPolicy } from './compute-sla';
export type { SlaEvent, SlaEventType, SlaHistory } from './history';
export type { SlaExplanation, SlaSegment } from './explanation';
export { parseSlaPolicy, checkSlaPolicy, checkCalendarSpec } from './policy-checks';
export { SlaPolicyError, SlaInputError, type PolicyIssue } from './errors';
export { BusinessCalendar, type BusinessDay, type DaySlice } from './business-calendar';
export { addTime, type Measure, type SegmentKind } from './business-time';
export { describeTarget, describeDuration } from './targets';
export { DEFAULT_PAUSE_STATUSES, WEEKDAYS } from './policy-types';
export type {
  SlaPolicy,
  CalendarSpec,
  OpeningWindow,
  PartialClosure,
  RegionHolidays,
  HolidayRule,
  OneOffClosure,
  SlaDuration,
  TargetSpec,
  PriorityTargets,
  Weekday,
  TimeOfDay,
} from './policy-types';
