// The board's grid: a row per technician, a column per day (week view) or one
// day's timeline (day view). It takes the precomputed model and draws it; rows
// are memoized and only the row under the cursor changes while it moves; only
// the technicians' rows in view (and a few either side) are in the DOM. Click,
// drag and drop are delegated to the table, not bound to each of the chips.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, type DragEvent, type MouseEvent, type RefObject } from 'react';
import { DateTime } from 'luxon';
import type { VisitRecord } from '../../protocol/records';
import { minuteAtFraction, minuteLabel, spanInDay, type BoardDay, type BoardView, type Placed, type SlotCursor } from './board-layout';
import type { BoardModel, BoardTechnician, ChipText } from './board-model';
import type { WindowSpan } from './maintenance-shading';

/** The drag payload's type: only visits dragged from the board or its waiting list drop on it. */
export const VISIT_DRAG_TYPE = 'application/x-switchboard-visit';

export interface BoardGridProps {
  view: BoardView;
  days: readonly BoardDay[];
  zone: string;
  model: BoardModel;
  cursor: SlotCursor | null;
  /** Hours the cursor's slot lasts (the visit being placed), for its outline in the day view. */
  cursorHours: number;
  shading: readonly WindowSpan[];
  selectedVisitId: string | null;
  onSelectVisit(visitId: string): void;
  /** minute: the wall-clock minute dropped on (day view), or null (week view: the screen chooses the time). */
  onDropVisit(visitId: string, technicianIndex: number, dayIndex: number, minute: number | null): void;
  /** The element that scrolls the grid: rows are drawn for what it shows. */
  scrollRef: RefObject<HTMLElement | null>;
}

/** A chip's height (three lines) and a row's padding, for a row's height before it is measured. */
const CHIP_PX = 46;
const ROW_PAD_PX = 8;

const NO_SHADING: readonly WindowSpan[] = [];

export function dayLabel(d: BoardDay, zone: string): string {
  return DateTime.fromMillis(d.startMs, { zone }).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
}

