// Time logged on a ticket and when more of it needs the client's approval
// (docs/domain/time-and-approvals.md). Pure: the desk checks an entry with
// these functions before queuing it, the server again against its own rows.
import { APPROVAL_STATUS_LABELS, formatMinutes, isHeld, whomToCall, type ApprovalStatus, type ContactToCall } from './approval-requests';
import type { BusinessCalendar } from './sla/business-calendar';

export const WORK_TYPES = ['included', 'billable'] as const;
export type WorkType = (typeof WORK_TYPES)[number];
export const WORK_TYPE_LABELS: Record<WorkType, string> = { included: 'Included', billable: 'Billable' };

/** What caused the work: a customer's or a third party's change makes it billable. */
export const WORK_CAUSES = ['none', 'customer_change', 'third_party_change'] as const;
export type WorkCause = (typeof WORK_CAUSES)[number];
export const WORK_CAUSE_LABELS: Record<WorkCause, string> = {
  none: 'Not caused by a change',
  customer_change: "The customer's change",
  third_party_change: "A third party's change",
};

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** One entry covers at most a day: a longer one is a timer left running or a typo. */
export const MAX_ENTRY_MS = 24 * HOUR_MS;
/** Included work on a ticket up to this much; past it the work is billable. */
export const INCLUDED_LIMIT_MS = 2 * HOUR_MS;

/** The fields of a time entry the rules look at. */
export interface TimeEntryFacts {
  startedAt: string;
  endedAt: string;
  workType: WorkType;
  cause: WorkCause;
  /** The approved request the entry's billable time counts against; absent when it needed none. */
  approvalRequestId?: string | undefined;
}

/** An approval request on the ticket, as the time rule reads it (docs/domain/contacts-and-approvals.md). */
export interface WorkApproval {
  id: string;
  status: ApprovalStatus;
  /** Hours approved, in minutes; null when the approval was for an amount only (it covers no logged time). */
  approvedMinutes: number | null;
  /** An unknown caller's included work, confirmed with nothing approved: it covers no billable time. */
  confirmationOnly?: boolean;
}

/** "2 h 30 min", "45 min", "0 min": durations as people read them. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function entryLengthMs(entry: Pick<TimeEntryFacts, 'startedAt' | 'endedAt'>): number {
  return Date.parse(entry.endedAt) - Date.parse(entry.startedAt);
}

/**
 * Why an entry's span cannot be logged, as a message that says what to do; null
 * when it can. `latestEnd` (epoch ms): an entry may not end after it (the
 * server's clock, with the desk's allowed drift).
 */
export function timeSpanProblem(startedAt: string, endedAt: string, latestEnd: number): string | null {
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return 'Enter when the work started and when it ended, as a date and a time.';
  if (end < start)
    return 'The entry ends before it starts: check the start and end times (is the date right?), or enter a duration instead.';
  if (end === start) return 'The entry is zero minutes long: enter when the work ended, or a duration of at least a minute.';
  if (end - start > MAX_ENTRY_MS)
    return `The entry is ${formatDuration(end - start)} long, more than 24 hours: split it into one entry per day of work, each 24 hours or less.`;
  if (end > latestEnd) return "The entry ends in the future: enter when the work really ended (stop the timer when you're done).";
  return null;
}

/** Total logged time per work type, ms. */
export function totalsByWorkType(entries: readonly Pick<TimeEntryFacts, 'startedAt' | 'endedAt' | 'workType'>[]): Record<WorkType, number> {
  const totals: Record<WorkType, number> = { included: 0, billable: 0 };
  for (const e of entries) totals[e.workType] += Math.max(0, entryLengthMs(e));
  return totals;
}

/** What a ticket and its client bring to the approval rule. */
export interface ApprovalSetting {
  /** The client's business calendar (its SLA policy's): work outside it is after hours. */
  calendar: BusinessCalendar;
  /** Critical (rank 1) tickets are worked after hours as part of the plan. */
  critical: boolean;
}

export type ApprovalTrigger = 'included_over_limit' | 'caused_by_change' | 'after_hours';

export type ApprovalDecision =
  { ok: true; triggers: ApprovalTrigger[]; approvalRequestId: string | null } | { ok: false; triggers: ApprovalTrigger[]; message: string };

export const APPROVERS = "the client's Billing Contact or Backup Approver";

