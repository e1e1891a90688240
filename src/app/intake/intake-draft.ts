// The intake form as it is typed (docs/domain/phone-intake.md, "The intake
// screen"): plain text fields, kept as a draft on this desk so a reload or a
// crash mid-call loses nothing. Read into a ticket only on submit (intake-check.ts).
import type { WorkKind } from '../../domain/approval-requests';
import type { RequestKind } from '../../domain/contact-authorization';
import type { Impact } from '../../domain/priority-guidance';
import type { IncomingCall } from './incoming-call-store';

/** The guided questions support teams ask, each composed into the description. */
export interface DescriptionPrompts {
  steps: string;
  usersAffected: string;
  workaroundText: string;
  logsToFollow: boolean;
}

export interface IntakeDraft {
  /** When the call started (ISO); null: no call in progress. */
  startedAt: string | null;
  source: IncomingCall['source'] | null;
  /** The caller search field: a number or a name, as typed or as the phone system passed it. */
  query: string;
  contactId: string | null;
  /**
   * The picked caller was added to the client's list during this call: they are
   * on the list now, but nobody at the client has vouched for them, so their
   * request is authorized as an unknown caller's (held for confirmation).
   */
  contactAddedOnCall: boolean;
  callerName: string;
  callbackNumber: string;
  callerEmail: string;
  clientId: string;
  /** One of the client's sites, or '' when the address is typed. */
  siteId: string;
  siteAddress: string;
  systemNumber: string;
  requestKind: RequestKind;
  requestTypeId: string;
  requestParam: string;
  customerWantedDate: string;
  title: string;
  description: string;
  prompts: DescriptionPrompts;
  impact: Impact | '';
  workaround: boolean;
  /** '' follows the suggestion; another level needs a reason. */
  priority: string;
  overrideReason: string;
  afterHoursTold: boolean;
  afterHoursAgreed: boolean;
  /** Billable work is described for its approval: what it is, how long, onsite. */
  work: WorkKind;
  estimateHours: string;
  onsite: boolean;
  /** The open ticket this call is about, when it is about one: the call is added to it instead of a new ticket. */
  existingTicketId: string | null;
}

export const EMPTY_PROMPTS: DescriptionPrompts = { steps: '', usersAffected: '', workaroundText: '', logsToFollow: false };

export const EMPTY_DRAFT: IntakeDraft = {
  startedAt: null,
  source: null,
  query: '',
  contactId: null,
  contactAddedOnCall: false,
  callerName: '',
  callbackNumber: '',
  callerEmail: '',
  clientId: '',
  siteId: '',
  siteAddress: '',
  systemNumber: '',
  requestKind: 'issue',
  requestTypeId: '',
  requestParam: '',
  customerWantedDate: '',
  title: '',
  description: '',
  prompts: EMPTY_PROMPTS,
  impact: '',
  workaround: false,
  priority: '',
  overrideReason: '',
  afterHoursTold: false,
  afterHoursAgreed: false,
  work: 'break_fix',
  estimateHours: '',
  onsite: false,
  existingTicketId: null,
};

/** A new call: an empty form with its start time. */
export function startedDraft(nowMs: number, source: IncomingCall['source'], from = ''): IntakeDraft {
  return { ...EMPTY_DRAFT, startedAt: new Date(nowMs).toISOString(), source, query: from };
}

/** A draft read back from the store: whatever it lacks (an older shape) comes from the empty form. */
export function restoredDraft(value: unknown): IntakeDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<IntakeDraft>;
  if (typeof v.startedAt !== 'string') return null;
  return { ...EMPTY_DRAFT, ...v, prompts: { ...EMPTY_PROMPTS, ...(v.prompts ?? {}) } };
}

/** The description with the guided answers under it, as the ticket stores it. */
export function composeDescription(draft: Pick<IntakeDraft, 'description' | 'prompts'>): string {
  const p = draft.prompts;
  const lines = [
    p.steps.trim() && `Steps to reproduce: ${p.steps.trim()}`,
    p.usersAffected.trim() && `Users affected: ${p.usersAffected.trim()}`,
    p.workaroundText.trim() && `Workaround: ${p.workaroundText.trim()}`,
    p.logsToFollow && 'Logs or screenshots to follow.',
  ].filter((l): l is string => Boolean(l));
  const main = draft.description.trim();
  return lines.length === 0 ? main : [main, '', ...lines].join('\n').trim();
}
