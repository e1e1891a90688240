import { describe, expect, it } from 'vitest';
import { resolveServerUrl } from './server-url';

describe('resolveServerUrl', () => {
  it.each([
    ['bridge wins', 'http://127.0.0.1:8787', '?server=http://x:1', 'http://y:2', 'http://127.0.0.1:8787'],
    ['page parameter', undefined, '?server=http://127.0.0.1:9000/', 'http://y:2', 'http://127.0.0.1:9000'],
    ['build default', undefined, '', 'http://localhost:8787', 'http://localhost:8787'],
    ['explicitly none', undefined, '?server=none', 'http://localhost:8787', null],
    ['nothing configured', undefined, '', undefined, null],
    ['not http', undefined, '?server=javascript:alert(1)', undefined, null],
    ['garbage', undefined, '?server=::::', undefined, null],
  ])('%s', (_n, bridge, query, build, expected) => {
    expect(resolveServerUrl(bridge, new URLSearchParams(query), build)).toBe(expected);
  });
});
