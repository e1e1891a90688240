/** The Electron executable if it is installed, else null; never starts a download. */
export function electronBinaryPath(): string | null;

/** An executable on PATH, or null. */
export function findOnPath(name: string, searchPath?: string): string | null;

/** As Playwright reads it: CI set to anything but an explicit no. */
export function isCi(env?: Record<string, string | undefined>): boolean;

export interface ElectronE2eSituation {
  binary: string | null;
  platform: string;
  display: string | undefined;
  /** xvfb-run's path; null where no wrapper can be added (inside the test run). */
  xvfbRun: string | null;
}

export interface ElectronE2ePlan {
  run: boolean;
  /** The command to run Playwright under, e.g. ['/usr/bin/xvfb-run', '-a']; empty for none. */
  wrap: string[];
  /** How they run, or why not. */
  reason: string;
}

export function planElectronE2e(situation: ElectronE2eSituation): ElectronE2ePlan;

export function skipsFail(options: { binary: string | null; ci: boolean }): boolean;
