import { create } from 'zustand';

/** Shortcut actions the open ticket view carries out (useGlobalShortcuts asks, the view acts). */
export type TicketViewAction = 'reply' | 'note' | 'close' | 'assign-me' | 'request-visit';

interface TicketViewState {
  /** The latest request; `n` changes each time, so the same key twice acts twice. */
  request: { action: TicketViewAction; n: number } | null;
  ask(action: TicketViewAction): void;
  /** The explain panel is open (it stays open from one ticket to the next). */
  explaining: boolean;
  toggleExplain(): void;
}

export const useTicketViewStore = create<TicketViewState>((set) => ({
  request: null,
  ask: (action) => set((s) => ({ request: { action, n: (s.request?.n ?? 0) + 1 } })),
  explaining: false,
  toggleExplain: () => set((s) => ({ explaining: !s.explaining })),
}));
