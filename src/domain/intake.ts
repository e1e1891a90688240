// What a phone intake records on the ticket, and the rules it must meet
// before anything is saved (docs/domain/phone-intake.md). The desk checks the
// form with these rules field by field; the server checks the stored block
// again with the same function, trusting nothing the desk read.
import type { RequestKind } from './contact-authorization';
import { parsePhone } from './phone';
import { mostUrgentPriority, OVERRIDE_REASON_MIN, type Impact } from './priority-guidance';
import type { PrioritySchemeId } from './priority-schemes';

/** A number as typed and as read (src/domain/phone.ts). */
export interface IntakePhone {
  raw: string;
  e164: string;
  extension: string | null;
}

/** The phone intake block of a ticket opened from a call. */
export interface TicketIntake {
  /** The client's contact who called; null for a caller not on the list (then the request may be held). */
  callerContactId: string | null;
  callerName: string;
  callbackNumber: IntakePhone;
  callerEmail: string | null;
  /** One of the client's sites, or null when the address was typed. */
  siteId: string | null;
  siteAddress: string;
  /** The main number of the phone system in question, when the call is about one. */
  systemNumber: IntakePhone | null;
  requestKind: RequestKind;
  impact: Impact;
  workaround: boolean;
  /** What the guidance suggested (src/domain/priority-guidance.ts); the ticket's priority may differ, with a reason. */
  suggestedPriority: string;
  overrideReason: string | null;
  /** Null in business hours; after hours, whether the caller was told the work is billable and agreed to it. */
  afterHours: { told: boolean; agreed: boolean } | null;
  /** The call this ticket came from (a `call` row). */
  callId: string | null;
}

export const CALLER_NAME_MAX = 200;
export const SITE_ADDRESS_MAX = 500;
export const EMAIL_MAX = 254;
/** The most urgent tickets are acted on at once: their description must say enough to start. */
export const URGENT_DESCRIPTION_MIN = 10;
export const OVERRIDE_REASON_MAX = 500;

export type IntakeField =
  'callerName' | 'callbackNumber' | 'callerEmail' | 'siteAddress' | 'systemNumber' | 'description' | 'overrideReason' | 'afterHours';
export type IntakeProblems = Partial<Record<IntakeField, string>>;

/** An email someone can send to: one @, something before it, and a domain with a dot after it. */
export function emailProblem(email: string): string | null {
  const text = email.trim();
  if (text.length > EMAIL_MAX) return `Shorten the email to ${EMAIL_MAX} characters.`;
  const at = text.lastIndexOf('@');
  if (at <= 0 || /\s/.test(text)) return `"${text}" is not an email address: write it as name@example.com.`;
  const domain = text.slice(at + 1);
  if (!/^[^@\s.]+(\.[^@\s.]+)+$/.test(domain))
    return `"${text}" has no domain after the @: write the whole address, e.g. ${text.slice(0, at)}@example.com.`;
  return null;
}

/** A stored number still reads as what it claims to be. */
function phoneProblem(phone: IntakePhone, what: string): string | null {
  const parsed = parsePhone(phone.raw);
  if (!parsed.ok) return `${what}: ${parsed.problem}`;
  if (parsed.e164 !== phone.e164 || parsed.extension !== phone.extension)
    return `${what}: "${phone.raw}" reads as ${parsed.e164}, not ${phone.e164}; enter the number again.`;
  return null;
}

export interface IntakeTicketFacts {
  schemeId: PrioritySchemeId;
  priority: string;
  description: string;
  /** From afterHoursNotice at the moment of the call: was the work billable because it is after hours? */
  afterHoursBillable: boolean;
}

/** Every problem with an intake block, by field; empty when it may be saved. */
export function intakeProblems(intake: TicketIntake, ticket: IntakeTicketFacts): IntakeProblems {
  const problems: IntakeProblems = {};
  const name = intake.callerName.trim();
  if (name === '') problems.callerName = "Enter the caller's name.";
  else if (name.length > CALLER_NAME_MAX) problems.callerName = `Shorten the caller's name to ${CALLER_NAME_MAX} characters.`;
  const callback = phoneProblem(intake.callbackNumber, 'Callback number');
  if (callback) problems.callbackNumber = callback;
  if (intake.callerEmail !== null) {
    const email = emailProblem(intake.callerEmail);
    if (email) problems.callerEmail = email;
  }
  if (intake.siteAddress.length > SITE_ADDRESS_MAX) problems.siteAddress = `Shorten the site address to ${SITE_ADDRESS_MAX} characters.`;
  if (intake.systemNumber) {
    const system = phoneProblem(intake.systemNumber, "The system's main number");
    if (system) problems.systemNumber = system;
  }
  if (ticket.priority === mostUrgentPriority(ticket.schemeId) && ticket.description.trim().length < URGENT_DESCRIPTION_MIN)
    problems.description = `Describe the problem in at least ${URGENT_DESCRIPTION_MIN} characters: the most urgent tickets are worked at once, from what you write here.`;
  if (ticket.priority !== intake.suggestedPriority) {
    const reason = intake.overrideReason?.trim() ?? '';
    if (reason.length < OVERRIDE_REASON_MIN)
      problems.overrideReason = `Say why this ticket gets a different priority from the suggested one (at least ${OVERRIDE_REASON_MIN} characters), or choose the suggested priority.`;
    else if (reason.length > OVERRIDE_REASON_MAX) problems.overrideReason = `Shorten the reason to ${OVERRIDE_REASON_MAX} characters.`;
  }
  if (ticket.afterHoursBillable && (intake.afterHours === null || !intake.afterHours.told))
    problems.afterHours = 'It is after hours and the work is billable: tell the caller, then record that you did and whether they agreed.';
  return problems;
}
