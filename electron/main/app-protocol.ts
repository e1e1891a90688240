import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './trusted-url';

// Production pages come from app://switchboard/, not file://: a file:// page
// may read any file the user can, and has no origin to pin a CSP or an IPC
// sender check to.

/** Must run before `app` is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  rootDir: string;
  csp: string;
}

function refuse(status: 403 | 404, reason: string): Response {
  return new Response(reason, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The file under `rootDir` that `url` names, or null when the URL is for
 * another host or its decoded path could leave `rootDir` (`..%2f`, `%5c`,
 * NUL, a drive letter, an absolute path). URL parsing already folds literal `..` and `%2e%2e`.
 */
export function resolveAppPath(rawUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // `//etc/passwd` and `%2fetc%2fpasswd` are absolute paths in disguise.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes('//')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[a-zA-Z]:/.test(segment))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

export function createAppProtocolHandler({ rootDir, csp }: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(403, 'Only GET and HEAD are served.');
    const file = resolveAppPath(request.url, rootDir);
    if (file === null) return refuse(403, `Refused ${request.url}: outside the app.`);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404, `Not found: ${request.url}`);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Call once `app` is ready. */
export function installAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
