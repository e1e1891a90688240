import { create } from 'zustand';

export interface SignedIn {
  userName: string;
  workspaceName: string;
}

/** Who is using this console: the signed-in staff member, or the local demo profile. */
interface SessionState {
  currentUserId: string | null;
  signedIn: SignedIn | null;
  signInOpen: boolean;
  setCurrentUser(id: string | null): void;
  setSignedIn(s: SignedIn | null): void;
  openSignIn(): void;
  closeSignIn(): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  currentUserId: null,
  signedIn: null,
  signInOpen: false,
  setCurrentUser: (currentUserId) => set({ currentUserId }),
  setSignedIn: (signedIn) => set({ signedIn }),
  openSignIn: () => set({ signInOpen: true }),
  closeSignIn: () => set({ signInOpen: false }),
}));
