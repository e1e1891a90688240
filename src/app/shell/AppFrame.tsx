import { useRef, type ReactNode, type RefObject } from 'react';
import { AuditScreen } from '../audit/AuditScreen';
import { ClientsScreen } from '../clients/ClientsScreen';
import { EscalationsScreen, useEscalationCount } from '../escalations/EscalationsScreen';
import { RequestTypesScreen } from '../lead-times/RequestTypesScreen';
import { useCan } from '../session/use-can';
import { NotificationSettingsDialog } from '../notifications/NotificationSettingsDialog';
import { QueueScreen } from '../queue/QueueScreen';
import { StaffScreen, useIsAdmin } from '../staff/StaffScreen';
import { NewTicketDialog } from '../ticket/NewTicketDialog';
import { TicketDetail } from '../ticket/TicketDetail';
import { useNavStore, type Screen } from './nav-store';
import { useReadingPane } from './reading-pane';
import { ShortcutHelp } from './ShortcutHelp';
import { shortcutFor } from './shortcuts';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { HeldRequestsScreen } from '../approvals/HeldRequestsScreen';
import { useFollowHeldTickets } from '../approvals/held-store';
import { IntakeScreen } from '../intake/IntakeScreen';
import { useFollowIncomingCalls } from '../intake/follow-incoming-calls';
import { CallbacksScreen } from '../callbacks/CallbacksScreen';
import { VisitsScreen } from '../visits/VisitsScreen';
import { MyVisitsScreen } from '../my-visits/MyVisitsScreen';
import { InvoiceDialog } from '../invoice/InvoiceDialog';
import { openInvoice } from '../invoice/open-invoice';
import { BoardScreen } from '../board/BoardScreen';

// Only screens that exist are listed; Intake and Visits join as they are built.
const NAV_ITEMS = [
  { screen: 'queue', label: 'Queue', action: 'show-queue' },
  { screen: 'escalations', label: 'Escalations', action: 'show-escalations' },
  { screen: 'clients', label: 'Clients', action: 'show-clients' },
  { screen: 'held', label: 'Held requests', action: 'show-held-requests' },
  { screen: 'staff', label: 'Staff', action: 'show-staff', adminOnly: true },
  { screen: 'request-types', label: 'Request types', action: 'show-request-types' },
  { screen: 'audit', label: 'Audit', action: 'show-audit' },
  { screen: 'intake', label: 'Intake', action: 'start-call' },
  { screen: 'callbacks', label: 'Callbacks', action: 'show-callbacks' },
  { screen: 'visits', label: 'Visits', action: 'show-visits' },
  { screen: 'my-visits', label: 'My visits', action: 'show-my-visits' },
  { screen: 'board', label: 'Scheduling board', action: 'show-board' },
] as const;

export function AppFrame({ status }: { status: ReactNode }) {
  const searchRef = useRef<HTMLInputElement>(null);
  useGlobalShortcuts(searchRef);
  useReadingPane();
  const { screen, openTicketId, newTicketOpen, openNewTicket, closeNewTicket, closeTicket, showScreen } = useNavStore();
  const { notificationSettingsOpen, openNotificationSettings, closeNotificationSettings } = useNavStore();
  const { invoiceVisitId, closeInvoice } = useNavStore();
  const newTicketKey = shortcutFor('new-ticket');
  const settingsKey = shortcutFor('notification-settings');
  const escalations = useEscalationCount();
  const isAdmin = useIsAdmin();
  useFollowHeldTickets();
  useFollowIncomingCalls();
  const mayReadAudit = useCan('audit.read');
  const navItems = NAV_ITEMS.filter((item) => (!('adminOnly' in item) || isAdmin) && (item.screen !== 'audit' || mayReadAudit));

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Switchboard</span>
        <nav aria-label="Main">
          <ul>
            {navItems.map((item) => (
              <li key={item.screen}>
                <a
                  href={`#${item.screen}`}
                  aria-current={screen === item.screen ? 'page' : undefined}
                  aria-keyshortcuts={shortcutFor(item.action).key}
                  onClick={(e) => {
                    e.preventDefault();
                    showScreen(item.screen);
                  }}
                >
                  {item.label}
                  {item.screen === 'escalations' && escalations > 0 && (
                    <span className="count" data-testid="escalation-count" aria-label={`${escalations} open`}>
                      {escalations}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="primary" onClick={openNewTicket} aria-keyshortcuts={newTicketKey.key}>
          New ticket <kbd>{newTicketKey.label}</kbd>
        </button>
        <button type="button" onClick={openNotificationSettings} aria-keyshortcuts={settingsKey.key}>
          Notification settings <kbd>{settingsKey.label}</kbd>
        </button>
        <div className="status-area">{status}</div>
      </header>
      <main>
        <ScreenBody screen={screen} searchRef={searchRef} />
        {openTicketId && <TicketDetail key={openTicketId} ticketId={openTicketId} onClose={closeTicket} />}
      </main>
      <ShortcutHelp />
      {newTicketOpen && <NewTicketDialog onClose={closeNewTicket} />}
      {notificationSettingsOpen && <NotificationSettingsDialog onClose={closeNotificationSettings} />}
      {invoiceVisitId && <InvoiceDialog key={invoiceVisitId} visitId={invoiceVisitId} onClose={closeInvoice} />}
    </div>
  );
}

/** The main area's screen; a new screen must be added here or fail to compile. */
function ScreenBody({ screen, searchRef }: { screen: Screen; searchRef: RefObject<HTMLInputElement | null> }) {
  switch (screen) {
    case 'queue':
      return <QueueScreen searchRef={searchRef} />;
    case 'escalations':
      return <EscalationsScreen />;
    case 'clients':
      return <ClientsScreen />;
    case 'held':
      return <HeldRequestsScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'request-types':
      return <RequestTypesScreen />;
    case 'intake':
      return <IntakeScreen />;
    case 'callbacks':
      return <CallbacksScreen />;
    case 'visits':
      return <VisitsScreen onOpenInvoice={openInvoice} />;
    case 'my-visits':
      return <MyVisitsScreen />;
    case 'board':
      return <BoardScreen />;
  }
}
