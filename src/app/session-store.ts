import { create } from 'zustand';

/** Who is using this console. Until sign-in exists it is the local demo profile. */
interface SessionState {
  currentUserId: string | null;
  setCurrentUser(id: string | null): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  currentUserId: null,
  setCurrentUser: (currentUserId) => set({ currentUserId }),
}));
