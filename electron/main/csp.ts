import type { Session } from 'electron';

// One Content-Security-Policy for every page the app serves. Scripts only
// from the app itself (no 'unsafe-eval', no remote hosts); network access
// only to a sync server on this machine, or the one named at launch.

export interface CspOptions {
  /** The Vite dev server injects an inline React Refresh preamble and <style> tags; production never does. */
  dev: boolean;
  /** SWITCHBOARD_SERVER_URL, when the sync server is not on loopback. */
  serverUrl?: string | undefined;
}

const LOOPBACK_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*', 'ws://127.0.0.1:*', 'ws://localhost:*'];

function serverSources(serverUrl: string | undefined): string[] {
  if (!serverUrl) return [];
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}

export function buildCsp({ dev, serverUrl }: CspOptions): string {
  const connect = [...new Set(["'self'", ...LOOPBACK_SOURCES, ...serverSources(serverUrl)])];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // Inline styles cannot run code; React style props and table libraries set them.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

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
