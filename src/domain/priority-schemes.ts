// The three contracts' priority vocabularies (docs/domain/priorities-and-sla.md).
// SLA presets in resources/sla-presets use exactly these keys.

export interface PriorityLevel {
  key: string;
  label: string;
  /** 1 is the most urgent; used to sort the queue across schemes. */
  rank: number;
}

export interface PriorityScheme {
  id: PrioritySchemeId;
  label: string;
  levels: readonly PriorityLevel[];
}

export type PrioritySchemeId = 'four-tier' | 'four-severity' | 'five-priority';

export const PRIORITY_SCHEMES: Record<PrioritySchemeId, PriorityScheme> = {
  'four-tier': {
    id: 'four-tier',
    label: 'Four tiers (Critical to Standard)',
    levels: [
      { key: 'critical', label: 'Critical', rank: 1 },
      { key: 'high', label: 'High', rank: 2 },
      { key: 'medium', label: 'Medium', rank: 3 },
      { key: 'standard', label: 'Standard', rank: 4 },
    ],
  },
  'four-severity': {
    id: 'four-severity',
    label: 'Four severities (Sev1 to Sev4)',
    levels: [
      { key: 'sev1', label: 'Severity 1', rank: 1 },
      { key: 'sev2', label: 'Severity 2', rank: 2 },
      { key: 'sev3', label: 'Severity 3', rank: 3 },
      { key: 'sev4', label: 'Severity 4', rank: 4 },
    ],
  },
  'five-priority': {
    id: 'five-priority',
    label: 'Five priorities (P1 to P5)',
    levels: [
      { key: 'p1', label: 'P1', rank: 1 },
      { key: 'p2', label: 'P2', rank: 2 },
      { key: 'p3', label: 'P3', rank: 3 },
      { key: 'p4', label: 'P4', rank: 4 },
      { key: 'p5', label: 'P5', rank: 5 },
    ],
  },
};

export const ALL_PRIORITY_KEYS: readonly string[] = Object.values(PRIORITY_SCHEMES).flatMap((s) => s.levels.map((l) => l.key));

const LEVEL_BY_KEY = new Map(Object.values(PRIORITY_SCHEMES).flatMap((s) => s.levels.map((l) => [l.key, l] as const)));

export function findPriority(key: string): PriorityLevel | undefined {
  return LEVEL_BY_KEY.get(key);
}
