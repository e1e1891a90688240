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

export const DEFAULT_SORTING: SortRule[] = [
  { id: 'priority', desc: false },
  { id: 'openedAt', desc: false },
];

export const useQueueStore = create<QueueState>((set) => ({
  view: 'all',
  status: 'active',
  priority: 'any',
  assignee: 'any',
  text: '',
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
