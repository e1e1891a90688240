// The scheduling board's grid alone, bundled for a page by visits.bench.ts:
// builds the board's model from the bench's data and renders BoardGrid, as the
// screen does each time its data changes.
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Client } from '../../src/domain/client';
import type { StaffMember } from '../../src/domain/ticket';
import type { VisitRecord } from '../../src/protocol/records';
import { boardDays } from '../../src/app/board/board-layout';
import { buildBoardModel, indexPlaces } from '../../src/app/board/board-model';
import { BoardGrid } from '../../src/app/board/BoardGrid';

let root: Root | null = null;

/** Model + render, committed synchronously; the caller waits for the frame after paint. */
export function renderBoard(
  container: HTMLElement,
  data: { visits: VisitRecord[]; staff: StaffMember[]; clients: Client[]; anchorMs: number; zone: string },
): { technicians: number; chips: number } {
  root?.unmount();
  root = createRoot(container);
  const t0 = performance.now();
  const days = boardDays('week', data.anchorMs, data.zone);
  const model = buildBoardModel(data.visits, days, data.staff, indexPlaces(data.clients));
  performance.measure('board:model', { start: t0 });
  const t1 = performance.now();
  flushSync(() =>
    root!.render(
      <BoardGrid
        view="week"
        days={days}
        zone={data.zone}
        model={model}
        cursor={null}
        cursorHours={1}
        shading={[]}
        selectedVisitId={null}
        onSelectVisit={() => {}}
        onDropVisit={() => {}}
        scrollRef={{ current: container }}
      />,
    ),
  );
  performance.measure('board:render', { start: t1 });
  return { technicians: model.technicians.length, chips: model.chips.size };
}

export function clearBoard(): void {
  root?.unmount();
  root = null;
}
