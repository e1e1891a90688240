import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rect, WindowState } from '../../../electron/main/window-state';
import { clampToDisplays, readWindowState, writeWindowState } from '../../../electron/main/window-state';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 };
const twoScreens = [primary, right];

describe('clampToDisplays', () => {
  it.each<[string, WindowState, Rect[], WindowState]>([
    [
      'keeps a window that fits on the primary',
      { x: 100, y: 100, width: 1280, height: 800, maximized: false },
      twoScreens,
      { x: 100, y: 100, width: 1280, height: 800, maximized: false },
    ],
    [
      'keeps a window on the second screen',
      { x: 2000, y: 50, width: 1000, height: 700, maximized: true },
      twoScreens,
      { x: 2000, y: 50, width: 1000, height: 700, maximized: true },
    ],
    [
      'centres on the primary a window whose screen was unplugged',
      { x: 4000, y: 100, width: 1280, height: 800, maximized: false },
      twoScreens,
      { x: 320, y: 120, width: 1280, height: 800, maximized: false },
    ],
    [
      'moves a window straddling two screens onto the one it covers most',
      { x: 1500, y: 100, width: 1280, height: 800, maximized: false },
      twoScreens,
      { x: 1920, y: 100, width: 1280, height: 800, maximized: false },
    ],
    [
      'pulls back a window hanging off the top-left',
      { x: -500, y: -300, width: 1280, height: 800, maximized: false },
      [primary],
      { x: 0, y: 0, width: 1280, height: 800, maximized: false },
    ],
    [
      'shrinks a window larger than its screen',
      { x: 0, y: 0, width: 3000, height: 2000, maximized: false },
      [primary],
      { x: 0, y: 0, width: 1920, height: 1040, maximized: false },
    ],
    [
      'grows a window below the minimum size',
      { x: 10, y: 10, width: 200, height: 100, maximized: false },
      [primary],
      { x: 10, y: 10, width: 900, height: 600, maximized: false },
    ],
    [
      'fits a screen smaller than the minimum size',
      { x: 0, y: 0, width: 1280, height: 800, maximized: false },
      [{ x: 0, y: 0, width: 800, height: 500 }],
      { x: 0, y: 0, width: 800, height: 500, maximized: false },
    ],
    [
      'respects a work area that does not start at 0,0 (taskbar on the left)',
      { x: 0, y: 0, width: 1280, height: 800, maximized: false },
      [{ x: 64, y: 0, width: 1856, height: 1080 }],
      { x: 64, y: 0, width: 1280, height: 800, maximized: false },
    ],
    [
      'sizes a first-run window without placing it',
      { width: 1280, height: 800, maximized: false },
      [{ x: 0, y: 0, width: 1024, height: 700 }],
      { width: 1024, height: 700, maximized: false },
    ],
  ])('%s', (_name, saved, workAreas, expected) => {
    expect(clampToDisplays(saved, workAreas)).toEqual(expected);
  });

  it('leaves the state alone when no display is known', () => {
    const saved = { x: 5, y: 5, width: 1000, height: 700, maximized: false };
    expect(clampToDisplays(saved, [])).toEqual(saved);
  });
});

describe('readWindowState', () => {
  let dir: string;
  let file: string;
  const fallback = { width: 1280, height: 800, maximized: false };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'switchboard-window-state-'));
    file = path.join(dir, 'window-state.json');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips what was written', async () => {
    await writeWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    await expect(readWindowState(file)).resolves.toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });

  it('falls back to the default when there is no file', async () => {
    await expect(readWindowState(file)).resolves.toEqual(fallback);
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[1,2]'],
    ['a negative width', '{"width":-5,"height":700}'],
    ['a string size', '{"width":"1000","height":700}'],
    ['a fractional size', '{"width":1000.5,"height":700}'],
    ['an absurd position', '{"x":1e12,"y":0,"width":1000,"height":700}'],
    ['null', 'null'],
  ])('falls back to the default for %s', async (_name, text) => {
    await writeFile(file, text);
    await expect(readWindowState(file)).resolves.toEqual(fallback);
  });

  it('drops a position that is only half there', async () => {
    await writeFile(file, '{"x":10,"width":1000,"height":700}');
    await expect(readWindowState(file)).resolves.toEqual({ width: 1000, height: 700, maximized: false });
  });
});
