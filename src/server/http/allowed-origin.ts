// Origins allowed to call the API from a browser: the desktop app's own
// scheme, and the web console's address(es) named in the server's settings
// (SWITCHBOARD_ALLOWED_ORIGINS). Any other page, a localhost one included,
// gets no CORS headers, so a browser refuses to hand it the response: a page
// on http://localhost:9996 must not read /api/me or the event stream of a
// console that happens to run on the same machine.

/** The packaged Electron app serves its pages from here (electron/main/app-protocol.ts). */
export const DESKTOP_APP_ORIGIN = 'app://switchboard';

/** An origin exactly as a browser sends it: scheme, host, a port only when not the scheme's default, no path. */
function normalOrigin(entry: string): string | null {
  if (entry === DESKTOP_APP_ORIGIN) return entry;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.origin;
}

/**
 * The configured list (comma-separated) plus the desktop app. An entry that a
 * browser would never send as an Origin (a path, a trailing slash, a default
 * port) would silently match nothing, so it stops the server with the form to use.
 */
export function parseAllowedOrigins(list: string | undefined): string[] {
  const origins = new Set([DESKTOP_APP_ORIGIN]);
  for (const raw of (list ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const origin = normalOrigin(entry);
    if (origin !== entry) {
      const hint = origin ? `write it as ${origin}` : 'write it as scheme://host:port, e.g. http://127.0.0.1:5173';
      throw new Error(`SWITCHBOARD_ALLOWED_ORIGINS: "${entry}" is not an origin as a browser sends it; ${hint}.`);
    }
    origins.add(origin);
  }
  return [...origins];
}

/** Exact matches only: a pattern or prefix would also let in http://localhost.evil.example and the like. */
export function originMatcher(allowed: readonly string[]): (origin: string | undefined) => origin is string {
  const set = new Set(allowed);
  return (origin): origin is string => typeof origin === 'string' && set.has(origin);
}
