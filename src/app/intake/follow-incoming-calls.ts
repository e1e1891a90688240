// A ringing phone (a call link, `?call=`, a PBX pop) opens the intake screen
// wherever the console is; the screen then takes the call from the store.
import { useEffect } from 'react';
import { useNavStore } from '../shell/nav-store';
import { useIncomingCall } from './incoming-call-store';

export function useFollowIncomingCalls(): void {
  useEffect(() => {
    const follow = (pending: unknown) => {
      if (pending && useNavStore.getState().screen !== 'intake') useNavStore.getState().showScreen('intake');
    };
    follow(useIncomingCall.getState().pending);
    return useIncomingCall.subscribe((state) => follow(state.pending));
  }, []);
}
