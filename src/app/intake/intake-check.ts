// What the intake form means before it is saved (docs/domain/phone-intake.md):
// the suggested priority, the after-hours notice, whether the caller may ask
// for this and whether it must wait for an approval — and, on submit, every
// problem by its field, or the ticket, the intake block, the call and the
// approval to save. Pure: the screen shows it as the form is typed.
import type { CallToLog, NewTicketFromCall } from '../../data/intake-repository';
import { afterHoursNotice, type AfterHoursNotice } from '../../domain/after-hours';
import { billableTriggers, initialStatus, type RequestFacts, type TriggerFound } from '../../domain/approval-requests';
import { mayRequest, type RequestAnswer, type Requester } from '../../domain/contact-authorization';
import { emailProblem, intakeProblems, type IntakeField, type IntakePhone, type TicketIntake } from '../../domain/intake';
import { TITLE_MAX } from '../../domain/new-ticket';
import { parsePhone } from '../../domain/phone';
import { suggestPriority, type PrioritySuggestion } from '../../domain/priority-guidance';
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import type { Client } from '../../domain/ticket';
import { approvalSetting } from '../../mutations';
import type { ContactRecord } from '../../protocol/records';
import { composeDescription, type IntakeDraft } from './intake-draft';

export type IntakeFormField = IntakeField | 'query' | 'title' | 'clientId' | 'impact' | 'estimateHours' | 'requestParam' | 'form';
export type IntakeFormProblems = Partial<Record<IntakeFormField, string>>;

export interface IntakeFacts {
  client: Client | undefined;
  /** The picked caller; undefined for a caller not on the list. */
  contact: ContactRecord | undefined;
  nowMs: number;
}

export interface IntakeGuidance {
  suggestion: PrioritySuggestion | null;
  /** The level the ticket gets: the override, or the suggestion; '' until the impact is chosen. */
  priority: string;
  notice: AfterHoursNotice | null;
  answer: RequestAnswer;
  triggers: TriggerFound[];
  /** An approval request is queued with the ticket. */
  needsApproval: boolean;
  /** How the request starts: held for an authorized contact's confirmation, for an approval, or not held. */
  held: 'awaiting_confirmation' | 'awaiting_approval' | null;
}

const requesterOf = (contact: ContactRecord | undefined): Requester | null =>
  contact ? { role: contact.role, approvalLimitCents: contact.approvalLimitCents ?? null } : null;

/** Whole or part hours as minutes; null when empty, NaN when not a number of hours. */
export function estimateMinutes(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Math.round(Number(t) * 60) : Number.NaN;
}

function requestFacts(draft: IntakeDraft, notice: AfterHoursNotice | null): RequestFacts {
  const minutes = estimateMinutes(draft.estimateHours);
  return {
    work: draft.requestKind === 'billable_work' ? draft.work : draft.requestKind === 'change' ? 'change' : 'break_fix',
    expectedMinutes: minutes !== null && Number.isFinite(minutes) ? minutes : null,
    cause: 'none',
    onsite: draft.onsite,
    afterHours: notice?.afterHours ?? false,
  };
}

export function guidanceOf(draft: IntakeDraft, facts: IntakeFacts): IntakeGuidance {
  const { client, contact, nowMs } = facts;
  const suggestion =
    client && draft.impact !== '' ? suggestPriority(client.prioritySchemeId, { impact: draft.impact, workaround: draft.workaround }) : null;
  const priority = draft.priority || suggestion?.priority || '';
  const notice = client ? afterHoursNotice(client, nowMs, priority) : null;
  const requester = draft.contactAddedOnCall ? null : requesterOf(contact);
  const asked = mayRequest(requester, draft.requestKind);
  const answer: RequestAnswer =
    draft.contactAddedOnCall && !asked.ok
      ? {
          ...asked,
          reason: `The caller was added to the client's list on this call, so nobody at the client has vouched for them yet: log the request, and act on it only when an authorized contact confirms it.`,
        }
      : asked;
  const triggers = client ? billableTriggers(requestFacts(draft, notice), { critical: approvalSetting(client, priority).critical }) : [];
  const needsApproval = triggers.length > 0;
  const held = needsApproval
    ? (initialStatus(requester, draft.requestKind).status as 'awaiting_confirmation' | 'awaiting_approval')
    : answer.ok
      ? null
      : 'awaiting_confirmation';
  return { suggestion, priority, notice, answer, triggers, needsApproval, held };
}

/** What the repository saves for a new ticket from a call, and the call it logs: its own types, one definition. */
export type IntakeSubmission = NewTicketFromCall;
export type CallFacts = CallToLog;

function readPhone(raw: string): IntakePhone | string {
  const parsed = parsePhone(raw);
  return parsed.ok ? { raw: raw.trim(), e164: parsed.e164, extension: parsed.extension } : parsed.problem;
}

/** The call's facts for the log, from whatever the form holds; null without a client (the log files calls by client). */
export function callFacts(draft: IntakeDraft, nowMs: number, summary: string): CallFacts | null {
  if (!draft.clientId) return null;
  const number = draft.callbackNumber.trim() || (parsePhone(draft.query).ok ? draft.query.trim() : '');
  return {
    clientId: draft.clientId,
    contactId: draft.contactId,
    callerName: draft.callerName.trim() || 'Unknown caller',
    callerNumber: number && parsePhone(number).ok ? number : null,
    startedAt: draft.startedAt ?? new Date(nowMs).toISOString(),
    summary,
  };
}

