import type { SlaClock } from '../../domain/sla';
import { clockView } from '../sla/clock-view';

/** One SLA clock: its state in words and an icon as well as colour, time left, the deadline in the client's zone on hover. */
export function SlaClockBadge({ name, clock, zone, testId }: { name: string; clock: SlaClock | null; zone: string; testId: string }) {
  if (!clock) {
    return (
      <div className="sla-clock none" data-testid={testId} data-state="none">
        <span className="sla-name">{name}</span> <span className="muted">No target for this priority</span>
      </div>
    );
  }
  const view = clockView(clock, zone);
  return (
    <div className={`sla-clock ${view.tone}`} data-testid={testId} data-state={view.tone} title={view.title}>
      <span className="sla-name">{name}</span>{' '}
      <span className="sla-state">
        <span aria-hidden="true">{view.icon}</span> {view.label}
      </span>{' '}
      <span className="sla-reading">{view.reading}</span>
    </div>
  );
}