export function BoardGrid(props: BoardGridProps) {
  const { view, days, zone, model, cursor, shading, selectedVisitId, onSelectVisit, onDropVisit } = props;

  const visitAt = (target: EventTarget) => (target as HTMLElement).closest<HTMLElement>('[data-visit-id]')?.dataset.visitId;
  const onClick = (e: MouseEvent) => {
    const id = visitAt(e.target);
    if (id) onSelectVisit(id);
  };
  const onDragStart = (e: DragEvent) => {
    const id = visitAt(e.target);
    if (!id) return;
    e.dataTransfer.setData(VISIT_DRAG_TYPE, id);
    e.dataTransfer.setData('text/plain', id);
    e.dataTransfer.effectAllowed = 'move';
  };
  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(VISIT_DRAG_TYPE) && (e.target as HTMLElement).closest('td[data-day]')) e.preventDefault();
  };
  const onDrop = (e: DragEvent) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('td[data-day]');
    const id = e.dataTransfer.getData(VISIT_DRAG_TYPE);
    if (!cell || !id) return;
    e.preventDefault();
    const dayIndex = Number(cell.dataset.day);
    const technicianIndex = Number(cell.dataset.row);
    let minute: number | null = null;
    if (view === 'day') {
      const rect = cell.getBoundingClientRect();
      minute = minuteAtFraction(rect.width ? (e.clientX - rect.left) / rect.width : 0, days[dayIndex]!, zone);
    }
    onDropVisit(id, technicianIndex, dayIndex, minute);
  };

  const virtualizer = useVirtualizer({
    count: model.technicians.length,
    getScrollElement: () => props.scrollRef.current,
    estimateSize: (i) => {
      const row = model.cells.get(model.technicians[i]!.id);
      const most = view === 'day' || !row ? 1 : Math.max(1, ...row.map((list) => list.length));
      return most * CHIP_PX + ROW_PAD_PX;
    },
    getItemKey: (i) => model.technicians[i]!.id,
    overscan: 3,
    // Rows on the first render, before the scroll box has been measured.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const cursorRow = cursor?.technicianIndex ?? -1;
  useLayoutEffect(() => {
    if (cursorRow >= 0) virtualizer.scrollToIndex(cursorRow, { align: 'auto' });
  }, [cursorRow, virtualizer]);

  const shadedDays = new Set(shading.map((s) => s.dayIndex));
  return (
    <table
      className={`data-table board-table board-${view}`}
      data-testid="board-grid"
      onClick={onClick}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <thead>
        <tr>
          <th scope="col" className="board-tech-col">
            Technician
          </th>
          {days.map((d, i) => (
            <th key={d.date} scope="col" className={shadedDays.has(i) ? 'board-window-day' : undefined}>
              {dayLabel(d, zone)}
              {view === 'day' && <HourScale />}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {top > 0 && <Spacer height={top} columns={days.length + 1} />}
        {items.map(({ index }) => {
          const t = model.technicians[index]!;
          return (
            <TechnicianRow
              key={t.id}
              rowRef={virtualizer.measureElement}
              technician={t}
              index={index}
              row={model.cells.get(t.id)}
              chips={model.chips}
              view={view}
              days={days}
              cursorDay={cursor && cursor.technicianIndex === index ? cursor.dayIndex : -1}
              cursorMinute={cursor && cursor.technicianIndex === index ? cursor.minute : -1}
              cursorHours={props.cursorHours}
              zone={zone}
              shading={shading.length ? shading : NO_SHADING}
              selectedVisitId={selectedVisitId}
            />
          );
        })}
        {bottom > 0 && <Spacer height={bottom} columns={days.length + 1} />}
      </tbody>
    </table>
  );
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="board-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

function HourScale() {
  return (
    <div className="board-hours" aria-hidden="true">
      {Array.from({ length: 24 }, (_, h) => (
        <span key={h} style={{ left: `${(h / 24) * 100}%` }}>
          {String(h).padStart(2, '0')}
        </span>
      ))}
    </div>
  );
}

interface RowProps {
  rowRef: (element: HTMLElement | null) => void;
  technician: BoardTechnician;
  index: number;
  row: readonly (readonly Placed<VisitRecord>[])[] | undefined;
  chips: ReadonlyMap<string, ChipText>;
  view: BoardView;
  days: readonly BoardDay[];
  cursorDay: number;
  cursorMinute: number;
  cursorHours: number;
  zone: string;
  shading: readonly WindowSpan[];
  selectedVisitId: string | null;
}

const TechnicianRow = memo(function TechnicianRow({ rowRef, ...p }: RowProps) {
  return (
    <tr ref={rowRef} data-index={p.index} data-testid="board-row" data-technician-id={p.technician.id}>
      <th scope="row" className="board-tech-col">
        {p.technician.name}
        <span className="muted"> {p.technician.role}</span>
      </th>
      {p.days.map((d, dayIndex) => {
        const visits = p.row?.[dayIndex] ?? [];
        const here = p.cursorDay === dayIndex;
        const spans = p.shading.filter((s) => s.dayIndex === dayIndex);
        return (
          <td
            key={d.date}
            data-row={p.index}
            data-day={dayIndex}
            className={
              [here ? 'board-cursor' : '', spans.length && p.view === 'week' ? 'board-window-day' : ''].join(' ').trim() || undefined
            }
            data-testid={here ? 'board-cursor-cell' : undefined}
          >
            {p.view === 'day' ? (
              <div className="board-track">
                {spans.map((s) => {
                  const at = spanInDay(s.startMs, s.endMs, d);
                  return at ? (
                    <span
                      key={s.startMs}
                      className="board-window"
                      style={{ left: `${at.leftPct}%`, width: `${at.widthPct}%` }}
                      title="Client's maintenance window"
                    />
                  ) : null;
                })}
                {visits.map((placed) => {
                  const at = spanInDay(placed.startMs, placed.endMs, d);
                  return (
                    <Chip
                      key={placed.visit.id}
                      placed={placed}
                      text={p.chips.get(placed.visit.id)}
                      selected={placed.visit.id === p.selectedVisitId}
                      style={at ? { left: `${at.leftPct}%`, width: `${at.widthPct}%` } : undefined}
                    />
                  );
                })}
                {here && (
                  <span
                    className="board-ghost"
                    style={{
                      left: `${(p.cursorMinute / 1440) * 100}%`,
                      width: `${Math.min(100 - (p.cursorMinute / 1440) * 100, (p.cursorHours / 24) * 100)}%`,
                    }}
                  >
                    {minuteLabel(p.cursorMinute)}
                  </span>
                )}
              </div>
            ) : (
              <>
                {here && <span className="board-ghost-inline">→ {minuteLabel(p.cursorMinute)}</span>}
                {visits.map((placed) => (
                  <Chip
                    key={placed.visit.id}
                    placed={placed}
                    text={p.chips.get(placed.visit.id)}
                    selected={placed.visit.id === p.selectedVisitId}
                  />
                ))}
              </>
            )}
          </td>
        );
      })}
    </tr>
  );
});

/**
 * One visit: a single element with one text node (times in the site's zone,
 * client, site, then the travel into it and a refused booking, line by line),
 * so a week of 2,000 visits stays a few thousand DOM nodes.
 */
function Chip({
  placed,
  text,
  selected,
  style,
}: {
  placed: Placed<VisitRecord>;
  text: ChipText | undefined;
  selected: boolean;
  style?: React.CSSProperties;
}) {
  const v = placed.visit;
  const classes = [
    'board-chip',
    v.needsDowntime ? 'downtime' : '',
    text?.travelWarning ? 'travel-warning' : '',
    text?.refusal ? 'refused' : '',
    selected ? 'selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = text
    ? [
        `${text.times} ${text.clientName}`,
        text.siteName,
        text.travel ?? '',
        text.travelWarning ? 'warning: the gap is shorter than the drive' : '',
        text.refusal ? `Booking refused: ${text.refusal}` : '',
      ]
    : [];
  const content = lines.filter(Boolean).join('\n');
  return (
    <div
      className={classes}
      style={style}
      // The day view's narrow chips clip their lines: the whole text on hover.
      title={style ? content : undefined}
      draggable
      data-visit-id={v.id}
      data-testid="board-visit"
      aria-current={selected ? 'true' : undefined}
    >
      {content}
    </div>
  );
}
