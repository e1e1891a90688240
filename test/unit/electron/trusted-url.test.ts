import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedAppUrl, trustedOrigins } from '../../../electron/main/trusted-url';

const production = [APP_ORIGIN];
const development = [APP_ORIGIN, 'http://localhost:5173'];

describe('isTrustedAppUrl', () => {
  it.each([
    ['app://switchboard/index.html', production],
    ['app://switchboard/', production],
    ['app://switchboard/assets/index.js?v=1#top', production],
    ['http://localhost:5173/', development],
    ['http://localhost:5173/src/main.tsx', development],
  ])('trusts %s', (url, origins) => {
    expect(isTrustedAppUrl(url, origins)).toBe(true);
  });

  it.each([
    ['https://evil.example/?next=app://switchboard', production],
    ['https://evil.example/#app://switchboard', production],
    ['app://user@switchboard/index.html', production],
    ['app://user:pass@switchboard/index.html', production],
    ['app://switchboard.evil.example/index.html', production],
    ['app://evil.example/switchboard', production],
    ['app://switchboard:8080/index.html', production],
    ['app:switchboard/index.html', production],
    ['app:///index.html', production],
    ['javascript:alert(1)//app://switchboard', production],
    ['file:///etc/passwd', production],
    ['file://switchboard/index.html', production],
    ['data:text/html,<script>alert(1)</script>', production],
    ['blob:app://switchboard/0b7c', production],
    ['about:blank', production],
    ['', production],
    ['not a url', production],
    ['http://localhost:5173/', production],
    ['http://localhost:5173.evil.example/', development],
    ['http://localhost.evil.example:5173/', development],
    ['http://evil.example/localhost:5173', development],
    ['http://localhost:51730/', development],
    ['http://localhost/', development],
    ['https://localhost:5173/', development],
    ['http://127.0.0.1:5173/', development],
    ['http://user@localhost:5173/', development],
    ['ws://localhost:5173/', development],
  ])('refuses %s', (url, origins) => {
    expect(isTrustedAppUrl(url, origins)).toBe(false);
  });
});

describe('trustedOrigins', () => {
  it('is the app scheme alone without a dev server', () => {
    expect(trustedOrigins(undefined)).toEqual(['app://switchboard']);
  });

  it('adds the dev server origin, path dropped', () => {
    expect(trustedOrigins('http://localhost:5173/some/path')).toEqual(['app://switchboard', 'http://localhost:5173']);
  });

  it.each(['file:///tmp/index.html', 'javascript:alert(1)', 'garbage'])('ignores a dev server URL of %s', (url) => {
    expect(trustedOrigins(url)).toEqual(['app://switchboard']);
  });
});
