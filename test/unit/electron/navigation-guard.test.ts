import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }));
vi.mock('electron', () => electron);

const { guardNavigation } = await import('../../../electron/main/navigation-guard');

type Listener = (event: { url: string; preventDefault(): void }) => void;
type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: OpenHandler | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: OpenHandler) => (openHandler = handler)),
  };
  guardNavigation(contents as never, ['app://switchboard']);
  return {
    /** Fires `name` for `url`; true when the guard cancelled it. */
    fire(name: string, url: string): boolean {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no ${name} listener`);
      const preventDefault = vi.fn();
      listener({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    },
    open(url: string) {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url });
    },
  };
}

const hostile = [
  'https://evil.example/',
  'https://evil.example/?next=app://switchboard',
  'app://user@switchboard/index.html',
  'app://switchboard.evil.example/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'http://localhost:5173/',
];

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('guardNavigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s stays inside the app', (name) => {
    const contents = fakeContents();
    expect(contents.fire(name, 'app://switchboard/index.html#/queue')).toBe(false);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'].flatMap((name) => hostile.map((url) => [name, url])))(
    '%s to %s is cancelled and not opened anywhere',
    (name, url) => {
      const contents = fakeContents();
      expect(contents.fire(name, url)).toBe(true);
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('hands an allow-listed https link to the browser instead of navigating', () => {
    const contents = fakeContents();
    expect(contents.fire('will-navigate', 'https://docs.switchboard.example/guide')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.switchboard.example/guide');
  });

  it.each([...hostile, 'app://switchboard/index.html'])('window.open(%s) is denied and opens nothing', (url) => {
    expect(fakeContents().open(url)).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('window.open of an allow-listed link is denied in-app and opened in the browser', () => {
    expect(fakeContents().open('https://www.switchboard.example/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.switchboard.example/');
  });

  it('refuses to attach a <webview>', () => {
    expect(fakeContents().fire('will-attach-webview', 'app://switchboard/')).toBe(true);
  });
});
