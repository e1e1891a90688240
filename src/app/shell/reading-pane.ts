import { useEffect } from 'react';
import { useQueueStore } from '../queue/queue-store';
import { useNavStore } from './nav-store';

/**
 * The reading-pane habit of mail clients: while a ticket's detail panel is
 * open, selecting another row (a click, j/k) shows that ticket in it. With the
 * panel closed, a selection only selects.
 */
export function useReadingPane(): void {
  useEffect(
    () =>
      useQueueStore.subscribe((state, previous) => {
        const id = state.selectedId;
        if (id === null || id === previous.selectedId) return;
        const nav = useNavStore.getState();
        if (nav.openTicketId !== null && nav.openTicketId !== id) nav.openTicket(id);
      }),
    [],
  );
}
