import type { ColumnFiltersState } from '@tanstack/react-table';
import type { QueueFilters } from './queue-store';

/** The store's filters as the table's column-filter state; "mine" pins the assignee to the user. */
export function toColumnFilters(f: QueueFilters, currentUserId: string | null): ColumnFiltersState {
  const filters: ColumnFiltersState = [];
  if (f.status !== 'any') filters.push({ id: 'status', value: f.status });
  if (f.priority !== 'any') filters.push({ id: 'priority', value: f.priority });
  const assignee = f.view === 'mine' ? (currentUserId ?? 'nobody') : f.assignee;
  if (assignee !== 'any') filters.push({ id: 'assignee', value: assignee });
  if (f.text.trim() !== '') filters.push({ id: 'title', value: f.text.trim() });
  return filters;
}
