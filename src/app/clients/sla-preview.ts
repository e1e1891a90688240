// The client page's live preview of a policy: for each priority, when a ticket
// opened now would be due, and one opened at the end of the week (Friday 16:30
// in the client's zone), where business hours, weekends and after-hours
// targets show. Computed with the SLA engine itself, so it is what the queue will show.
import { DateTime } from 'luxon';
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { computeSla, type SlaPolicy } from '../../domain/sla';
import { openedHistory } from '../../domain/sla-history';

export interface PreviewRow {
  priority: string;
  label: string;
  /** Per opening: when first response and resolution are due (epoch ms), null when the policy sets no resolution target. */
  openings: Array<{ openedAtMs: number; firstResponseMs: number; resolutionMs: number | null } | { openedAtMs: number; error: string }>;
}

/** The Friday 16:30 on or after `now` in `timeZone` (the next one once today's has passed). */
export function nextFridayAfternoon(nowMs: number, timeZone: string): number {
  const local = DateTime.fromMillis(nowMs, { zone: timeZone });
  let friday = local.set({ weekday: 5, hour: 16, minute: 30, second: 0, millisecond: 0 });
  if (friday.toMillis() < local.toMillis()) friday = friday.plus({ weeks: 1 });
  return friday.toMillis();
}

export function previewPolicy(policy: SlaPolicy, nowMs: number, timeZone: string): PreviewRow[] {
  const openings = [nowMs, nextFridayAfternoon(nowMs, timeZone)];
  return PRIORITY_SCHEMES[policy.prioritySchemeId].levels.map((level) => ({
    priority: level.key,
    label: level.label,
    openings: openings.map((at) => {
      try {
        const sla = computeSla(policy, openedHistory(new Date(at).toISOString(), level.key), at);
        return { openedAtMs: at, firstResponseMs: sla.firstResponse.targetAtMs, resolutionMs: sla.resolution?.targetAtMs ?? null };
      } catch (error) {
        return { openedAtMs: at, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  }));
}
