import type { SlaClock, SlaResult, SlaSegment } from '../../domain/sla';
import { formatDuration } from '../../domain/time-entries';
import { formatInZone } from '../sla/clock-view';

const SEGMENT_LABELS: Record<SlaSegment['kind'], string> = {
  business: 'Business hours (counted)',
  wall: 'Counted, around the clock',
  closed: 'Outside business hours',
  holiday: 'Holiday',
  paused: 'Paused',
};

function ClockExplanation({ name, clock, zone }: { name: string; clock: SlaClock | null; zone: string }) {
  if (!clock) return <p>{name}: no target for this priority.</p>;
  const { summary, segments } = clock.explanation;
  return (
    <section aria-label={`How the ${name.toLowerCase()} deadline was computed`}>
      <h4>{name}</h4>
      <p data-testid="explain-summary">{summary}</p>
      <table className="explain-segments">
        <caption className="visually-hidden">{name}: stretches of time from the opening to the deadline</caption>
        <thead>
          <tr>
            <th scope="col">Stretch</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Length</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={`${s.start}-${s.kind}`} className={`segment ${s.kind}`}>
              <td>
                {SEGMENT_LABELS[s.kind]}
                {s.label ? ` (${s.label})` : ''}
              </td>
              <td>{formatInZone(s.start, zone)}</td>
              <td>{formatInZone(s.end, zone)}</td>
              <td>{formatDuration(s.minutes * 60_000)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** How each deadline was computed: the engine's own explanation, segment by segment, in the client's zone. */
export function ExplainPanel({ sla, zone }: { sla: SlaResult; zone: string }) {
  return (
    <section className="explain-panel" aria-labelledby="explain-heading" data-testid="explain-panel">
      <h3 id="explain-heading">How the deadlines were computed</h3>
      <ClockExplanation name="First response" clock={sla.firstResponse} zone={zone} />
      <ClockExplanation name="Resolution" clock={sla.resolution} zone={zone} />
    </section>
  );
}
