import { useVirtualizer } from '@tanstack/react-virtual';
import { useTable, type ColumnFiltersState, type SortingState } from '@tanstack/react-table';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { queueColumns, queueFeatures } from './queue-columns';
import type { QueueRow } from './queue-rows';
import { useQueueStore } from './queue-store';

const ROW_HEIGHT = 36;

/** Marked once per page load: the benchmark reads it as time to first queue rows. */
export const FIRST_ROWS_MARK = 'queue:first-rows';
let firstRowsMarked = false;

interface Props {
  rows: QueueRow[];
  columnFilters: ColumnFiltersState;
  /** Changes whenever the applied filters change; rendered for tests and benchmarks. */
  filterSignature: string;
  onOpen(id: string): void;
  onVisibleRowIdsChange(ids: string[]): void;
}

export function QueueTable({ rows, columnFilters, filterSignature, onOpen, onVisibleRowIdsChange }: Props) {
  const sorting = useQueueStore((s) => s.sorting);
  const setSorting = useQueueStore((s) => s.setSorting);
  const selectedId = useQueueStore((s) => s.selectedId);
  const select = useQueueStore((s) => s.select);

  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting: sorting as SortingState, columnFilters },
    onSortingChange: (updater) => setSorting(typeof updater === 'function' ? updater(sorting as SortingState) : updater),
    onColumnFiltersChange: () => {},
    enableSortingRemoval: false,
  });

  const visible = table.getRowModel().rows;
  const visibleIds = useMemo(() => visible.map((r) => r.id), [visible]);
  useEffect(() => onVisibleRowIdsChange(visibleIds), [visibleIds, onVisibleRowIdsChange]);
  useEffect(() => {
    if (!firstRowsMarked && visibleIds.length > 0) {
      firstRowsMarked = true;
      performance.mark(FIRST_ROWS_MARK);
    }
  }, [visibleIds]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => visible[index]!.id,
    overscan: 10,
  });

  const selectedIndex = selectedId ? visibleIds.indexOf(selectedId) : -1;
  useLayoutEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="queue-scroll" ref={scrollRef} data-testid="queue-scroll">
      <table
        className="queue-table"
        role="grid"
        aria-label="Ticket queue"
        aria-rowcount={visible.length + 1}
        data-row-count={visible.length}
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
            const row = visible[item.index]!;
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
      {visible.length === 0 && <p className="empty">No tickets match these filters.</p>}
    </div>
  );
}
