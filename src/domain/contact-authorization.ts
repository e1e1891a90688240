// Who at a client may ask us for what, and who may approve what it costs
// (docs/domain/contacts-and-approvals.md). One rule for intake, time entries
// and onsite visits, on the desk and on the server: callers pass what they
// know about the person (a contact's role, or nobody on the list) and get an
// answer with the reason, phrased for the staff member who must act on it.
import { formatCentsForMessage } from './money';

export const CONTACT_ROLES = ['billing_contact', 'backup_approver', 'mac_only_requestor', 'portal_admin', 'none'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  billing_contact: 'Billing Contact',
  backup_approver: 'Backup Approver',
  mac_only_requestor: 'MAC-only requestor',
  portal_admin: 'Portal Admin',
  none: 'No role (may report issues)',
};

/**
 * What a person asks for:
 * - `issue`: report a problem (break/fix, access trouble, how-to) — included work;
 * - `change`: a move, add or change (new user, permissions, configuration);
 * - `billable_work`: work that incurs cost (projects, onsite visits, over-2-hour work, after-hours non-Critical);
 * - `billing_change`: a change to the account itself (who is billed, contract terms, who may approve);
 * - `access_change`: who may use the portal and see which tickets.
 */
export const REQUEST_KINDS = ['issue', 'change', 'billable_work', 'billing_change', 'access_change'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  issue: 'report an issue',
  change: 'request a move, add or change',
  billable_work: 'request billable work',
  billing_change: 'change billing or approvers',
  access_change: "change who may use the client's portal",
};

/** Who may ask for each kind; anybody else's request waits for an authorized contact to confirm it. */
const MAY_REQUEST: Record<RequestKind, readonly ContactRole[]> = {
  issue: ['billing_contact', 'backup_approver', 'mac_only_requestor', 'portal_admin', 'none'],
  change: ['billing_contact', 'backup_approver', 'mac_only_requestor', 'portal_admin'],
  // A MAC-only requestor may ask for billable work; it is then held until an approver approves its cost.
  billable_work: ['billing_contact', 'backup_approver', 'mac_only_requestor', 'portal_admin'],
  billing_change: ['billing_contact', 'backup_approver'],
  access_change: ['billing_contact', 'backup_approver', 'portal_admin'],
};

/** Roles whose approval lets billable work start. */
export const APPROVER_ROLES: readonly ContactRole[] = ['billing_contact', 'backup_approver'];

/** What the rules need to know about the person; null when the person is not one of the client's contacts. */
export interface Requester {
  role: ContactRole;
  /** The most this contact may approve, in cents; null or absent: no limit. */
  approvalLimitCents?: number | null;
}

export type RequestAnswer =
  /** The request may be acted on (billable work still needs its approval: see mayApprove). */
  | { ok: true; reason: string }
  /** Log it, but do nothing until an authorized contact confirms. */
  | { ok: false; hold: 'awaiting_confirmation'; reason: string };

export function mayRequest(requester: Requester | null, kind: RequestKind): RequestAnswer {
  const what = REQUEST_KIND_LABELS[kind];
  if (requester === null)
    return {
      ok: false,
      hold: 'awaiting_confirmation',
      reason: `The caller is not one of the client's contacts: log the request, and act on it only when an authorized contact confirms it.`,
    };
  const label = CONTACT_ROLE_LABELS[requester.role];
  if (MAY_REQUEST[kind].includes(requester.role)) return { ok: true, reason: `A ${label} may ${what}.` };
  const who = MAY_REQUEST[kind].map((r) => CONTACT_ROLE_LABELS[r]).join(', ');
  return {
    ok: false,
    hold: 'awaiting_confirmation',
    reason: `A ${label} may not ${what} (who may: ${who}): log the request, and act on it only when one of them confirms it.`,
  };
}

/** A charge to approve: its amount in cents, its hours in minutes, or both (an estimate may have either). */
export interface Charge {
  amountCents?: number;
  minutes?: number;
}

export type ApprovalAnswer = { ok: true; reason: string } | { ok: false; reason: string };

/** Whether this person may approve the charge; `contact` null when the person is not one of the client's contacts. */
export function mayApprove(contact: Requester | null, charge: Charge): ApprovalAnswer {
  const approvers = APPROVER_ROLES.map((r) => CONTACT_ROLE_LABELS[r]).join(' or ');
  if (contact === null)
    return { ok: false, reason: `Only the client's ${approvers} may approve billable work; the caller is not on the client's list.` };
  const label = CONTACT_ROLE_LABELS[contact.role];
  if (!APPROVER_ROLES.includes(contact.role))
    return { ok: false, reason: `A ${label} may not approve charges: ask the client's ${approvers}.` };
  const limit = contact.approvalLimitCents;
  if (limit != null && charge.amountCents !== undefined && charge.amountCents > limit)
    return {
      ok: false,
      reason: `This ${label} may approve up to ${formatCentsForMessage(limit)}; the charge is ${formatCentsForMessage(charge.amountCents)}: ask another approver.`,
    };
  return { ok: true, reason: `A ${label} may approve billable work.` };
}

/** The contacts to call for an approval, Billing Contacts first; ties by name. */
export function approversAmong<C extends { role: ContactRole; name: string }>(contacts: readonly C[]): C[] {
  const rank = (c: C) => APPROVER_ROLES.indexOf(c.role);
  return contacts.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
