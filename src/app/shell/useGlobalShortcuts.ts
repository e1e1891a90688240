import { useEffect, type RefObject } from 'react';
import { useQueueStore } from '../queue/queue-store';
import { useSessionStore } from '../session/session-store';
import { useNavStore } from './nav-store';
import { resolveShortcut } from './shortcuts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** One keydown listener for the whole console; actions come from the stores. */
export function useGlobalShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const action = resolveShortcut({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inEditable: isEditable(e.target) });
      if (!action) return;
      const nav = useNavStore.getState();
      const queue = useQueueStore.getState();
      const session = useSessionStore.getState();
      // While a dialog is open, only Escape is ours: the dialog owns every other key.
      if ((nav.newTicketOpen || session.signInOpen) && action !== 'close') return;
      // A focused button handles its own Enter.
      if (action === 'open-row' && e.target instanceof HTMLButtonElement) return;
      switch (action) {
        case 'new-ticket':
          nav.openNewTicket();
          break;
        case 'focus-search':
          searchRef.current?.focus();
          break;
        case 'next-row':
          queue.moveSelection(1);
          break;
        case 'previous-row':
          queue.moveSelection(-1);
          break;
        case 'open-row':
          if (!queue.selectedId) return;
          nav.openTicket(queue.selectedId);
          break;
        case 'close':
          if (session.signInOpen) session.closeSignIn();
          else if (nav.newTicketOpen) nav.closeNewTicket();
          else if (nav.openTicketId) nav.closeTicket();
          else if (isEditable(e.target)) (e.target as HTMLElement).blur();
          else return;
          break;
      }
      e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
