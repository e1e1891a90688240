// The Visits screen's lists (docs/domain/onsite-visits.md): every visit under
// the stage it is at, derived from its record and its approval requests, in
// the order the work moves through them. Pure, so the order is tested without
// the DOM.
import type { StatusOf, VisitStage } from '../../domain/visits';
import { visitStage } from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';

export interface StageGroup {
  id: string;
  label: string;
  stages: readonly VisitStage[];
}

/** The lists, in the order a visit moves through them; onsite and waiting-for-more-time share one, as do the two ends that are not completion. */
export const STAGE_GROUPS: readonly StageGroup[] = [
  { id: 'awaiting_approval', label: 'Awaiting approval', stages: ['awaiting_approval'] },
  { id: 'awaiting_prepayment', label: 'Awaiting prepayment', stages: ['awaiting_prepayment'] },
  { id: 'to_schedule', label: 'To schedule', stages: ['to_schedule'] },
  { id: 'scheduled', label: 'Scheduled', stages: ['scheduled'] },
  { id: 'onsite', label: 'Onsite / waiting for more time', stages: ['onsite', 'awaiting_more_time'] },
  { id: 'completed', label: 'Completed', stages: ['completed'] },
  { id: 'cancelled', label: 'Cancelled or declined', stages: ['cancelled', 'declined'] },
];

export interface StagedVisit {
  visit: VisitRecord;
  stage: VisitStage;
}

export interface GroupedVisits {
  group: StageGroup;
  rows: StagedVisit[];
}

/** Booked visits by when they start (what happens next first); visits never booked by when they were requested. */
function byStart(a: StagedVisit, b: StagedVisit): number {
  const key = (s: StagedVisit) => s.visit.startsAt ?? s.visit.createdAt;
  return key(a).localeCompare(key(b)) || a.visit.id.localeCompare(b.visit.id);
}

export function groupVisits(visits: readonly VisitRecord[], statusOf: StatusOf): GroupedVisits[] {
  const staged = visits.map((visit) => ({ visit, stage: visitStage(visit, statusOf) }));
  return STAGE_GROUPS.map((group) => ({
    group,
    rows: staged.filter((s) => group.stages.includes(s.stage)).sort(byStart),
  }));
}

/** The rows in the order j/k walks them: group after group. */
export function flatRows(groups: readonly GroupedVisits[]): StagedVisit[] {
  return groups.flatMap((g) => g.rows);
}

/** The id `move` rows from `selectedId` (clamped to the ends), or the first row when nothing is selected. */
export function moveSelection(rows: readonly StagedVisit[], selectedId: string | null, move: number): string | null {
  if (rows.length === 0) return null;
  const at = rows.findIndex((r) => r.visit.id === selectedId);
  if (at < 0) return rows[0]!.visit.id;
  return rows[Math.min(rows.length - 1, Math.max(0, at + move))]!.visit.id;
}
