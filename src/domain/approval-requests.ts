// Billable work held until the client approves it
// (docs/domain/contacts-and-approvals.md, "Approval requests"). Pure: the desk
// checks a request, a confirmation and an approval with these functions before
// queuing them, the server again against its own rows. Who may request and who
// may approve is decided by src/domain/contact-authorization.ts alone.
import {
  approversAmong,
  CONTACT_ROLE_LABELS,
  mayApprove,
  mayRequest,
  type ContactRole,
  type RequestKind,
  type Requester,
} from './contact-authorization';
import type { WorkCause } from './time-entries';
import { formatCentsForMessage } from './money';
import { formatPhone } from './phone';
import type { ContactPhone } from './contact-details';

/** What the work is, as the person taking the request describes it. */
export const WORK_KINDS = ['break_fix', 'change', 'bulk_mac', 'project', 'remediation'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_KIND_LABELS: Record<WorkKind, string> = {
  break_fix: 'Troubleshooting or break/fix',
  change: 'A change request',
  bulk_mac: 'Bulk moves, adds or changes',
  project: 'A project, migration or reconfiguration',
  remediation: 'Remediation of an unapproved change',
};

/** Why a request costs the client money (the guide's list of billable work). */
export const BILLABLE_TRIGGERS = [
  'over_two_hours',
  'caused_by_change',
  'bulk_mac',
  'onsite',
  'project',
  'after_hours',
  'remediation',
] as const;
export type BillableTrigger = (typeof BILLABLE_TRIGGERS)[number];
export const BILLABLE_TRIGGER_LABELS: Record<BillableTrigger, string> = {
  over_two_hours: 'expected to take more than 2 hours',
  caused_by_change: "break/fix over 2 hours caused by a customer's or a third party's change",
  bulk_mac: 'bulk moves, adds or changes over 2 hours',
  onsite: 'an onsite visit',
  project: 'project work (migration, reconfiguration)',
  after_hours: 'after hours on a ticket that is not Critical',
  remediation: 'remediation of an unapproved change',
};

/** Included work is expected to take at most this long. */
export const INCLUDED_MINUTES = 120;

/** What is known about the work before it starts. */
export interface RequestFacts {
  work: WorkKind;
  /** How long the work is expected to take; null when nobody has estimated it. */
  expectedMinutes: number | null;
  cause: WorkCause;
  onsite: boolean;
  /** The work is to be done outside the client's business hours. */
  afterHours: boolean;
}

export interface TriggerFound {
  trigger: BillableTrigger;
  reason: string;
}

/** Every reason the request is billable, in the guide's order; none: included work, no approval needed. */
export function billableTriggers(facts: RequestFacts, setting: { critical: boolean }): TriggerFound[] {
  const found: TriggerFound[] = [];
  const add = (trigger: BillableTrigger, reason: string) => found.push({ trigger, reason });
  const over = facts.expectedMinutes !== null && facts.expectedMinutes > INCLUDED_MINUTES;
  const hours = over ? `expected to take ${formatMinutes(facts.expectedMinutes!)}, more than the 2 hours the plan includes` : '';
  if (over && facts.work === 'bulk_mac') add('bulk_mac', `bulk moves, adds or changes ${hours}`);
  else if (over && facts.work === 'break_fix' && facts.cause !== 'none')
    add('caused_by_change', `break/fix caused by a customer's or a third party's change, ${hours}`);
  else if (over && facts.work !== 'project' && facts.work !== 'remediation') add('over_two_hours', `the work is ${hours}`);
  if (facts.onsite) add('onsite', 'it needs an onsite visit');
  if (facts.work === 'project') add('project', 'it is project work (a migration, reconfiguration or project)');
  if (facts.work === 'remediation') add('remediation', 'it remediates an issue introduced by an unapproved change');
  if (facts.afterHours && !setting.critical) add('after_hours', 'it is to be done after hours and the ticket is not Critical');
  return found;
}

export const APPROVAL_STATUSES = ['awaiting_confirmation', 'awaiting_approval', 'approved', 'declined'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  awaiting_confirmation: 'Awaiting confirmation',
  awaiting_approval: 'Awaiting approval',
  approved: 'Approved',
  declined: 'Declined',
};
/** Work against a request in these states waits. */
export const HELD_STATUSES: readonly ApprovalStatus[] = ['awaiting_confirmation', 'awaiting_approval'];
export const isHeld = (status: ApprovalStatus): boolean => HELD_STATUSES.includes(status);

/**
 * A request with nothing billable in it: a caller not on the client's list
 * asked for ordinary work, and it is held only until an authorized contact
 * confirms it. Confirming settles it as `approved` with nothing approved (no
 * hours, no amount), so it never covers billable time; screens call that
 * "Confirmed".
 */
export const isConfirmationOnly = (request: { triggers: readonly unknown[] }): boolean => request.triggers.length === 0;

/** The state as screens name it: a settled confirmation-only request is "Confirmed", not "Approved". */
export function requestStatusLabel(request: { status: ApprovalStatus; triggers: readonly unknown[] }): string {
  return request.status === 'approved' && isConfirmationOnly(request) ? 'Confirmed' : APPROVAL_STATUS_LABELS[request.status];
}

/** The status a confirmation moves a request to: on to its approval, or settled when there is nothing to approve. */
export const statusAfterConfirmation = (request: { triggers: readonly unknown[] }): ApprovalStatus =>
  isConfirmationOnly(request) ? 'approved' : 'awaiting_approval';

export const NOTHING_BILLABLE =
  'Nothing in this request needs approval: it is included work expected to take 2 hours or less, in business hours (or on a Critical ticket), with no onsite visit. Go ahead without one.';

/**
 * Why a request whose triggers were computed cannot be held, or null when it can.
 * With triggers it needs an estimate to approve against. Without any, only a
 * caller not on the client's list is held (for confirmation, with no estimate:
 * there is nothing to approve); a listed contact's included work needs no request.
 */
export function holdProblem(
  requesterListed: boolean,
  triggerCount: number,
  estimate: { minutes: number | null; cents: number | null },
): string | null {
  const estimated = estimate.minutes !== null || estimate.cents !== null;
  if (triggerCount > 0) return estimated ? null : 'Billable work is approved against an estimate: enter the hours, the amount, or both.';
  if (requesterListed) return NOTHING_BILLABLE;
  if (estimated)
    return `${NOTHING_BILLABLE} To hold an unknown caller's request until an authorized contact confirms it, leave the hours and the amount empty: there is nothing to approve.`;
  return null;
}

/** How a contact's confirmation or approval reached us. */
export const CONTACT_CHANNELS = ['phone', 'email', 'portal'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = { phone: 'Phone', email: 'Email', portal: 'Portal' };

/** Largest estimate or approval: 1,000 hours, $10,000,000. */
export const MAX_MINUTES = 60_000;
export const MAX_CENTS = 1_000_000_000;

/** What a rule needs to know of a contact: the client it belongs to and its role. */
export interface ContactFacts extends Requester {
  clientId: string;
  name: string;
}

/** A new request's status: held for confirmation unless its requester may ask for this kind of work. */
export function initialStatus(requester: Requester | null, kind: RequestKind): { status: ApprovalStatus; reason: string } {
  const answer = mayRequest(requester, kind);
  return { status: answer.ok ? 'awaiting_approval' : 'awaiting_confirmation', reason: answer.reason };
}

/** The request as the state rules read it. */
export interface RequestState {
  clientId: string;
  kind: RequestKind;
  status: ApprovalStatus;
  estimateMinutes: number | null;
  estimateCents: number | null;
}

const notOfClient = (contact: ContactFacts) =>
  `${contact.name} is not a contact of this ticket's client: choose one of the client's contacts. Nothing was recorded.`;

function notHeld(status: ApprovalStatus, what: string): string {
  return `This request is ${APPROVAL_STATUS_LABELS[status].toLowerCase()}, so it cannot be ${what}: one approval per request; for more work, request approval again. Nothing was recorded.`;
}

/** Why `contact` cannot confirm the request, or null when they can. */
export function confirmationProblem(request: RequestState, contact: ContactFacts | null): string | null {
  if (request.status === 'awaiting_approval')
    return 'This request is already confirmed (it was confirmed, or made by a contact who may ask for it): record the approval instead. Nothing was recorded.';
  if (request.status !== 'awaiting_confirmation') return notHeld(request.status, 'confirmed');
  if (contact === null) return 'Choose the contact who confirmed the request from the client’s contacts. Nothing was recorded.';
  if (contact.clientId !== request.clientId) return notOfClient(contact);
  const answer = mayRequest(contact, request.kind);
  if (!answer.ok) return `${contact.name} cannot confirm it: ${answer.reason} Nothing was recorded.`;
  return null;
}

/** Minutes and/or cents approved; at least one. */
export interface ApprovedAmount {
  minutes: number | null;
  cents: number | null;
}

/** Why `contact` cannot approve `amount` of the request, or null when they can. */
export function approvalProblem(request: RequestState, contact: ContactFacts | null, amount: ApprovedAmount): string | null {
  if (request.status === 'awaiting_confirmation')
    return 'This request is awaiting confirmation: an authorized contact must confirm it before it can be approved. Record the confirmation first. Nothing was recorded.';
  if (request.status !== 'awaiting_approval') return notHeld(request.status, 'approved');
  if (contact !== null && contact.clientId !== request.clientId) return notOfClient(contact);
  const charge = {
    ...(amount.minutes === null ? {} : { minutes: amount.minutes }),
    ...(amount.cents === null ? {} : { amountCents: amount.cents }),
  };
  const answer = mayApprove(contact, charge);
  if (!answer.ok) return `${answer.reason} Nothing was recorded.`;
  if (amount.minutes === null && amount.cents === null) return 'Enter the hours or the amount approved. Nothing was recorded.';
  if (amount.minutes !== null) {
    if (request.estimateMinutes === null)
      return 'The request estimated no hours, so none can be approved: approve its amount, or request approval again with hours. Nothing was recorded.';
    if (amount.minutes > request.estimateMinutes)
      return `An approval may not be for more than was requested: ${formatMinutes(amount.minutes)} approved, ${formatMinutes(request.estimateMinutes)} requested. Approve at most what was requested, or request approval again for more. Nothing was recorded.`;
  }
  if (amount.cents !== null) {
    if (request.estimateCents === null)
      return 'The request estimated no amount, so none can be approved: approve its hours, or request approval again with an amount. Nothing was recorded.';
    if (amount.cents > request.estimateCents)
      return `An approval may not be for more than was requested: ${formatCentsForMessage(amount.cents)} approved, ${formatCentsForMessage(request.estimateCents)} requested. Approve at most what was requested, or request approval again for more. Nothing was recorded.`;
  }
  return null;
}

/** Why the request cannot be declined, or null when it can. */
export function declineProblem(request: Pick<RequestState, 'status'>): string | null {
  return isHeld(request.status) ? null : notHeld(request.status, 'declined');
}

/** A contact as the list of whom to call shows them. */
export interface ContactToCall {
  name: string;
  role: ContactRole;
  phones: readonly Pick<ContactPhone, 'e164' | 'extension'>[];
  emails: readonly string[];
}

/**
 * How to reach a contact, for display: "+1 913 555 0100, rachel@harbor.example".
 * The one place that reads the contact's ways of reaching them.
 */
export function contactReach(contact: Pick<ContactToCall, 'phones' | 'emails'>): string {
  const ways = [...contact.phones.map((p) => formatPhone(p.e164, p.extension)), ...contact.emails];
  return ways.length === 0 ? 'no phone or email on file' : ways.join(', ');
}

/** "Call Rachel Adams (Billing Contact, +1 …) or …", or what to do when the client has no approver. */
export function whomToCall(contacts: readonly ContactToCall[]): string {
  const approvers = approversAmong(contacts);
  if (approvers.length === 0)
    return 'The client has no Billing Contact or Backup Approver on its list: ask a service coordinator to add one, then call them.';
  return `Call ${approvers.map((c) => `${c.name} (${CONTACT_ROLE_LABELS[c.role]}, ${contactReach(c)})`).join(' or ')}.`;
}

/** "2 h 30 min", "45 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
