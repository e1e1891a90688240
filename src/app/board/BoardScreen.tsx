// The scheduling board (docs/domain/onsite-visits.md, "Scheduling board"):
// technicians × the days of a week (or one day's hours), visits in their slots,
// and the visits waiting for one. A visit is placed by dragging it, or by the
// keyboard: pick it (Place / Move), move the slot cursor with the arrows, Enter
// books, Esc cancels. Every booking goes through repos.visits.schedule, which
// refuses an overlap before anything is queued; what it says is announced.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { LocalMutationRefused } from '../../data/outbox';
import { statusOfIn } from '../../data/visit-repository';
import { describeSlot, bookingEnd } from '../../domain/visit-schedule';
import { visitStage } from '../../domain/visits';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { useCan } from '../session/use-can';
import {
  boardDays,
  cellOf,
  cursorAt,
  cursorStartsAt,
  dayIndexOf,
  DEFAULT_CURSOR_MINUTE,
  isCursorKey,
  minuteLabel,
  moveCursor,
  shiftAnchor,
  type BoardView,
  type SlotCursor,
} from './board-layout';
import { buildBoardModel, indexPlaces, siteZoneOf } from './board-model';
import { BoardGrid, dayLabel } from './BoardGrid';
import { windowSpans } from './maintenance-shading';
import { VisitPanel } from './VisitPanel';
import { WAITING_STAGES } from './visit-labels';
import { WaitingList, type WaitingVisit } from './WaitingList';

const DESK_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function refusalText(error: unknown): string {
  if (error instanceof LocalMutationRefused) return error.message;
  console.error('booking failed', error);
  return 'The booking could not be saved on this desk; try again.';
}

