// Which priority a caller's problem gets on their client's contract
// (docs/domain/phone-intake.md, "Priority guidance"). Intake asks two things
// the caller can answer — who is affected, and can they work around it — and
// the contract's own definitions decide the level. The person taking the call
// may choose another level, with a reason that is recorded.
import { PRIORITY_SCHEMES, type PrioritySchemeId } from './priority-schemes';

/**
 * Who the problem stops, in the caller's words:
 * - `everyone`: all users, or the whole service, is down;
 * - `several`: a group of users;
 * - `one`: a single user;
 * - `question`: nothing is broken; they need information or help with how something works;
 * - `minor`: cosmetic or low impact, business goes on as normal;
 * - `project`: a planned change or long-term project, no response expectation.
 */
export const IMPACTS = ['everyone', 'several', 'one', 'question', 'minor', 'project'] as const;
export type Impact = (typeof IMPACTS)[number];
export const IMPACT_LABELS: Record<Impact, string> = {
  everyone: 'Everyone / the whole service is down',
  several: 'Several users',
  one: 'One user',
  question: 'A question or how-to',
  minor: 'Cosmetic or low impact',
  project: 'A planned change or project',
};

/** Impacts where "is there a workaround?" changes the answer. */
export const IMPACTS_WITH_WORKAROUND: readonly Impact[] = ['everyone', 'several', 'one'];

export interface PriorityQuestion {
  impact: Impact;
  /** The caller can keep working another way; ignored for question, minor and project. */
  workaround: boolean;
}

export interface PrioritySuggestion {
  /** A key of the scheme (src/domain/priority-schemes.ts). */
  priority: string;
  /** Why, in the contract's words, for the screen and the record. */
  reason: string;
}

type Row = { impact: Impact; workaround: boolean | 'any'; priority: string; reason: string };

// Each table is read top to bottom; the first row that matches wins. The
// reasons quote the level's definition in that contract's support guide.
const TABLES: Record<PrioritySchemeId, readonly Row[]> = {
  'four-tier': [
    { impact: 'everyone', workaround: false, priority: 'critical', reason: 'a complete outage affecting all users, operations halted' },
    {
      impact: 'everyone',
      workaround: true,
      priority: 'high',
      reason: 'a major issue for many users, but a workaround keeps operations going',
    },
    { impact: 'several', workaround: false, priority: 'high', reason: 'a major issue affecting multiple users with no workaround' },
    { impact: 'several', workaround: true, priority: 'medium', reason: 'an issue with a workaround available' },
    { impact: 'one', workaround: 'any', priority: 'medium', reason: 'a single user, or an issue with a workaround available' },
    { impact: 'question', workaround: 'any', priority: 'standard', reason: 'a general question' },
    { impact: 'minor', workaround: 'any', priority: 'standard', reason: 'a low-impact or cosmetic issue' },
    { impact: 'project', workaround: 'any', priority: 'standard', reason: 'a low-impact change' },
  ],
  'four-severity': [
    { impact: 'everyone', workaround: false, priority: 'sev1', reason: 'the service is not accessible or not functioning' },
    { impact: 'everyone', workaround: true, priority: 'sev2', reason: 'noticeably impaired, but still accessible and functional' },
    { impact: 'several', workaround: 'any', priority: 'sev2', reason: 'noticeably impaired, but still accessible and functional' },
    { impact: 'one', workaround: false, priority: 'sev2', reason: 'noticeably impaired for this user, still accessible' },
    { impact: 'one', workaround: true, priority: 'sev3', reason: 'the user needs assistance; a workaround keeps them working' },
    {
      impact: 'question',
      workaround: 'any',
      priority: 'sev3',
      reason: 'information or help with capabilities, configuration or operation',
    },
    { impact: 'minor', workaround: 'any', priority: 'sev4', reason: 'operation intact, no impact on business operations' },
    { impact: 'project', workaround: 'any', priority: 'sev4', reason: 'operation intact, no impact on business operations' },
  ],
  'five-priority': [
    { impact: 'everyone', workaround: 'any', priority: 'p1', reason: 'a problem impacting a significant group of users' },
    { impact: 'several', workaround: false, priority: 'p1', reason: 'a problem impacting a significant group of users' },
    { impact: 'several', workaround: true, priority: 'p2', reason: 'a significant issue, with a workaround for now' },
    { impact: 'one', workaround: false, priority: 'p2', reason: 'a significant issue affecting a single user' },
    { impact: 'one', workaround: true, priority: 'p3', reason: 'a routine request that impacts a single user' },
    { impact: 'question', workaround: 'any', priority: 'p4', reason: 'a general inquiry' },
    { impact: 'minor', workaround: 'any', priority: 'p4', reason: 'a minor service issue' },
    {
      impact: 'project',
      workaround: 'any',
      priority: 'p5',
      reason: 'a long-term project or service request with no specific response expectation',
    },
  ],
};

export function suggestPriority(schemeId: PrioritySchemeId, question: PriorityQuestion): PrioritySuggestion {
  const row = TABLES[schemeId].find(
    (r) => r.impact === question.impact && (r.workaround === 'any' || r.workaround === question.workaround),
  );
  // Every impact has a row for both answers in every table (tested), so this is unreachable.
  if (!row) throw new Error(`No priority row for ${question.impact} in ${schemeId}.`);
  const label = PRIORITY_SCHEMES[schemeId].levels.find((l) => l.key === row.priority)!.label;
  return { priority: row.priority, reason: `${label}: ${row.reason}.` };
}

/** The most urgent level of a scheme: its tickets must be described well enough to act on at once. */
export function mostUrgentPriority(schemeId: PrioritySchemeId): string {
  return PRIORITY_SCHEMES[schemeId].levels.find((l) => l.rank === 1)!.key;
}

/** Choosing a level other than the suggestion needs a reason of at least this many characters. */
export const OVERRIDE_REASON_MIN = 5;
