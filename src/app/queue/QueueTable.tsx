import { useVirtualizer } from '@tanstack/react-virtual';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { queueColumns, queueFeatures } from './queue-columns';
import type { QueueRow } from './queue-rows';
import { useQueueStore, type SortRule } from './queue-store';

const ROW_HEIGHT = 36;

/** Marked once per page load: the benchmark reads them as time to first queue rows, and to the full queue. */
export const FIRST_ROWS_MARK = 'queue:first-rows';
export const ALL_ROWS_MARK = 'queue:all-rows';
let firstRowsMarked = false;
let allRowsMarked = false;

interface Props {
  /** Already sorted and filtered (queue-order.ts). */
  rows: QueueRow[];
  /** The order the rows are in: the person's choice or their default. */
  sorting: SortRule[];
  /** False while the rows are the store's first screen and the full queue is still being read. */
  complete: boolean;
  /** Changes whenever the applied filters change; rendered for tests and benchmarks. */
  filterSignature: string;
  onOpen(id: string): void;
}

export function QueueTable({ rows, sorting, complete, filterSignature, onOpen }: Props) {
  const setSorting = useQueueStore((s) => s.setSorting);
  const selectedId = useQueueStore((s) => s.selectedId);
  const select = useQueueStore((s) => s.select);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
    overscan: 10,
    // Rows on the first render, before the scroll box has been measured.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  // The table only ever holds the rows on screen: order and filters are
  // already applied (queue-order.ts), so building 100,000 row models per
  // change would be pure cost.
  const windowRows = useMemo(() => rows.slice(first, last + 1), [rows, first, last]);

  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: windowRows,
    getRowId: (row) => row.id,
    state: { sorting: sorting as SortingState },
    onSortingChange: (updater) => setSorting(typeof updater === 'function' ? updater(sorting as SortingState) : updater),
    manualSorting: true,
    enableSortingRemoval: false,
  });
  const tableRows = table.getRowModel().rows;

  const rendered = tableRows.length > 0;
  useEffect(() => {
    if (!firstRowsMarked && rendered) {
      firstRowsMarked = true;
      performance.mark(FIRST_ROWS_MARK);
    }
    if (!allRowsMarked && rendered && complete) {
      allRowsMarked = true;
      performance.mark(ALL_ROWS_MARK);
    }
  }, [rendered, complete]);

  const selectedIndex = useMemo(() => (selectedId ? rows.findIndex((r) => r.id === selectedId) : -1), [rows, selectedId]);
  useLayoutEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div className="queue-scroll" ref={scrollRef} data-testid="queue-scroll">
      <table
        className="queue-table"
        role="grid"
        aria-label="Ticket queue"
        aria-rowcount={rows.length + 1}
        aria-busy={!complete}
        data-row-count={rows.length}
        data-filter-signature={filterSignature}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    style={{ width: header.column.getSize() }}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index - first];
            if (!row) return null;
            const isSelected = row.id === selectedId;
            return (
              <tr
                key={row.id}
                data-ticket-id={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={isSelected ? 'selected' : undefined}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => select(row.id)}
                onDoubleClick={() => onOpen(row.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} style={{ width: cell.column.getSize() }}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">No tickets match these filters.</p>}
    </div>
  );
}