export function checkIntake(
  draft: IntakeDraft,
  facts: IntakeFacts,
): { ok: true; submission: IntakeSubmission; guidance: IntakeGuidance } | { ok: false; problems: IntakeFormProblems } {
  const problems: IntakeFormProblems = {};
  const { client, contact } = facts;
  const guidance = guidanceOf(draft, facts);
  if (!client) problems.clientId = 'Choose the client the caller is from: pick the caller, or choose the client for a new caller.';
  const title = draft.title.trim();
  if (title === '') problems.title = 'Enter a title: a short summary of the problem.';
  else if (title.length > TITLE_MAX) problems.title = `Shorten the title to ${TITLE_MAX} characters (it has ${title.length}).`;
  if (draft.impact === '') problems.impact = 'Choose who the problem affects (keys 1 to 6): the priority follows from it.';

  const callback = readPhone(draft.callbackNumber);
  if (typeof callback === 'string') problems.callbackNumber = `Callback number: ${callback}`;
  const system = draft.systemNumber.trim() === '' ? null : readPhone(draft.systemNumber);
  if (typeof system === 'string') problems.systemNumber = `The system's main number: ${system}`;
  const email = draft.callerEmail.trim();
  if (email !== '') {
    const problem = emailProblem(email);
    if (problem) problems.callerEmail = problem;
  }
  const minutes = estimateMinutes(draft.estimateHours);
  if (guidance.needsApproval || draft.requestKind === 'billable_work') {
    if (minutes === null) problems.estimateHours = 'Billable work is approved against an estimate: enter the hours it is expected to take.';
    else if (!Number.isFinite(minutes) || minutes < 1 || minutes > 60_000)
      problems.estimateHours = `"${draft.estimateHours}" is not a number of hours: enter e.g. 3 or 1.5.`;
  }
  if (draft.requestKind === 'billable_work' && !guidance.needsApproval && !problems.estimateHours)
    problems.estimateHours =
      'Nothing makes this billable: over 2 hours, onsite, project or remediation work, or after hours. Describe the work, or choose another kind of request.';
  let requestParam: number | undefined;
  if (draft.requestTypeId !== '' && draft.requestParam.trim() !== '') {
    if (!/^\d+$/.test(draft.requestParam.trim()) || Number(draft.requestParam) < 1)
      problems.requestParam = 'Enter a whole number from 1, or leave the count empty.';
    else requestParam = Number(draft.requestParam);
  }

  const description = composeDescription(draft);
  if (!client || typeof callback === 'string' || typeof system === 'string' || draft.impact === '' || !guidance.suggestion)
    return { ok: false, problems };

  const intake: TicketIntake = {
    callerContactId: contact?.id ?? null,
    callerName: draft.callerName.trim(),
    callbackNumber: callback,
    callerEmail: email === '' ? null : email,
    siteId: draft.siteId || null,
    siteAddress: draft.siteAddress.trim(),
    systemNumber: system,
    requestKind: draft.requestKind,
    impact: draft.impact,
    workaround: draft.workaround,
    suggestedPriority: guidance.suggestion.priority,
    overrideReason: draft.priority && draft.priority !== guidance.suggestion.priority ? draft.overrideReason.trim() : null,
    afterHours: guidance.notice?.afterHours ? { told: draft.afterHoursTold, agreed: draft.afterHoursAgreed } : null,
    callId: null,
  };
  const rules = intakeProblems(intake, {
    schemeId: client.prioritySchemeId,
    priority: guidance.priority,
    description,
    afterHoursBillable: guidance.notice?.afterHours === true && guidance.notice.billable,
  });
  Object.assign(problems, rules);
  if (!PRIORITY_SCHEMES[client.prioritySchemeId].levels.some((l) => l.key === guidance.priority))
    problems.overrideReason = `Choose one of ${client.name}'s priorities.`;
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const { callId: _unset, ...block } = intake;
  const call = callFacts(draft, facts.nowMs, `Opened "${title}".`)!;
  // A caller added on this call is authorized as an unknown caller: the request names them as they gave themselves.
  const listed = contact !== undefined && !draft.contactAddedOnCall ? contact : undefined;
  // An unknown caller's included work is held by a request with nothing to approve, until an authorized contact confirms it.
  const confirmationOnly = !guidance.needsApproval && guidance.held === 'awaiting_confirmation' && !listed;
  const approval: IntakeSubmission['approval'] =
    guidance.needsApproval || confirmationOnly
      ? {
          requesterContactId: listed?.id ?? null,
          callerName: listed ? null : intake.callerName || 'Unknown caller',
          callerPhone: listed ? null : callback.raw,
          kind: draft.requestKind,
          ...requestFacts(draft, guidance.notice),
          description: description || title,
          estimateMinutes: confirmationOnly ? null : minutes,
          estimateCents: null,
        }
      : null;
  // A listed contact asking beyond their role has no request to hold it (the rules refuse one without a charge): a note says why it waits.
  const holdNote =
    guidance.held === 'awaiting_confirmation' && !guidance.needsApproval && listed
      ? `Held for confirmation: ${guidance.answer.reason}`
      : null;
  return {
    ok: true,
    guidance,
    submission: {
      ticket: {
        clientId: client.id,
        title,
        description,
        priority: guidance.priority,
        ...(draft.requestTypeId ? { requestTypeId: draft.requestTypeId } : {}),
        ...(draft.requestTypeId && requestParam !== undefined ? { requestParam } : {}),
        ...(draft.requestTypeId && draft.customerWantedDate ? { customerWantedDate: draft.customerWantedDate } : {}),
      },
      intake: block,
      call,
      approval,
      holdNote,
    },
  };
}
