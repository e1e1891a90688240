// Which pages are the app itself, kept tiny so its hostile tests can be read
// in one sitting (docs/architecture.md, security model). Parse, then compare parts: never match on string prefixes,
// which `app://switchboard.evil.example` and
// `https://evil.example/?next=app://switchboard` would pass. Which links may
// leave the app is src/bridge/external-links.ts, shared with the browser.

export const APP_SCHEME = 'app';
export const APP_HOST = 'switchboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `raw` belongs to one of `origins` (e.g. `app://switchboard`, or
 * the dev server `http://localhost:5173`). Node's URL reports `null` as the
 * origin of a custom scheme, so scheme, host and port are compared one by one.
 */
export function isTrustedAppUrl(raw: string, origins: readonly string[]): boolean {
  const url = parse(raw);
  if (!url || url.username !== '' || url.password !== '') return false;
  return origins.some((origin) => {
    const trusted = parse(origin);
    return trusted !== null && url.protocol === trusted.protocol && url.hostname === trusted.hostname && url.port === trusted.port;
  });
}

/** The origins a renderer may be served from: the app scheme, plus the dev server while developing. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  return dev && (dev.protocol === 'http:' || dev.protocol === 'https:') ? [APP_ORIGIN, dev.origin] : [APP_ORIGIN];
}
