import { memo } from 'react';
import type { StaffMember } from '../../domain/ticket';
import { formatInClient, formatInUserZone } from './timeline-format';
import type { TimelineEntry } from './timeline';

/** Marked when a ticket's timeline is first on screen: the ticket.open_ms benchmark reads it. */
export const TIMELINE_RENDERED_MARK = 'ticket:timeline-rendered';

/** Everything that happened, oldest first, each with who and when (the user's zone; the client's on hover). */
export const TimelineList = memo(function TimelineList({
  entries,
  staff,
  clientZone,
}: {
  entries: readonly TimelineEntry[];
  staff: ReadonlyMap<string, StaffMember>;
  clientZone: string;
}) {
  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline</h3>
      <ol data-testid="timeline" data-count={entries.length}>
        {entries.map((e) => (
          <li key={e.id} className={`timeline-entry ${e.kind}`} data-kind={e.kind}>
            <div className="timeline-meta">
              <strong>{e.summary}</strong>{' '}
              <span className="muted">
                {e.actorId ? `by ${staff.get(e.actorId)?.name ?? 'someone not on this desk'} ` : ''}
                <time dateTime={e.at} title={`Client's time: ${formatInClient(e.at, clientZone)}`}>
                  {formatInUserZone(e.at)}
                </time>
                {e.endAt && (
                  <>
                    {' to '}
                    <time dateTime={e.endAt} title={`Client's time: ${formatInClient(e.endAt, clientZone)}`}>
                      {formatInUserZone(e.endAt)}
                    </time>
                  </>
                )}
              </span>
            </div>
            {e.body && <p className="timeline-body">{e.body}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
});
