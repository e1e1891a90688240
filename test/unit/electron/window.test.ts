import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class BrowserWindow {
    static created: BrowserWindow[] = [];
    listeners = new Map<string, () => void>();
    loadURL = vi.fn(async () => undefined);
    maximize = vi.fn();
    show = vi.fn();
    isMaximized = vi.fn(() => false);
    getNormalBounds = vi.fn(() => ({ x: 40, y: 30, width: 1100, height: 750 }));
    constructor(readonly options: Record<string, unknown>) {
      BrowserWindow.created.push(this);
    }
    on(name: string, listener: () => void): this {
      this.listeners.set(name, listener);
      return this;
    }
    once(name: string, listener: () => void): this {
      return this.on(name, listener);
    }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    BrowserWindow,
    screen: { getPrimaryDisplay: vi.fn(() => display), getAllDisplays: vi.fn(() => [display]) },
  };
});
vi.mock('electron', () => electron);

const { createMainWindow, startUrl, windowOptions } = await import('../../../electron/main/window');

describe('windowOptions', () => {
  const prefs = windowOptions('/app/out/preload/index.cjs', { width: 1280, height: 800, maximized: false }).webPreferences ?? {};

  it('isolates the page from the preload and gives neither Node', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/out/preload/index.cjs' });
  });

  it('keeps Node out of workers and subframes too', () => {
    expect(prefs).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('keeps the same-origin policy and refuses mixed content', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false });
  });

  it('allows no <webview>, experimental or extra Blink features, and no navigation by dropping a file', () => {
    expect(prefs).toMatchObject({ webviewTag: false, experimentalFeatures: false, navigateOnDragDrop: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('stays hidden until the first paint, with a minimum size', () => {
    const options = windowOptions('/p', { x: 5, y: 6, width: 1000, height: 700, maximized: false });
    expect(options).toMatchObject({ x: 5, y: 6, width: 1000, height: 700, minWidth: 900, minHeight: 600, show: false });
  });

  it('lets the OS place a first-run window', () => {
    const options = windowOptions('/p', { width: 1280, height: 800, maximized: false });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
  });
});

describe('startUrl', () => {
  it('is the app scheme in production and the dev server while developing', () => {
    expect(startUrl(undefined)).toBe('app://switchboard/index.html');
    expect(startUrl('http://localhost:5173')).toBe('http://localhost:5173');
  });
});

describe('createMainWindow', () => {
  let dir: string;
  let stateFile: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'switchboard-window-'));
    stateFile = path.join(dir, 'window-state.json');
    electron.BrowserWindow.created = [];
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the saved window, clamped onto the screen, on the app scheme', async () => {
    await writeFile(stateFile, JSON.stringify({ x: 5000, y: 0, width: 1280, height: 800, maximized: true }));
    const window = (await createMainWindow({ preloadPath: '/p.cjs', stateFile, devServerUrl: undefined })) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    expect(window.options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 });
    expect(window.maximize).toHaveBeenCalled();
    expect(window.loadURL).toHaveBeenCalledWith('app://switchboard/index.html');
  });

  it('remembers its normal bounds when closed', async () => {
    await createMainWindow({ preloadPath: '/p.cjs', stateFile, devServerUrl: undefined });
    const window = electron.BrowserWindow.created[0];
    window?.listeners.get('close')?.();
    await vi.waitFor(async () => {
      expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ x: 40, y: 30, width: 1100, height: 750, maximized: false });
    });
  });
});
