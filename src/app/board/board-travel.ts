// Travel between a technician's consecutive visits (docs/domain/onsite-visits.md,
// "Scheduling board"): the board shows the estimated drive before each visit,
// says "travel unknown" when a site has no coordinates rather than guess, and
// warns when the gap after the previous visit is shorter than the drive.
import type { Site } from '../../domain/client';
import { travelMinutes } from '../../domain/travel';
import { travelWarnings } from '../../domain/visit-schedule';
import { gapMinutes, type BoardCells, type Placed, type Timed } from './board-layout';

export interface TravelLeg {
  fromVisitId: string;
  /** null: a site has no coordinates. */
  minutes: number | null;
  gapMinutes: number;
  /** The gap is shorter than the drive. */
  tooShort: boolean;
}

/** The leg into each visit that follows another of the same technician on the board: visit id → leg. */
export function travelLegs<V extends Timed & { siteId: string }>(
  cells: BoardCells<V>,
  siteOf: (siteId: string) => Pick<Site, 'id' | 'location'> | undefined,
): Map<string, TravelLeg> {
  const legs = new Map<string, TravelLeg>();
  for (const row of cells.values()) {
    const ordered: Placed<V>[] = row.flat();
    if (ordered.length < 2) continue;
    const byId = new Map(ordered.map((p) => [p.visit.id, p]));
    const travel = (fromId: string, toId: string): number | null => {
      const from = siteOf(byId.get(fromId)!.visit.siteId);
      const to = siteOf(byId.get(toId)!.visit.siteId);
      return from && to ? travelMinutes(from, to) : null;
    };
    const short = new Set(
      travelWarnings(
        ordered.map((p) => ({ visitId: p.visit.id, startMs: p.startMs, endMs: p.endMs })),
        travel,
      ).map((w) => w.toVisitId),
    );
    for (let i = 1; i < ordered.length; i++) {
      const a = ordered[i - 1]!;
      const b = ordered[i]!;
      legs.set(b.visit.id, {
        fromVisitId: a.visit.id,
        minutes: travel(a.visit.id, b.visit.id),
        gapMinutes: gapMinutes(a.endMs, b.startMs),
        tooShort: short.has(b.visit.id),
      });
    }
  }
  return legs;
}

/** What the board says about the leg into a visit. */
export function legLabel(leg: TravelLeg): string {
  if (leg.minutes === null) return 'travel unknown (a site has no location)';
  if (leg.tooShort) return `travel ${leg.minutes} min, only ${Math.max(0, leg.gapMinutes)} min after the last visit`;
  return `travel ${leg.minutes} min`;
}
