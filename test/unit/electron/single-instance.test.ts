import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../electron/main/single-instance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  /** The listener registered for `name`; a test that needs one fails when it was never registered. */
  const listener = (name: string): (() => void) => {
    const registered = listeners.get(name);
    if (!registered) throw new Error(`no '${name}' listener was registered`);
    return registered;
  };
  return {
    listeners,
    listener,
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((name: string, listener: () => void) => listeners.set(name, listener)),
  };
}

function fakeWindow(minimized: boolean) {
  return { isMinimized: vi.fn(() => minimized), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

describe('claimSingleInstance', () => {
  it('quits a second instance at once', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app as never, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('keeps the first instance and brings its minimized window forward when another starts', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    expect(claimSingleInstance(app as never, () => window as never)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.listener('second-instance')();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('focuses without restoring a window that is not minimized', () => {
    const app = fakeApp(true);
    const window = fakeWindow(false);
    claimSingleInstance(app as never, () => window as never);
    app.listener('second-instance')();
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('ignores a second launch before the window exists', () => {
    const app = fakeApp(true);
    claimSingleInstance(app as never, () => null);
    const secondInstance = app.listener('second-instance');
    expect(() => secondInstance()).not.toThrow();
  });
});
