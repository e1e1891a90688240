import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from '../../src/server/http/allowed-origin';

describe('isAllowedOrigin', () => {
  it.each(['http://localhost', 'http://localhost:5173', 'http://127.0.0.1:8787', 'app://switchboard'])('allows %s', (origin) => {
    expect(isAllowedOrigin(origin)).toBe(true);
  });

  it.each([
    'http://localhost.evil.example',
    'http://localhost:5173.evil.example',
    'http://evil.example/?next=http://localhost',
    'http://user@localhost:5173',
    'https://localhost:5173',
    'http://127.0.0.1.evil.example',
    'http://127.0.0.2',
    'app://switchboard.evil',
    'app://user@switchboard',
    'app://switchboard/',
    'null',
    '',
    'HTTP://LOCALHOST',
    'http://localhost:5173\n',
  ])('refuses %j', (origin) => {
    expect(isAllowedOrigin(origin)).toBe(false);
  });

  it('refuses a missing origin', () => {
    expect(isAllowedOrigin(undefined)).toBe(false);
  });
});
