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

/** The search text as the words every row must contain; split once per filter pass, not per row. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every word must appear in title, client, assignee or short id. */
export function matchesText(row: QueueRow, words: readonly string[]): boolean {
  const key = searchKey(row);
  return words.every((w) => key.includes(w));
}
