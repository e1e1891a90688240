// The one way a ringing phone reaches the intake screen: a switchboard:// call
// link (Electron), `?call=` on the console's URL (browser), or a PBX pop all
// hand the number they were given here, unread; the intake screen takes it,
// reads it with parsePhone and shows a problem by the field when it is not a
// number. Nothing here trusts the text.
import { create } from 'zustand';

export interface IncomingCall {
  /** Exactly as the link or the phone system gave it (bounded in length by whoever offers it). */
  from: string;
  source: 'link' | 'url' | 'shortcut';
  /** Date.now() when it arrived: the intake form measures how fast it was ready. */
  at: number;
}

interface IncomingCallState {
  pending: IncomingCall | null;
  /** A call arrived; the intake screen opens and takes it. A second ring before the first is taken replaces it. */
  offer(call: Omit<IncomingCall, 'at'>): void;
  /** The intake screen takes the pending call (once). */
  take(): IncomingCall | null;
}

export const useIncomingCall = create<IncomingCallState>((set, get) => ({
  pending: null,
  offer: (call) => set({ pending: { ...call, at: Date.now() } }),
  take: () => {
    const call = get().pending;
    if (call) set({ pending: null });
    return call;
  },
}));
