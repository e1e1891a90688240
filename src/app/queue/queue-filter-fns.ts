import { searchKey, type QueueRow } from './queue-rows';
import type { AssigneeFilter, StatusFilter } from './queue-store';

// Predicates the table's filter pipeline calls per row; plain functions so they are testable.

export function matchesStatus(row: QueueRow, filter: StatusFilter): boolean {
  if (filter === 'any') return true;
  if (filter === 'active') return row.status !== 'closed';
  return row.status === filter;
}

export function matchesPriority(row: QueueRow, filter: string): boolean {
  return filter === 'any' || row.priority === filter;
}

export function matchesAssignee(row: QueueRow, filter: AssigneeFilter): boolean {
  if (filter === 'any') return true;
  if (filter === 'unassigned') return row.assigneeId === null;
  return row.assigneeId === filter;
}

/** Every whitespace-separated word must appear in title, client, assignee or short id. */
export function matchesText(row: QueueRow, text: string): boolean {
  const key = searchKey(row);
  return text
    .toLowerCase()
    .split(/\s+/)
    .every((w) => key.includes(w));
}
