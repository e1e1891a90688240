import type { Session } from 'electron';

// How the main process delivers the CSP (built by
// src/bridge/content-security-policy.ts, shared with the web build).

/**
 * The dev server's pages get the same policy as a response header; app://
 * pages get it from the protocol handler. Only documents: the sync server's
 * API responses are left as they are.
 */
export function installCspHeader(session: Pick<Session, 'webRequest'>, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({});
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}
