import { describe, expect, it, vi } from 'vitest';
import { buildCsp, installCspHeader } from '../../../electron/main/csp';

const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self' http://127.0.0.1:* http://localhost:* ws://127.0.0.1:* ws://localhost:*; " +
  "worker-src 'self'; object-src 'none'; frame-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const directive = (csp: string, name: string): string[] =>
  csp
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('buildCsp', () => {
  it('is exactly the production policy', () => {
    expect(buildCsp({ dev: false })).toBe(PRODUCTION_CSP);
  });

  it.each([false, true])('never allows eval or remote scripts (dev: %s)', (dev) => {
    const csp = buildCsp({ dev });
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'script-src').filter((source) => source !== "'self'" && source !== "'unsafe-inline'")).toEqual([]);
  });

  it('allows inline scripts only for the dev server, which injects the React Refresh preamble', () => {
    expect(directive(buildCsp({ dev: false }), 'script-src')).toEqual(["'self'"]);
    expect(directive(buildCsp({ dev: true }), 'script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('lets the renderer reach a loopback sync server over http, SSE and websockets', () => {
    expect(directive(buildCsp({ dev: false }), 'connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:*',
      'http://localhost:*',
      'ws://127.0.0.1:*',
      'ws://localhost:*',
    ]);
  });

  it('adds a named sync server and its websocket equivalent', () => {
    expect(directive(buildCsp({ dev: false, serverUrl: 'https://sync.msp.example:8443/api' }), 'connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:*',
      'http://localhost:*',
      'ws://127.0.0.1:*',
      'ws://localhost:*',
      'https://sync.msp.example:8443',
      'wss://sync.msp.example:8443',
    ]);
  });

  it.each(['javascript:alert(1)', 'file:///etc', "https://x.example; script-src 'unsafe-eval'", 'not a url'])(
    'ignores a server URL of %s',
    (serverUrl) => {
      expect(buildCsp({ dev: false, serverUrl })).toBe(PRODUCTION_CSP);
    },
  );
});

describe('installCspHeader', () => {
  type Listener = (details: { resourceType: string; responseHeaders?: Record<string, string[]> }, callback: (response: object) => void) => void;

  function install(): Listener {
    let listener: Listener | undefined;
    const session = { webRequest: { onHeadersReceived: vi.fn((fn: Listener) => (listener = fn)) } };
    installCspHeader(session as never, PRODUCTION_CSP);
    if (!listener) throw new Error('no listener installed');
    return listener;
  }

  it('replaces any policy on a document with ours', () => {
    const callback = vi.fn();
    install()({ resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ['default-src *'], 'x-a': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'x-a': ['1'], 'Content-Security-Policy': [PRODUCTION_CSP] } });
  });

  it('leaves API responses alone', () => {
    const callback = vi.fn();
    install()({ resourceType: 'xhr', responseHeaders: { 'x-a': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});
