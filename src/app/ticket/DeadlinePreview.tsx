import type { SlaClock } from '../../domain/sla';
import { formatInZone } from '../sla/clock-view';
import type { DeadlineChange } from '../sla/deadline-preview';

const NAMES = { firstResponse: 'First response', resolution: 'Resolution' } as const;

function describe(clock: SlaClock | null, zone: string): string {
  if (!clock) return 'no target';
  if (clock.stoppedAtMs !== null) return clock.state === 'met' ? 'met' : `stopped (${clock.state})`;
  if (clock.state === 'paused') return `paused (due ${formatInZone(clock.targetAt, zone)} if resumed now)`;
  return `due ${formatInZone(clock.targetAt, zone)}`;
}

/** The deadlines before and after a change that is not saved yet. */
export function DeadlinePreview({ changes, zone }: { changes: readonly DeadlineChange[]; zone: string }) {
  return (
    <div className="deadline-preview" role="status" aria-label="Deadlines after this change" data-testid="deadline-preview">
      <ul>
        {changes.map((c) => {
          const before = describe(c.before, zone);
          const after = describe(c.after, zone);
          return (
            <li key={c.clock}>
              {NAMES[c.clock]}: {before === after ? `${after} (unchanged)` : `${before} → ${after}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
