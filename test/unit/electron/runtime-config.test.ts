import { describe, expect, it } from 'vitest';
import { readRuntimeConfig } from '../../../electron/main/runtime-config';

describe('readRuntimeConfig', () => {
  it('uses the dev server URL in an unpackaged build', () => {
    expect(readRuntimeConfig({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false).devServerUrl).toBe('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, so the environment cannot repoint the window', () => {
    expect(readRuntimeConfig({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, true).devServerUrl).toBeUndefined();
  });

  it.each(['javascript:alert(1)', 'file:///tmp/index.html', 'nonsense'])('ignores a dev server URL of %s', (url) => {
    expect(readRuntimeConfig({ ELECTRON_RENDERER_URL: url }, false).devServerUrl).toBeUndefined();
  });

  it('reads the sync server URL, http(s) only', () => {
    expect(readRuntimeConfig({ SWITCHBOARD_SERVER_URL: 'http://127.0.0.1:8787/' }, true).serverUrl).toBe('http://127.0.0.1:8787');
    expect(readRuntimeConfig({ SWITCHBOARD_SERVER_URL: 'ftp://x.example' }, true).serverUrl).toBeUndefined();
    expect(readRuntimeConfig({}, true)).toEqual({ devServerUrl: undefined, serverUrl: undefined });
  });
});
