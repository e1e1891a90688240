import type { CredentialBackend, SwitchboardBridge } from '../../bridge/contract';
import { isAllowedExternalUrl, refusedExternalLinkMessage } from '../../bridge/external-links';

// The same contract as the Electron preload, for a plain browser: the whole
// console runs in Chromium for tests and for `npm run start:web`.
// Credentials stay in memory only: a browser tab has no OS keychain, and a
// token in localStorage would outlive the session and be readable by any script.
const secrets = new Map<string, string>();

export const webFallbackBridge = {
  app: {
    info: async () => ({
      name: 'Switchboard',
      version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
      platform: navigator.platform,
      runtime: 'web' as const,
    }),
  },
  notifications: {
    show: async ({ title, body }) => {
      if (typeof Notification === 'undefined') return false;
      const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
      if (permission !== 'granted') return false;
      new Notification(title, { body });
      return true;
    },
  },
  credentials: {
    backend: async (): Promise<CredentialBackend> => 'memory',
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret);
    },
    delete: async (account) => {
      secrets.delete(account);
    },
  },
  links: {
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) throw new Error(refusedExternalLinkMessage(url));
      window.open(url, '_blank', 'noopener,noreferrer');
    },
  },
  slaAlerts: {
    notify: async ({ title, body, ticketId }) => {
      if (typeof Notification === 'undefined') return 'refused';
      const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
      if (permission !== 'granted') return 'refused';
      // One per ticket: a newer notice about the same ticket replaces the older.
      const notification = new Notification(title, { body, tag: `sla:${ticketId}` });
      return new Promise((resolve) => {
        notification.onclick = () => {
          // Before close(): its close event must not answer first.
          resolve('clicked');
          window.focus();
          notification.close();
        };
        notification.onclose = () => resolve('closed');
      });
    },
    // The Badging API where the browser has it (installed web apps); a plain tab has no badge.
    setBadgeCount: async (count) => {
      if (typeof navigator.setAppBadge !== 'function') return false;
      await (count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge());
      return true;
    },
  },
  // A browser cannot be a protocol handler for switchboard://; its calls come as ?call= (call-link-listener.ts).
  callLinks: {
    next: async () => null,
  },
  // A browser cannot write files itself: its print dialog (the print stylesheet shows only the invoice) offers "Save as PDF".
  invoices: {
    savePdf: async () => {
      window.print();
      return 'printed';
    },
  },
} satisfies SwitchboardBridge;
