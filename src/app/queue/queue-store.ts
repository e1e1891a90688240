import { create } from 'zustand';
import type { TicketStatus } from '../../domain/ticket';

export type QueueView = 'mine' | 'all';
/** 'active' hides closed tickets: what a technician works from. */
export type StatusFilter = TicketStatus | 'active' | 'any';
export type AssigneeFilter = string | 'any' | 'unassigned';

export interface SortRule {
  id: string;
  desc: boolean;
}

export interface QueueFilters {
  view: QueueView;
  status: StatusFilter;
  priority: string | 'any';
  assignee: AssigneeFilter;
  text: string;
}

interface QueueState extends QueueFilters {
  sorting: SortRule[];
  selectedId: string | null;
  /** Rows in on-screen order, for j/k; not rendered, so nothing subscribes to it. */
  visible: readonly { id: string }[];
  setVisible(rows: readonly { id: string }[]): void;
  moveSelection(delta: 1 | -1): void;
  setView(view: QueueView): void;
  setStatus(status: StatusFilter): void;
  setPriority(priority: string): void;
  setAssignee(assignee: AssigneeFilter): void;
  setText(text: string): void;
  setSorting(sorting: SortRule[]): void;
  select(id: string | null): void;
}

// The view the queue opens on. The store keeps its first screen ready for a
// fast start (src/data/first-screen.ts); change both together.
export const DEFAULT_FILTERS: QueueFilters = { view: 'all', status: 'active', priority: 'any', assignee: 'any', text: '' };
export const DEFAULT_SORTING: SortRule[] = [
  { id: 'priority', desc: false },
  { id: 'openedAt', desc: false },
];

/** Whether the queue shows the default view, whose first rows the store keeps ready. */
export function isDefaultView(f: QueueFilters, sorting: readonly SortRule[]): boolean {
  const filtersMatch = (Object.keys(DEFAULT_FILTERS) as (keyof QueueFilters)[]).every((k) => f[k] === DEFAULT_FILTERS[k]);
  return (
    filtersMatch &&
    sorting.length === DEFAULT_SORTING.length &&
    sorting.every((s, i) => s.id === DEFAULT_SORTING[i]!.id && s.desc === DEFAULT_SORTING[i]!.desc)
  );
}

export const useQueueStore = create<QueueState>((set) => ({
  ...DEFAULT_FILTERS,
  sorting: DEFAULT_SORTING,
  selectedId: null,
  visible: [],
  setVisible: (visible) => set({ visible }),
  moveSelection: (delta) =>
    set((s) => {
      const rows = s.visible;
      if (rows.length === 0) return {};
      const at = s.selectedId ? rows.findIndex((r) => r.id === s.selectedId) : -1;
      const next = at === -1 ? (delta === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
      return { selectedId: rows[next]?.id ?? null };
    }),
  setView: (view) => set({ view }),
  setStatus: (status) => set({ status }),
  setPriority: (priority) => set({ priority }),
  setAssignee: (assignee) => set({ assignee }),
  setText: (text) => set({ text }),
  setSorting: (sorting) => set({ sorting }),
  select: (selectedId) => set({ selectedId }),
}));
