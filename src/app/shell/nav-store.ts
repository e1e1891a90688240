import { create } from 'zustand';

export type Screen =
  | 'queue'
  | 'escalations'
  | 'clients'
  | 'held'
  | 'staff'
  | 'request-types'
  | 'audit'
  | 'intake'
  | 'callbacks'
  | 'visits'
  | 'my-visits'
  | 'board';

interface NavState {
  screen: Screen;
  /** The ticket whose detail panel is open. */
  openTicketId: string | null;
  newTicketOpen: boolean;
  notificationSettingsOpen: boolean;
  openTicket(id: string): void;
  closeTicket(): void;
  openNewTicket(): void;
  closeNewTicket(): void;
  showScreen(screen: Screen): void;
  openNotificationSettings(): void;
  closeNotificationSettings(): void;
  /** The visit whose invoice dialog is open (src/app/invoice), over whichever screen opened it. */
  invoiceVisitId: string | null;
  openInvoice(visitId: string): void;
  closeInvoice(): void;
}

export const useNavStore = create<NavState>((set) => ({
  screen: 'queue',
  openTicketId: null,
  newTicketOpen: false,
  notificationSettingsOpen: false,
  openTicket: (id) => set({ openTicketId: id, newTicketOpen: false }),
  closeTicket: () => set({ openTicketId: null }),
  openNewTicket: () => set({ newTicketOpen: true }),
  closeNewTicket: () => set({ newTicketOpen: false }),
  showScreen: (screen) => set({ screen }),
  openNotificationSettings: () => set({ notificationSettingsOpen: true }),
  closeNotificationSettings: () => set({ notificationSettingsOpen: false }),
  invoiceVisitId: null,
  openInvoice: (visitId) => set({ invoiceVisitId: visitId }),
  closeInvoice: () => set({ invoiceVisitId: null }),
}));
