import { chromium, type Browser } from '@playwright/test';
import { buildSync } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';

/** A module bundled for a page (an IIFE exposing it as `globalName`), to time pure code in Chromium. */
export function bundleForPage(entry: string, globalName: string): string {
  return buildSync({ entryPoints: [entry], bundle: true, format: 'iife', globalName, write: false, target: 'es2022' }).outputFiles[0]!.text;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Starts a command in its own process group and waits until `readyUrl` answers;
 * stop() ends the group and resolves once every process of it has exited (a
 * server restarted on the same PGlite directory must not overlap the last one).
 * `logFile`: where its output goes (default: nowhere).
 */
export async function spawnService(
  command: string,
  args: string[],
  readyUrl: string,
  env: NodeJS.ProcessEnv = process.env,
  logFile?: string,
): Promise<{ stop(): Promise<void> }> {
  const out = logFile ? openSync(logFile, 'w') : 'ignore';
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', out, out], detached: true, env });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(readyUrl)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const signal = (sig: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-child.pid!, sig);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  return {
    stop: async () => {
      signal('SIGTERM');
      for (let waited = 0; signal(0); waited += 100) {
        if (waited === 30_000) signal('SIGKILL');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Serves the built web console (out/web) on a loopback port until stopped. */
export async function servePreview(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  const service = await spawnService('npx', ['vite', 'preview', '-c', 'vite.web.config.ts', '--port', String(port), '--strictPort'], url);
  return { url, stop: service.stop };
}

export { median, percentile } from './stats';

/** One figure without runs; prefer reportRuns (stats.ts), which prints the median of several runs and their spread. */
export function report(name: string, value: number, unit: string, goal: string, pass: boolean): void {
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`);
  console.log(`  goal ${goal}: ${pass ? 'met' : 'NOT met'}`);
}
