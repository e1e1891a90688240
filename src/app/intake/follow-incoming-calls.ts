// A ringing phone (a call link, `?call=`, a PBX pop) opens the intake screen
// wherever the console is; the screen then takes the call from the store. A
// call left in progress (a reload, a crash, a closed window) opens it too.
import { useEffect } from 'react';
import { useServices } from '../services';
import { useNavStore } from '../shell/nav-store';
import { warmCallerDirectory } from './caller-index';
import { useIncomingCall } from './incoming-call-store';
import { restoredDraft } from './intake-draft';

export function useFollowIncomingCalls(): void {
  const { repos } = useServices();
  useEffect(() => {
    // The caller index is read and built now, not when the phone rings.
    warmCallerDirectory(repos);
    let active = true;
    const show = () => {
      if (active && useNavStore.getState().screen !== 'intake') useNavStore.getState().showScreen('intake');
    };
    if (useIncomingCall.getState().pending) show();
    const unsubscribe = useIncomingCall.subscribe((state) => {
      if (state.pending) show();
    });
    repos.intake.loadDraft().then(
      (value) => {
        if (restoredDraft(value)) show();
      },
      (err: unknown) => console.error('intake draft unreadable', err),
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [repos]);
}