export function BoardScreen() {
  const { repos } = useServices();
  const maySchedule = useCan('visit.schedule');
  const zone = DESK_ZONE;
  const [view, setView] = useState<BoardView>('week');
  const [anchorMs, setAnchorMs] = useState(() => Date.now());
  const days = useMemo(() => boardDays(view, anchorMs, zone), [view, anchorMs, zone]);
  const fromIso = new Date(days[0]!.startMs).toISOString();
  const toIso = new Date(days[days.length - 1]!.endMs).toISOString();
  const booked = useLive(useMemo(() => repos.visits.liveBooked(fromIso, toIso), [repos, fromIso, toIso]));
  const unbooked = useLive(useMemo(() => repos.visits.liveUnbooked(), [repos]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const places = useMemo(() => indexPlaces(reference?.clients ?? []), [reference]);
  const model = useMemo(
    () => buildBoardModel(booked?.visits ?? [], days, reference?.staff ?? [], places),
    [booked, days, reference, places],
  );
  const waiting = useMemo((): WaitingVisit[] => {
    if (!unbooked) return [];
    const statusOf = statusOfIn(unbooked.approvals);
    const rows = unbooked.visits
      .map((visit) => ({ visit, stage: visitStage(visit, statusOf) }))
      .filter((w) => WAITING_STAGES.includes(w.stage));
    // Ready to book first; the rest keep their order (oldest first) below.
    return [...rows.filter((w) => w.stage === 'to_schedule'), ...rows.filter((w) => w.stage !== 'to_schedule')];
  }, [unbooked]);

  const [picked, setPicked] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [rawCursor, setCursor] = useState<SlotCursor | null>(null);
  const [message, setMessage] = useState('');
  const grid = useRef<HTMLDivElement>(null);

  const findVisit = useCallback(
    (id: string | null) => {
      if (!id) return null;
      const v = booked?.visits.find((x) => x.id === id) ?? unbooked?.visits.find((x) => x.id === id);
      if (!v) return null;
      const approvals = booked?.visits.includes(v) ? booked.approvals : unbooked!.approvals;
      return { visit: v, stage: visitStage(v, statusOfIn(approvals)) };
    },
    [booked, unbooked],
  );
  const pickedVisit = findVisit(picked)?.visit ?? null;
  const selectedEntry = findVisit(selected);

  // A visit that takes systems down shows its client's maintenance window on the board while it is being placed or looked at.
  const windowVisitId = picked ?? selected;
  const shading = useMemo(() => {
    const windowVisit = findVisit(windowVisitId)?.visit;
    const client = windowVisit?.needsDowntime ? places.client(windowVisit.clientId) : undefined;
    return client ? windowSpans(client.maintenanceWindow, client.timeZone, days) : [];
  }, [windowVisitId, findVisit, places, days]);

  const now = useNow(60_000);
  const todayIndex = Math.max(0, dayIndexOf(days, now));
  // Kept inside the board when the range changes or a technician leaves the list.
  const cursor = rawCursor && {
    ...rawCursor,
    dayIndex: Math.min(rawCursor.dayIndex, days.length - 1),
    technicianIndex: Math.min(rawCursor.technicianIndex, Math.max(0, model.technicians.length - 1)),
  };
  const startCursor = (): SlotCursor => cursor ?? { technicianIndex: 0, dayIndex: todayIndex, minute: DEFAULT_CURSOR_MINUTE };

  const describeCursor = (c: SlotCursor) => {
    const t = model.technicians[c.technicianIndex];
    const d = days[c.dayIndex];
    if (!t || !d) return '';
    const visits = cellOf(model.cells, t.id, c.dayIndex);
    const there = visits.length ? `, ${visits.length} visit${visits.length > 1 ? 's' : ''} that day` : '';
    return `${t.name}, ${dayLabel(d, zone)} ${minuteLabel(c.minute)} (${zone})${there}`;
  };

  const pick = (visitId: string) => {
    const entry = findVisit(visitId);
    if (!entry) return;
    setPicked(visitId);
    setSelected(visitId);
    const v = entry.visit;
    const row = model.technicians.findIndex((t) => t.id === v.technicianId);
    const onBoard = v.startsAt && row >= 0 ? cursorAt(row, days, Date.parse(v.startsAt), zone) : null;
    const c = onBoard ?? startCursor();
    setCursor(c);
    const client = places.client(v.clientId)?.name ?? 'the visit';
    setMessage(`Placing ${client} (${v.estimateHours} h): arrows move the slot, Enter books, Esc cancels. ${describeCursor(c)}`);
    grid.current?.focus();
  };

  const book = async (visitId: string, c: SlotCursor) => {
    const technician = model.technicians[c.technicianIndex];
    const entry = findVisit(visitId);
    if (!technician || !entry) return;
    const startsAt = cursorStartsAt(c, days, zone);
    const client = places.client(entry.visit.clientId)?.name ?? 'The visit';
    try {
      await repos.visits.schedule(visitId, technician.id, startsAt);
      const siteZone = siteZoneOf(entry.visit, places);
      setMessage(
        `Booked ${client} with ${technician.name}, ${describeSlot(startsAt, bookingEnd(startsAt, entry.visit.estimateHours), siteZone)}.`,
      );
      setPicked(null);
      setSelected(visitId);
    } catch (error) {
      setMessage(`Not booked: ${refusalText(error)}`);
    }
    grid.current?.focus();
  };

  const unbook = async (visitId: string) => {
    try {
      await repos.visits.unschedule(visitId);
      setMessage('Taken off the board: the visit is back on the list to schedule.');
    } catch (error) {
      setMessage(`Not changed: ${refusalText(error)}`);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (isCursorKey(e.key)) {
      const next = moveCursor(startCursor(), e.key, e.shiftKey, view, { technicians: model.technicians.length, days: days.length });
      setCursor(next);
      setMessage(describeCursor(next));
    } else if (e.key === 'Enter') {
      const c = startCursor();
      if (picked) void book(picked, c);
      else {
        const t = model.technicians[c.technicianIndex];
        const first = t ? cellOf(model.cells, t.id, c.dayIndex)[0] : undefined;
        if (!first) return setMessage(`Nothing booked there. ${describeCursor(c)}`);
        setSelected(first.visit.id);
        setMessage(`Selected ${model.chips.get(first.visit.id)?.clientName ?? 'a visit'}: its details are beside the board.`);
      }
    } else if (e.key === 'Escape') {
      if (picked) {
        setPicked(null);
        setMessage('Placing cancelled: nothing was booked.');
      } else if (selected) setSelected(null);
      else return;
    } else return;
    // These keys are the board's here, not the queue's (Enter opens a ticket, Esc closes one).
    e.preventDefault();
    e.stopPropagation();
  };

  const onDropVisit = useCallback(
    (visitId: string, technicianIndex: number, dayIndex: number, minute: number | null) => {
      const v = findVisit(visitId)?.visit;
      // The week view's cells are whole days: a moved visit keeps its time of day, a new one takes the cursor's.
      const keep = v?.startsAt ? cursorAt(0, days, Date.parse(v.startsAt), zone)?.minute : undefined;
      const c = { technicianIndex, dayIndex, minute: minute ?? keep ?? cursor?.minute ?? DEFAULT_CURSOR_MINUTE };
      setCursor(c);
      void book(visitId, c);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [findVisit, days, zone, cursor, model],
  );

  const page = (direction: -1 | 1) => setAnchorMs((a) => shiftAnchor(view, a, direction, zone));

  return (
    <section className="board" aria-labelledby="board-heading" data-testid="board-screen">
      <div className="screen-header">
        <h1 id="board-heading">Scheduling board</h1>
        <div className="board-controls" role="group" aria-label="Board range">
          <button type="button" onClick={() => page(-1)}>
            Previous {view}
          </button>
          <button type="button" onClick={() => setAnchorMs(Date.now())}>
            Today
          </button>
          <button type="button" onClick={() => page(1)}>
            Next {view}
          </button>
          <button type="button" aria-pressed={view === 'week'} onClick={() => setView('week')}>
            Week
          </button>
          <button type="button" aria-pressed={view === 'day'} onClick={() => setView('day')}>
            Day
          </button>
        </div>
        <span className="muted">
          Days in {zone}; visit times in the site&apos;s zone. Arrows move the slot
          {view === 'week' ? ' (Shift: a quarter hour)' : ' by a quarter hour (Shift: an hour)'}, Enter books or selects, Esc cancels.
        </span>
      </div>
      {!maySchedule && <p className="muted">Leads and schedulers book visits; you can look at the board.</p>}
      <p role="status" aria-live="polite" className="board-message" data-testid="board-message">
        {message}
      </p>
      <div className="board-body">
        <WaitingList
          waiting={waiting}
          places={places}
          pickedVisitId={picked}
          selectedVisitId={selected}
          onPlace={pick}
          onSelect={setSelected}
        />
        <div
          ref={grid}
          className={picked ? 'board-scroll placing' : 'board-scroll'}
          tabIndex={0}
          role="region"
          aria-label="Scheduling board: technicians by day"
          onKeyDown={onKeyDown}
          onFocus={() => setCursor((c) => c ?? { technicianIndex: 0, dayIndex: todayIndex, minute: DEFAULT_CURSOR_MINUTE })}
          data-testid="board-region"
        >
          {reference && model.technicians.length === 0 ? (
            <p className="empty">No active technicians or engineers: add them on the Staff screen.</p>
          ) : (
            <BoardGrid
              view={view}
              days={days}
              zone={zone}
              model={model}
              cursor={cursor}
              cursorHours={pickedVisit?.estimateHours ?? 0.25}
              shading={shading}
              selectedVisitId={selected}
              onSelectVisit={setSelected}
              onDropVisit={onDropVisit}
              scrollRef={grid}
            />
          )}
        </div>
        {selectedEntry && (
          <VisitPanel
            visit={selectedEntry.visit}
            stage={selectedEntry.stage}
            chip={model.chips.get(selectedEntry.visit.id)}
            places={places}
            technicians={model.technicians}
            onMove={() => pick(selectedEntry.visit.id)}
            onUnbook={() => void unbook(selectedEntry.visit.id)}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </section>
  );
}
