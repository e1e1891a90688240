import { create } from 'zustand';
import type { StaffRole, TicketStatus } from '../../domain/ticket';
import type { SlaView } from './sla-urgency';

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
  /** The SLA views: breaching soon, breached; 'any' shows every ticket. */
  sla: SlaView;
}

interface QueueState extends QueueFilters {
  /** null: the signed-in person's default (defaultSorting), until they pick an order. */
  sorting: SortRule[] | null;
  /** "Breaching soon" means a limit within this many minutes; kept in the local settings (QueueScreen loads and saves it). */
  breachingSoonMinutes: number;
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
  setSla(sla: SlaView): void;
  setBreachingSoonMinutes(minutes: number): void;
  select(id: string | null): void;
}

// The view the queue opens on. The store keeps its first screen ready for a
// fast start (src/data/first-screen.ts); change both together.
export const DEFAULT_FILTERS: QueueFilters = { view: 'all', status: 'active', priority: 'any', assignee: 'any', text: '', sla: 'any' };
export const DEFAULT_SORTING: SortRule[] = [
  { id: 'priority', desc: false },
  { id: 'openedAt', desc: false },
];
/** Time to breach, then priority: what a technician works down. */
export const URGENCY_SORTING: SortRule[] = [
  { id: 'urgency', desc: false },
  { id: 'priority', desc: false },
];
export const DEFAULT_BREACHING_SOON_MINUTES = 60;
export const BREACHING_SOON_SETTING = 'queue.breachingSoonMinutes';

/** The order the queue opens in for someone: a technician works by urgency, everyone else by priority. */
export function defaultSorting(role: StaffRole | null): SortRule[] {
  return role === 'technician' ? URGENCY_SORTING : DEFAULT_SORTING;
}

const sameSorting = (a: readonly SortRule[], b: readonly SortRule[]) =>
  a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.desc === b[i]!.desc);

/**
 * Whether the queue can open on the rows the store keeps ready (first-screen.ts):
 * the default filters, by priority (exactly those rows) or by urgency (those
 * rows re-ordered; the full queue, a moment later, is exact).
 */
export function isDefaultView(f: QueueFilters, sorting: readonly SortRule[]): boolean {
  const filtersMatch = (Object.keys(DEFAULT_FILTERS) as (keyof QueueFilters)[]).every((k) => f[k] === DEFAULT_FILTERS[k]);
  return filtersMatch && (sameSorting(sorting, DEFAULT_SORTING) || sameSorting(sorting, URGENCY_SORTING));
}

export const useQueueStore = create<QueueState>((set) => ({
  ...DEFAULT_FILTERS,
  sorting: null,
  breachingSoonMinutes: DEFAULT_BREACHING_SOON_MINUTES,
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
  setSla: (sla) => set({ sla }),
  setBreachingSoonMinutes: (breachingSoonMinutes) => set({ breachingSoonMinutes }),
  select: (selectedId) => set({ selectedId }),
}));
