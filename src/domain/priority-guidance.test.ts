// Priority guidance from the three contracts' own definitions
// (docs/domain/phone-intake.md, "Priority guidance"). Each row is a caller's
// answer and the level the contract's guide gives it:
// - four tiers: Critical = complete outage affecting all users, operations halted;
//   High = major issue affecting multiple users with no workaround; Medium = a
//   single user or an issue with a workaround; Standard = low-impact changes,
//   general questions, cosmetic issues;
// - four severities: Sev1 = not accessible or not functioning; Sev2 = noticeably
//   impaired but accessible and functional; Sev3 = needs information or
//   assistance; Sev4 = operation intact, no business impact;
// - five priorities: P1 = a significant group of users; P2 = a significant issue
//   for a single user; P3 = routine request for a single user; P4 = minor issue or
//   general inquiry; P5 = long-term project or service request.
import { describe, expect, it } from 'vitest';
import { IMPACTS, mostUrgentPriority, suggestPriority, type Impact } from './priority-guidance';
import { PRIORITY_SCHEMES, type PrioritySchemeId } from './priority-schemes';

type Row = [Impact, 'workaround' | 'no workaround' | 'either', string];

const GUIDES: Record<PrioritySchemeId, Row[]> = {
  'four-tier': [
    ['everyone', 'no workaround', 'critical'],
    ['everyone', 'workaround', 'high'],
    ['several', 'no workaround', 'high'],
    ['several', 'workaround', 'medium'],
    ['one', 'no workaround', 'medium'],
    ['one', 'workaround', 'medium'],
    ['question', 'either', 'standard'],
    ['minor', 'either', 'standard'],
    ['project', 'either', 'standard'],
  ],
  'four-severity': [
    ['everyone', 'no workaround', 'sev1'],
    ['everyone', 'workaround', 'sev2'],
    ['several', 'no workaround', 'sev2'],
    ['several', 'workaround', 'sev2'],
    ['one', 'no workaround', 'sev2'],
    ['one', 'workaround', 'sev3'],
    ['question', 'either', 'sev3'],
    ['minor', 'either', 'sev4'],
    ['project', 'either', 'sev4'],
  ],
  'five-priority': [
    ['everyone', 'no workaround', 'p1'],
    ['everyone', 'workaround', 'p1'],
    ['several', 'no workaround', 'p1'],
    ['several', 'workaround', 'p2'],
    ['one', 'no workaround', 'p2'],
    ['one', 'workaround', 'p3'],
    ['question', 'either', 'p4'],
    ['minor', 'either', 'p4'],
    ['project', 'either', 'p5'],
  ],
};

describe.each(Object.entries(GUIDES) as [PrioritySchemeId, Row[]][])('%s', (scheme, rows) => {
  it.each(rows)('%s, %s → %s', (impact, answer, expected) => {
    const answers = answer === 'either' ? [true, false] : [answer === 'workaround'];
    for (const workaround of answers) expect(suggestPriority(scheme, { impact, workaround }).priority).toBe(expected);
  });

  it('has a row for every impact, and its reason names the level', () => {
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(IMPACTS));
    for (const impact of IMPACTS)
      for (const workaround of [true, false]) {
        const s = suggestPriority(scheme, { impact, workaround });
        const label = PRIORITY_SCHEMES[scheme].levels.find((l) => l.key === s.priority)!.label;
        expect(s.reason.startsWith(`${label}: `)).toBe(true);
      }
  });
});

describe('the most urgent level', () => {
  it.each([
    ['four-tier', 'critical'],
    ['four-severity', 'sev1'],
    ['five-priority', 'p1'],
  ] as const)('%s: %s', (scheme, key) => expect(mostUrgentPriority(scheme)).toBe(key));
});
