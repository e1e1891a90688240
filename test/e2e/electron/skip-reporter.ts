import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { electronBinaryPath, isCi, skipsFail } from '../../../scripts/electron-binary.mjs';

// The list reporter shows a skipped test as a dash, without its reason, so a
// skip that hides a broken Electron window looks like a pass. This reporter
// prints every skipped test with its reason after the run, and where Electron
// is installed on CI it fails the run if an Electron test was skipped.

export const ELECTRON_PROJECT = 'electron';

export interface SkipReporterOptions {
  /** Defaults to whether the Electron binary is installed here. */
  binary?: string | null;
  /** Defaults to the CI environment variable. */
  ci?: boolean;
}

interface Skipped {
  title: string;
  project: string;
  reason: string;
}

export default class SkipReporter implements Reporter {
  private readonly skipped: Skipped[] = [];
  private readonly skipsFail: boolean;

  constructor(options: SkipReporterOptions = {}) {
    const binary = options.binary !== undefined ? options.binary : electronBinaryPath();
    this.skipsFail = skipsFail({ binary, ci: options.ci ?? isCi() });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    // A test left out after an earlier failure is also 'skipped', without a
    // skip annotation; Playwright lists it as "did not run" and the run has failed already.
    const annotations = [...result.annotations, ...test.annotations].filter((a) => a.type === 'skip' || a.type === 'fixme');
    if (annotations.length === 0) return;
    const annotation = annotations.find((a) => a.description) ?? annotations[0];
    this.skipped.push({
      title: test.titlePath().filter(Boolean).join(' › '),
      project: test.parent.project()?.name ?? '',
      reason: annotation?.description ?? 'no reason given',
    });
  }

  async onEnd(_result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    if (this.skipped.length === 0) return undefined;
    const byReason = new Map<string, Skipped[]>();
    for (const skipped of this.skipped) byReason.set(skipped.reason, [...(byReason.get(skipped.reason) ?? []), skipped]);
    const lines = ['', `${this.skipped.length} skipped, and why:`];
    for (const [reason, tests] of byReason) lines.push(`  ${reason}`, ...tests.map((s) => `    - ${s.title}`));
    const electronSkips = this.skipped.filter((s) => s.project === ELECTRON_PROJECT).length;
    const fail = this.skipsFail && electronSkips > 0;
    if (fail)
      lines.push('', `FAILED: ${electronSkips} Electron test(s) skipped on CI where the Electron binary is installed; they must run here.`);
    console.log(lines.join('\n'));
    return fail ? { status: 'failed' } : undefined;
  }

  printsToStdio(): boolean {
    return true;
  }
}
