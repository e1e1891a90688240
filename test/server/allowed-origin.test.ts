import { describe, expect, it } from 'vitest';
import { originMatcher, parseAllowedOrigins } from '../../src/server/http/allowed-origin';

describe('parseAllowedOrigins', () => {
  it('always allows the desktop app, and adds the configured origins', () => {
    expect(parseAllowedOrigins(undefined)).toEqual(['app://switchboard']);
    expect(parseAllowedOrigins('')).toEqual(['app://switchboard']);
    expect(parseAllowedOrigins(' http://127.0.0.1:5173 , http://localhost:5173,https://desk.example.com')).toEqual([
      'app://switchboard',
      'http://127.0.0.1:5173',
      'http://localhost:5173',
      'https://desk.example.com',
    ]);
  });

  it.each([
    ['http://localhost:5173/', /write it as http:\/\/localhost:5173/],
    ['http://localhost:80', /write it as http:\/\/localhost\b/],
    ['HTTP://LOCALHOST:5173', /write it as http:\/\/localhost:5173/],
    ['http://localhost:5173/console', /write it as http:\/\/localhost:5173/],
    ['localhost:5173', /scheme:\/\/host:port/],
    ['*', /scheme:\/\/host:port/],
    ['file:///tmp', /scheme:\/\/host:port/],
  ])('stops at %j, which no browser sends as an Origin', (entry, hint) => {
    expect(() => parseAllowedOrigins(entry)).toThrow(hint);
  });
});

describe('originMatcher', () => {
  const allowed = originMatcher(parseAllowedOrigins('http://localhost:5173,http://127.0.0.1:8787'));

  it.each(['http://localhost:5173', 'http://127.0.0.1:8787', 'app://switchboard'])('allows %s', (origin) => {
    expect(allowed(origin)).toBe(true);
  });

  it.each([
    'http://localhost',
    'http://localhost:5174',
    'http://localhost:9996',
    'http://127.0.0.1:5173',
    'http://localhost.evil.example',
    'http://localhost:5173.evil.example',
    'http://evil.example/?next=http://localhost:5173',
    'http://user@localhost:5173',
    'https://localhost:5173',
    'http://127.0.0.1.evil.example',
    'app://switchboard.evil',
    'app://user@switchboard',
    'app://switchboard/',
    'null',
    '',
    'HTTP://LOCALHOST:5173',
    'http://localhost:5173\n',
  ])('refuses %j', (origin) => {
    expect(allowed(origin)).toBe(false);
  });

  it('refuses a missing origin', () => {
    expect(allowed(undefined)).toBe(false);
  });
});
