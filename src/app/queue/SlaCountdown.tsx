import { useMemo } from 'react';
import type { SlaClockName } from '../../domain/sla';
import type { QueueRow } from './queue-rows';
import { clocksProblem, rowClocks } from './row-clocks';
import { useSecond } from './second-ticker';
import { readClock, type ClockPlan } from './sla-clock-plan';
import { clockDeadline, clockText, TONE_ICON, toneOf } from './sla-format';

/** One SLA clock of a queue row. Only a clock that is counting subscribes to the 1 s ticker. */
export function SlaCountdown({ row, clock }: { row: QueueRow; clock: SlaClockName }) {
  // Cached per ticket change (row-clocks.ts): a re-render of the row does not recompute the SLA.
  const clocks = rowClocks(row);
  if (!clocks) {
    const problem = clocksProblem(row) ?? 'No SLA';
    return (
      <span className="sla sla-none" title={problem}>
        —<span className="visually-hidden">{problem}</span>
      </span>
    );
  }
  const plan = clocks[clock];
  if (!plan) {
    return (
      <span className="sla sla-none" title="No resolution target for this priority">
        —<span className="visually-hidden">No resolution target for this priority</span>
      </span>
    );
  }
  return plan.stoppedAs || plan.paused ? (
    <ClockFace plan={plan} nowMs={0} timeZone={row.clientTimeZone} />
  ) : (
    <TickingClock plan={plan} timeZone={row.clientTimeZone} />
  );
}

function TickingClock({ plan, timeZone }: { plan: ClockPlan; timeZone: string }) {
  return <ClockFace plan={plan} nowMs={useSecond()} timeZone={timeZone} />;
}

/** A stopped or paused clock reads the same at any instant, so it is drawn once. */
function ClockFace({ plan, nowMs, timeZone }: { plan: ClockPlan; nowMs: number; timeZone: string }) {
  const reading = readClock(plan, nowMs);
  const tone = toneOf(reading);
  // The deadline's words change only when the state does: formatted once per state, not once a second.
  const deadline = useMemo(() => clockDeadline(plan, reading, timeZone), [plan, tone, timeZone]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <span className={`sla sla-${tone}`} title={deadline} data-sla-state={tone}>
      <span aria-hidden="true">{TONE_ICON[tone]} </span>
      {clockText(reading)}
      <span className="visually-hidden">. {deadline}</span>
    </span>
  );
}
