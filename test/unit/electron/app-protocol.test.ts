import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { createAppProtocolHandler, installAppProtocol, registerAppScheme, resolveAppPath } =
  await import('../../../electron/main/app-protocol');

const CSP = "default-src 'self'";
let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

// The URL string exactly as given: a real Request would normalize it first,
// and refuses credentials outright.
const get = (url: string): Request => ({ url, method: 'GET' }) as Request;

beforeAll(async () => {
  // root = <base>/renderer; a secret sits next to it, where traversal would land.
  base = await mkdtemp(path.join(tmpdir(), 'switchboard-app-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Switchboard</title>');
  await writeFile(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
  handle = createAppProtocolHandler({ rootDir: root, csp: CSP });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetchable, and nothing looser', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('installAppProtocol', () => {
  it('handles the app scheme', () => {
    installAppProtocol({ rootDir: root, csp: CSP });
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('app:// handler', () => {
  it('serves index.html for the root, with the CSP', async () => {
    const response = await handle(get('app://switchboard/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Switchboard</title>');
  });

  it('serves a built asset with its type', async () => {
    const response = await handle(get('app://switchboard/assets/index.js?v=2'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file inside the app', async () => {
    expect((await handle(get('app://switchboard/assets/missing.js'))).status).toBe(404);
  });

  // Literal and %2e-encoded dot segments are folded by URL parsing before
  // the handler sees them, so they land inside the root (and 404), never outside.
  it.each([
    'app://switchboard/../../etc/passwd',
    'app://switchboard/../secret.txt',
    'app://switchboard/%2e%2e/secret.txt',
    'app://switchboard/%2E%2E/%2e%2e/etc/passwd',
    'app://switchboard/assets/../../secret.txt',
  ])('keeps %s inside the app', async (url) => {
    const response = await handle(get(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it.each([
    'app://switchboard/..%2fsecret.txt',
    'app://switchboard/..%2F..%2Fetc%2Fpasswd',
    'app://switchboard/assets/..%2f..%2fsecret.txt',
    'app://switchboard/..%5csecret.txt',
    'app://switchboard/%2e%2e%2fsecret.txt',
    'app://switchboard//etc/passwd',
    'app://switchboard/%2fetc%2fpasswd',
    'app://switchboard/C:%5cWindows%5cwin.ini',
    'app://switchboard/C:/Windows/win.ini',
    'app://switchboard/index.html%00.png',
    'app://switchboard/%E0%A4%A',
    'app://evil.example/index.html',
    'app://switchboard.evil.example/index.html',
    'app://user@switchboard/index.html',
    'app://switchboard:8080/index.html',
  ])('refuses %s', async (url) => {
    const response = await handle(get(url));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await handle(new Request('app://switchboard/index.html', { method: 'POST', body: 'x' }))).status).toBe(403);
  });
});

describe('resolveAppPath', () => {
  it('maps the root to index.html and other paths under the root', () => {
    expect(resolveAppPath('app://switchboard/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://switchboard/assets/index.js', root)).toBe(path.join(root, 'assets', 'index.js'));
  });

  it.each(['file:///etc/passwd', 'https://switchboard/index.html', 'not a url'])('has no file for %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});
