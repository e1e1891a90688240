// Visits waiting for a slot: those ready to book first, then (greyed) those
// still waiting for the client's approval or prepayment, each with why. A ready
// visit is placed by dragging it onto the board or with its Place button, which
// hands it to the keyboard's slot cursor.
import type { DragEvent } from 'react';
import type { VisitStage } from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';
import { VISIT_DRAG_TYPE } from './BoardGrid';
import type { Places } from './board-model';
import { notBookableReason } from './visit-labels';

export interface WaitingVisit {
  visit: VisitRecord;
  stage: VisitStage;
}

export function WaitingList({
  waiting,
  places,
  pickedVisitId,
  selectedVisitId,
  onPlace,
  onSelect,
}: {
  waiting: readonly WaitingVisit[];
  places: Places;
  pickedVisitId: string | null;
  selectedVisitId: string | null;
  onPlace(visitId: string): void;
  onSelect(visitId: string): void;
}) {
  const onDragStart = (e: DragEvent, id: string) => {
    e.dataTransfer.setData(VISIT_DRAG_TYPE, id);
    e.dataTransfer.setData('text/plain', id);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <section className="board-waiting" aria-labelledby="board-waiting-heading" data-testid="board-waiting">
      <h2 id="board-waiting-heading">To schedule</h2>
      {waiting.length === 0 ? (
        <p className="empty">No visits are waiting for a slot.</p>
      ) : (
        <ul>
          {waiting.map(({ visit, stage }) => {
            const reason = notBookableReason(stage);
            const client = places.client(visit.clientId);
            const site = places.site(visit.siteId);
            return (
              <li
                key={visit.id}
                className={[
                  reason ? 'not-bookable' : '',
                  visit.id === pickedVisitId ? 'picked' : '',
                  visit.id === selectedVisitId ? 'selected' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                draggable={!reason}
                onDragStart={reason ? undefined : (e) => onDragStart(e, visit.id)}
                data-testid="board-waiting-visit"
                data-visit-id={visit.id}
              >
                <button type="button" className="link" onClick={() => onSelect(visit.id)}>
                  {client?.name ?? 'Unknown client'}, {site?.name ?? 'unknown site'}
                </button>
                <span className="muted">
                  {' '}
                  {visit.estimateHours} h{visit.needsDowntime ? ', takes systems down' : ''}: {visit.scope}
                </span>
                {reason ? (
                  <p className="muted board-why">{reason}</p>
                ) : (
                  <button type="button" onClick={() => onPlace(visit.id)} aria-pressed={visit.id === pickedVisitId}>
                    Place
                  </button>
                )}
                {visit.bookingRefusal && (
                  <p className="board-refusal" data-testid="board-refusal">
                    Booking refused: {visit.bookingRefusal.reason}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
