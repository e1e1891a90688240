// The selected visit beside the board: where and when (the site's zone), the
// travel into it, the client's maintenance window for work that takes systems
// down, a refused booking's reason, the customer's confirmation to copy, and
// Move / Take off the board.
import { useState } from 'react';
import { bookingEnd, describeSlot } from '../../domain/visit-schedule';
import { VISIT_STAGE_LABELS, type VisitStage } from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';
import type { BoardTechnician, ChipText, Places } from './board-model';
import { siteZoneOf } from './board-model';
import { confirmationText } from './confirmation';
import { describeWindow } from './maintenance-shading';
import { notBookableReason } from './visit-labels';

export function VisitPanel({
  visit,
  stage,
  chip,
  places,
  technicians,
  onMove,
  onUnbook,
  onClose,
}: {
  visit: VisitRecord;
  stage: VisitStage;
  chip: ChipText | undefined;
  places: Places;
  technicians: readonly BoardTechnician[];
  onMove(): void;
  onUnbook(): void;
  onClose(): void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const client = places.client(visit.clientId);
  const site = places.site(visit.siteId);
  const zone = siteZoneOf(visit, places);
  const technician = technicians.find((t) => t.id === visit.technicianId);
  const booked = visit.status === 'scheduled' && visit.startsAt && visit.endsAt;
  const confirmation = booked
    ? confirmationText({
        startsAt: visit.startsAt!,
        endsAt: visit.endsAt!,
        siteZone: zone,
        technicianName: technician?.name ?? 'Our technician',
        siteName: site?.name ?? 'your site',
        address: site?.address ?? '',
        scope: visit.scope,
      })
    : null;
  const copy = async () => {
    if (!confirmation) return;
    try {
      await navigator.clipboard.writeText(confirmation);
      setCopied('Confirmation copied.');
    } catch {
      setCopied('This desk cannot reach the clipboard: select the text above and copy it.');
    }
  };
  // A booked visit can be moved; one still waiting says why it cannot be booked yet.
  const reason = stage === 'scheduled' ? null : notBookableReason(stage);
  return (
    <aside className="board-panel" aria-labelledby="board-panel-heading" data-testid="board-panel">
      <header>
        <h2 id="board-panel-heading">
          {client?.name ?? 'Unknown client'}, {site?.name ?? 'unknown site'}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close visit details">
          ×
        </button>
      </header>
      <p>
        {VISIT_STAGE_LABELS[stage]}. {visit.estimateHours} h: {visit.scope}
      </p>
      {booked ? (
        <p data-testid="board-panel-slot">
          {technician?.name ?? 'Unknown technician'}, {describeSlot(visit.startsAt!, visit.endsAt!, zone)}
        </p>
      ) : (
        <p className="muted">Not booked. Site time zone: {zone}.</p>
      )}
      {chip?.travel && <p className={chip.travelWarning ? 'board-travel warn' : 'board-travel'}>{chip.travel}</p>}
      {visit.needsDowntime && (
        <p className="board-window-note" data-testid="board-window-note">
          Takes systems down. {describeWindow(client?.maintenanceWindow ?? null, client?.timeZone ?? zone)}
        </p>
      )}
      {visit.bookingRefusal && (
        <p className="board-refusal" data-testid="board-panel-refusal">
          Booking for {technicians.find((t) => t.id === visit.bookingRefusal!.technicianId)?.name ?? 'a technician'},{' '}
          {describeSlot(visit.bookingRefusal.startsAt, bookingEnd(visit.bookingRefusal.startsAt, visit.estimateHours), zone)} was refused:{' '}
          {visit.bookingRefusal.reason}
        </p>
      )}
      {confirmation && (
        <>
          <label htmlFor="board-confirmation">Confirmation for the customer</label>
          <textarea id="board-confirmation" readOnly value={confirmation} rows={4} data-testid="board-confirmation" />
          <button type="button" onClick={() => void copy()}>
            Copy confirmation
          </button>
          {copied && <span role="status"> {copied}</span>}
        </>
      )}
      <div className="actions">
        {reason ? (
          <p className="muted">{reason}</p>
        ) : (
          <button type="button" onClick={onMove}>
            {booked ? 'Move' : 'Place'} with the keyboard
          </button>
        )}
        {booked && (
          <button type="button" onClick={onUnbook}>
            Take off the board
          </button>
        )}
      </div>
    </aside>
  );
}