/**
 * Whether `proposed` may be logged on a ticket that already has `entries`.
 * Work that incurs cost waits for the client's approval: billable work, and
 * work that a trigger makes billable whatever it was marked as: included work
 * on the ticket passing 2 hours, work caused by a customer's or a third party's
 * change (on this entry or an earlier one: the cause is the ticket's), or this
 * entry's work falling outside the client's business hours on a ticket that is
 * not Critical. Such work is logged only against an approved request of the
 * ticket with enough approved hours left (the one `proposed` names, or else
 * the first that has enough); the answer names it. `contacts`: the client's,
 * to say whom to call when it is refused.
 */
export function approvalDecision(
  entries: readonly TimeEntryFacts[],
  proposed: TimeEntryFacts,
  setting: ApprovalSetting,
  approvals: readonly WorkApproval[],
  contacts: readonly ContactToCall[] = [],
): ApprovalDecision {
  const triggers: ApprovalTrigger[] = [];
  const reasons: string[] = [];
  const included = totalsByWorkType([...entries, proposed]).included;
  if (included > INCLUDED_LIMIT_MS) {
    triggers.push('included_over_limit');
    reasons.push(`included work on this ticket would come to ${formatDuration(included)}, past the 2 hours the plan includes`);
  }
  if ([...entries, proposed].some((e) => e.cause !== 'none')) {
    triggers.push('caused_by_change');
    reasons.push("the work is marked as caused by a customer's or a third party's change");
  }
  if (!setting.critical && isAfterHours(proposed, setting.calendar)) {
    triggers.push('after_hours');
    reasons.push('the work falls outside business hours and the ticket is not Critical');
  }
  if (proposed.workType === 'billable' && triggers.length === 0) reasons.push('it is billable work');
  if (reasons.length === 0) return { ok: true, triggers, approvalRequestId: null };

  const length = Math.max(0, entryLengthMs(proposed));
  const leftMs = (a: WorkApproval) =>
    (a.approvedMinutes ?? 0) * MINUTE_MS -
    entries.filter((e) => e.approvalRequestId === a.id).reduce((sum, e) => sum + Math.max(0, entryLengthMs(e)), 0);
  const needs = `This ticket needs approval by ${APPROVERS} before more billable time is logged: ${reasons.join('; ')}.`;
  const refuse = (why: string): ApprovalDecision => ({ ok: false, triggers, message: `${needs} ${why} Nothing was logged.` });
  const call = whomToCall(contacts);
  const left = (a: WorkApproval) =>
    a.approvedMinutes === null
      ? 'Its approval was for an amount only, with no hours, so it covers no logged time.'
      : `${formatDuration(Math.max(0, leftMs(a)))} of its ${formatMinutes(a.approvedMinutes)} approved ${leftMs(a) > 0 ? 'is' : 'are'} left; this entry is ${formatDuration(length)}.`;

  if (proposed.approvalRequestId !== undefined) {
    const named = approvals.find((a) => a.id === proposed.approvalRequestId);
    if (!named)
      return refuse(
        `The approval request ${proposed.approvalRequestId} is not one of this ticket's: log the time against one of its approved requests.`,
      );
    if (isHeld(named.status)) return refuse(`Its approval request is ${APPROVAL_STATUS_LABELS[named.status].toLowerCase()}. ${call}`);
    if (named.status === 'declined') return refuse(`Its approval request was declined: request approval again. ${call}`);
    if (named.confirmationOnly)
      return refuse(`Its request was a confirmation only, with nothing billable approved: request approval of the billable work. ${call}`);
    if (leftMs(named) < length)
      return refuse(`Not enough approved time is left on the request: ${left(named)} Request approval for more. ${call}`);
    return { ok: true, triggers, approvalRequestId: named.id };
  }
  const covering = approvals.find((a) => a.status === 'approved' && !a.confirmationOnly && leftMs(a) >= length);
  if (covering) return { ok: true, triggers, approvalRequestId: covering.id };
  const held = approvals.find((a) => isHeld(a.status));
  if (held) return refuse(`Its approval request is ${APPROVAL_STATUS_LABELS[held.status].toLowerCase()}. ${call}`);
  const approved = approvals.find((a) => a.status === 'approved' && !a.confirmationOnly);
  if (approved) return refuse(`Not enough approved time is left: ${left(approved)} Request approval for more. ${call}`);
  return refuse(`Request approval on the ticket, then ask them to approve the work. ${call}`);
}

/** Some of the entry's span is outside the calendar's open hours (nights, weekends, holidays). */
export function isAfterHours(entry: Pick<TimeEntryFacts, 'startedAt' | 'endedAt'>, calendar: BusinessCalendar): boolean {
  const start = Date.parse(entry.startedAt);
  const end = Date.parse(entry.endedAt);
  return calendar.businessTimeBetween(start, end) < end - start;
}
