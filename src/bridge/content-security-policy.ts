// The one Content-Security-Policy for the console's pages, whichever host
// serves them: the Electron main process sends it as a header
// (electron/main/csp.ts, app-protocol.ts) and the web build writes it into a
// <meta> tag (vite.web.config.ts). Scripts only from the app itself (no
// 'unsafe-eval', no remote hosts); network access only to a sync server on
// this machine, or the one the host was configured with. Pure and free of
// Node and the DOM, so the vite config (under Node) and the main process
// both import it.

export interface CspOptions {
  /** The Vite dev server injects an inline React Refresh preamble and <style> tags; production never does. */
  dev: boolean;
  /** The configured sync server, when it is not on loopback. */
  serverUrl?: string | undefined;
  /**
   * A <meta> tag cannot carry frame-ancestors (the browser ignores it and
   * logs a CSP error), so the meta form leaves it out; everything else is the same.
   */
  delivery: 'header' | 'meta';
}

const LOOPBACK_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*', 'ws://127.0.0.1:*', 'ws://localhost:*'];

/** The server's origin and its websocket equivalent; nothing for a URL that is not http(s), so it cannot inject a directive. */
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

export function buildCsp({ dev, serverUrl, delivery }: CspOptions): string {
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
    ...(delivery === 'header' ? { 'frame-ancestors': ["'none'"] } : {}),
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
