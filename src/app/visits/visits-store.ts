import { create } from 'zustand';

/** The visit selected on the Visits screen; the ticket view sets it when it links to a visit. */
interface VisitsState {
  selectedId: string | null;
  select(id: string | null): void;
}

export const useVisitsStore = create<VisitsState>((set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
}));
