import { describe, expect, it, vi } from 'vitest';
import { installCspHeader } from '../../../electron/main/csp';
import { buildCsp, type CspOptions } from '../../../src/bridge/content-security-policy';
import { contentSecurityPolicy } from '../../../vite.web.config';

// The properties that make the policy worth having, checked on every form
// it is served in, rather than a copy of today's string.

function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const directive = (policy: string, name: string): string[] => {
  const sources = parse(policy).get(name);
  if (sources === undefined) throw new Error(`the policy has no ${name}: ${policy}`);
  return sources;
};

/** A sync server on this machine, on any port: where `npm start` runs one. */
const isLoopback = (source: string): boolean => /^(http|ws):\/\/(127\.0\.0\.1|localhost):\*$/.test(source);

/** The policy as the web build writes it into index.html. */
function webBuildPolicy(serverUrl?: string): string {
  const plugin = contentSecurityPolicy(serverUrl);
  const transform = plugin.transformIndexHtml as (html: string) => string;
  const html = transform('<html><head><title>x</title></head></html>');
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(html)?.[1];
  if (content === undefined) throw new Error(`no CSP meta tag in ${html}`);
  return content;
}

const SERVER = 'https://sync.msp.example:8443/api';

const production: Array<[string, string]> = [
  ['the desktop header', buildCsp({ dev: false, delivery: 'header' })],
  ['the desktop header with a named server', buildCsp({ dev: false, serverUrl: SERVER, delivery: 'header' })],
  ['the web build', webBuildPolicy()],
  ['the web build with a named server', webBuildPolicy(SERVER)],
];
const everyForm: Array<[string, string]> = [...production, ['the desktop dev server', buildCsp({ dev: true, delivery: 'header' })]];

describe('the content security policy', () => {
  it.each(everyForm)('%s falls back to the app itself for anything not named', (_form, policy) => {
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
  });

  it.each(everyForm)('%s never allows eval, plugins or a rewritten base URL', (_form, policy) => {
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('wasm-unsafe-eval');
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
  });

  it.each(everyForm)('%s names no wildcard source', (_form, policy) => {
    const sources = [...parse(policy).values()].flat();
    expect(sources.filter((source) => source === '*' || source === 'https:' || source === 'http:' || source.startsWith('*.'))).toEqual([]);
  });

  it.each(production)('%s runs only the app’s own script files: no inline script, no remote host', (_form, policy) => {
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
  });

  it('allows inline scripts only for the dev server, which injects the React Refresh preamble', () => {
    const dev = directive(buildCsp({ dev: true, delivery: 'header' }), 'script-src');
    expect(dev).toContain("'unsafe-inline'");
    expect(dev.filter((source) => source !== "'self'" && source !== "'unsafe-inline'")).toEqual([]);
  });

  it.each(everyForm)('%s reaches only the app, a loopback sync server and the named one', (_form, policy) => {
    const named = new Set(['https://sync.msp.example:8443', 'wss://sync.msp.example:8443']);
    const connect = directive(policy, 'connect-src');
    expect(connect).toContain("'self'");
    expect(connect.filter((source) => source !== "'self'" && !isLoopback(source) && !named.has(source))).toEqual([]);
  });

  it.each([
    ['the desktop header', (serverUrl?: string) => buildCsp({ dev: false, serverUrl, delivery: 'header' })],
    ['the web build', webBuildPolicy],
  ])('%s adds a named sync server, origin only, and its websocket equivalent', (_form, build) => {
    const connect = directive(build(SERVER), 'connect-src');
    expect(connect).toContain('https://sync.msp.example:8443');
    expect(connect).toContain('wss://sync.msp.example:8443');
    expect(connect.filter((source) => source.includes('/api'))).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'file:///etc', "https://x.example; script-src 'unsafe-eval'", 'not a url'])(
    'ignores a server URL of %s',
    (serverUrl) => {
      const options: CspOptions = { dev: false, delivery: 'header' };
      expect(buildCsp({ ...options, serverUrl })).toBe(buildCsp(options));
    },
  );

  it('forbids framing the desktop app, where the policy arrives as a header', () => {
    expect(directive(buildCsp({ dev: false, delivery: 'header' }), 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(buildCsp({ dev: true, delivery: 'header' }), 'frame-ancestors')).toEqual(["'none'"]);
  });

  it('is the same policy in the web build, less frame-ancestors, which a <meta> tag cannot carry', () => {
    const header = parse(buildCsp({ dev: false, serverUrl: SERVER, delivery: 'header' }));
    header.delete('frame-ancestors');
    expect(parse(webBuildPolicy(SERVER))).toEqual(header);
  });
});

describe('installCspHeader', () => {
  type Listener = (
    details: { resourceType: string; responseHeaders?: Record<string, string[]> },
    callback: (response: object) => void,
  ) => void;
  const POLICY = "default-src 'self'";

  function install(): Listener {
    let listener: Listener | undefined;
    const session = { webRequest: { onHeadersReceived: vi.fn((fn: Listener) => (listener = fn)) } };
    installCspHeader(session as never, POLICY);
    if (!listener) throw new Error('no listener installed');
    return listener;
  }

  it('replaces any policy on a document with ours', () => {
    const callback = vi.fn();
    install()({ resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ['default-src *'], 'x-a': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'x-a': ['1'], 'Content-Security-Policy': [POLICY] } });
  });

  it('leaves API responses alone', () => {
    const callback = vi.fn();
    install()({ resourceType: 'xhr', responseHeaders: { 'x-a': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});
