import { useNavStore } from '../shell/nav-store';

/** Opens a completed visit's invoice over the current screen (the Visits screen's detail and the client page call it). */
export function openInvoice(visitId: string): void {
  useNavStore.getState().openInvoice(visitId);
}
