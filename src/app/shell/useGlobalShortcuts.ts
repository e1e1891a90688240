import { useEffect, type RefObject } from 'react';
import { useQueueStore } from '../queue/queue-store';
import { useSessionStore } from '../session/session-store';
import { useIncomingCall } from '../intake/incoming-call-store';
import { useNavStore } from './nav-store';
import { resolveShortcut, type ShortcutAction } from './shortcuts';
import { useTicketViewStore, type TicketViewAction } from '../ticket/ticket-view-store';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface ShortcutContext {
  event: KeyboardEvent;
  searchRef: RefObject<HTMLInputElement | null>;
  nav: ReturnType<typeof useNavStore.getState>;
  queue: ReturnType<typeof useQueueStore.getState>;
  session: ReturnType<typeof useSessionStore.getState>;
}

/** Passes a ticket action to the open ticket view; nothing to do with no ticket open. */
const onOpenTicket =
  (action: TicketViewAction) =>
  ({ nav }: ShortcutContext): boolean => {
    if (!nav.openTicketId) return false;
    useTicketViewStore.getState().ask(action);
    return true;
  };

/**
 * What each action of the shortcut table does; false when it had nothing to
 * do, so the key keeps its default. Mapped over the table's actions, so a row
 * without a handler does not compile.
 */
const perform: { [Action in ShortcutAction]: (context: ShortcutContext) => boolean } = {
  'new-ticket': ({ nav }) => {
    nav.openNewTicket();
    return true;
  },
  'focus-search': ({ searchRef }) => {
    searchRef.current?.focus();
    return true;
  },
  'next-row': ({ queue }) => {
    queue.moveSelection(1);
    return true;
  },
  'previous-row': ({ queue }) => {
    queue.moveSelection(-1);
    return true;
  },
  'open-row': ({ event, queue, nav }) => {
    // A focused button handles its own Enter.
    if (event.target instanceof HTMLButtonElement || !queue.selectedId) return false;
    nav.openTicket(queue.selectedId);
    return true;
  },
  close: ({ event, nav, session }) => {
    if (session.signInOpen) session.closeSignIn();
    else if (nav.notificationSettingsOpen) nav.closeNotificationSettings();
    else if (nav.newTicketOpen) nav.closeNewTicket();
    else if (nav.openTicketId) nav.closeTicket();
    else if (isEditable(event.target)) (event.target as HTMLElement).blur();
    else return false;
    return true;
  },
  'show-queue': ({ nav }) => {
    nav.showScreen('queue');
    return true;
  },
  'show-escalations': ({ nav }) => {
    nav.showScreen('escalations');
    return true;
  },
  'ticket-reply': onOpenTicket('reply'),
  'ticket-note': onOpenTicket('note'),
  'ticket-close': onOpenTicket('close'),
  'ticket-assign-me': onOpenTicket('assign-me'),
  'ticket-explain': ({ nav }) => {
    if (!nav.openTicketId) return false;
    useTicketViewStore.getState().toggleExplain();
    return true;
  },
  'notification-settings': ({ nav }) => {
    nav.openNotificationSettings();
    return true;
  },
  // Others get a screen that says an admin manages staff; the navigation shows the item to admins only.
  'show-staff': ({ nav }) => {
    nav.showScreen('staff');
    return true;
  },
  'show-request-types': ({ nav }) => {
    nav.showScreen('request-types');
    return true;
  },
  'show-clients': ({ nav }) => {
    nav.showScreen('clients');
    return true;
  },
  'show-held-requests': ({ nav }) => {
    nav.showScreen('held');
    return true;
  },
  'show-audit': ({ nav }) => {
    nav.showScreen('audit');
    return true;
  },
  // The same hand-off a ringing phone uses: the intake screen opens and takes it (a call in progress is kept).
  'start-call': ({ nav }) => {
    useIncomingCall.getState().offer({ from: '', source: 'shortcut' });
    nav.showScreen('intake');
    return true;
  },
  'show-callbacks': ({ nav }) => {
    nav.showScreen('callbacks');
    return true;
  },
  'show-visits': ({ nav }) => {
    nav.showScreen('visits');
    return true;
  },
  'ticket-request-visit': onOpenTicket('request-visit'),
  'show-my-visits': ({ nav }) => {
    nav.showScreen('my-visits');
    return true;
  },
  'show-board': ({ nav }) => {
    nav.showScreen('board');
    return true;
  },
};

/** One keydown listener for the whole console; actions come from the stores. */
export function useGlobalShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = resolveShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inEditable: isEditable(event.target),
      });
      if (!action) return;
      const context: ShortcutContext = {
        event,
        searchRef,
        nav: useNavStore.getState(),
        queue: useQueueStore.getState(),
        session: useSessionStore.getState(),
      };
      // While a dialog is open, only Escape is ours: the dialog owns every other key.
      const dialogOpen = context.nav.newTicketOpen || context.nav.notificationSettingsOpen || context.session.signInOpen;
      if (dialogOpen && action !== 'close') return;
      if (perform[action](context)) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
