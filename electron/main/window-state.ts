import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

// The window opens where the user left it, unless that place is no longer on
// any screen (a monitor was unplugged, the resolution changed): then it is
// pulled back onto the nearest display, never opened off-screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent on first run: the OS centres the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

const int = z.number().int().finite();
const stateSchema = z.object({
  x: int.min(-100_000).max(100_000).optional(),
  y: int.min(-100_000).max(100_000).optional(),
  width: int.min(1).max(100_000),
  height: int.min(1).max(100_000),
  maximized: z.boolean().default(false),
});

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

/**
 * Fits `state` onto the display it overlaps most (by work area), or onto the
 * first display, centred, when it overlaps none. The result is always whole
 * inside one work area, and no smaller than MIN_SIZE unless the display is.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const width = (area: Rect): number => clamp(state.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = (area: Rect): number => clamp(state.height, Math.min(MIN_SIZE.height, area.height), area.height);

  if (state.x === undefined || state.y === undefined) {
    return { width: width(primary), height: height(primary), maximized: state.maximized };
  }
  const saved: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved, area);
    if (o > bestOverlap) {
      best = area;
      bestOverlap = o;
    }
  }
  const area = best ?? primary;
  const w = width(area);
  const h = height(area);
  const x = best ? clamp(state.x, area.x, area.x + area.width - w) : area.x + Math.round((area.width - w) / 2);
  const y = best ? clamp(state.y, area.y, area.y + area.height - h) : area.y + Math.round((area.height - h) / 2);
  return { x, y, width: w, height: h, maximized: state.maximized };
}

/** The saved state, or the default when the file is missing, unreadable or not what we wrote. */
export async function readWindowState(filePath: string): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(filePath, 'utf8')));
    if (parsed.success) {
      const { x, y, width, height, maximized } = parsed.data;
      // A position is only meaningful as a pair.
      return x !== undefined && y !== undefined ? { x, y, width, height, maximized } : { width, height, maximized };
    }
  } catch {
    // fall through to the default
  }
  return { ...DEFAULT_SIZE, maximized: false };
}

export async function writeWindowState(filePath: string, state: WindowState): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  await writeFile(filePath, JSON.stringify(state), 'utf8');
}
