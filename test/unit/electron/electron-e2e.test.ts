import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findOnPath, isCi, planElectronE2e, skipsFail } from '../../../scripts/electron-binary.mjs';
import SkipReporter from '../../../test/e2e/electron/skip-reporter';

// Whether the Electron window tests run, and what a skip means, decided
// without Electron: it cannot be downloaded on this machine.

const BINARY = '/opt/electron/electron';
const XVFB = '/usr/bin/xvfb-run';

describe('planElectronE2e', () => {
  it.each([
    ['linux', ':0', XVFB],
    ['linux', undefined, null],
    ['darwin', undefined, null],
  ])('does not run them without the binary (%s, DISPLAY=%s), and says why', (platform, display, xvfbRun) => {
    const plan = planElectronE2e({ binary: null, platform, display, xvfbRun });
    expect(plan.run).toBe(false);
    expect(plan.reason).toContain('Electron binary is not installed');
  });

  it('runs them on the display it has', () => {
    expect(planElectronE2e({ binary: BINARY, platform: 'linux', display: ':0', xvfbRun: XVFB })).toMatchObject({ run: true, wrap: [] });
  });

  it('runs them under xvfb-run on a Linux machine without a display', () => {
    expect(planElectronE2e({ binary: BINARY, platform: 'linux', display: undefined, xvfbRun: XVFB })).toMatchObject({
      run: true,
      wrap: [XVFB, '-a'],
    });
  });

  it('does not run them on Linux with neither a display nor xvfb-run, and says why', () => {
    const plan = planElectronE2e({ binary: BINARY, platform: 'linux', display: undefined, xvfbRun: null });
    expect(plan.run).toBe(false);
    expect(plan.reason).toContain('no display');
  });

  it.each(['darwin', 'win32'])('needs no DISPLAY on %s', (platform) => {
    expect(planElectronE2e({ binary: BINARY, platform, display: undefined, xvfbRun: null })).toMatchObject({ run: true, wrap: [] });
  });
});

describe('skipsFail', () => {
  it.each([
    [BINARY, true, true],
    [BINARY, false, false],
    [null, true, false],
    [null, false, false],
  ])('binary %s, CI %s: a skip fails the run: %s', (binary, ci, expected) => {
    expect(skipsFail({ binary, ci })).toBe(expected);
  });
});

describe('isCi', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['', false],
    [undefined, false],
  ])('CI=%s is %s', (value, expected) => {
    expect(isCi({ CI: value })).toBe(expected);
  });
});

describe('findOnPath', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'switchboard-path-'));
    await writeFile(path.join(dir, 'xvfb-run'), '#!/bin/sh\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds an executable in a PATH directory, and nothing that is not there', () => {
    const searchPath = ['/nonexistent', dir].join(path.delimiter);
    expect(findOnPath('xvfb-run', searchPath)).toBe(path.join(dir, 'xvfb-run'));
    expect(findOnPath('electron-nowhere', searchPath)).toBeNull();
  });
});

describe('SkipReporter', () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function testCase(project: string, title: string): TestCase {
    return {
      titlePath: () => ['', project, `${project}/a.spec.ts`, title],
      parent: { project: () => ({ name: project }) },
      annotations: [],
    } as unknown as TestCase;
  }
  const skipped = (reason: string) =>
    ({ status: 'skipped', annotations: [{ type: 'skip', description: reason }] }) as unknown as TestResult;
  const passed = { status: 'passed', annotations: [] } as unknown as TestResult;

  async function report(options: { binary: string | null; ci: boolean }, ...tests: Array<[TestCase, TestResult]>) {
    const reporter = new SkipReporter(options);
    for (const [test, result] of tests) reporter.onTestEnd(test, result);
    return reporter.onEnd({ status: 'passed' } as never);
  }

  it('fails a CI run that skipped an Electron test where Electron is installed', async () => {
    await expect(report({ binary: BINARY, ci: true }, [testCase('electron', 'window'), skipped('no display')])).resolves.toEqual({
      status: 'failed',
    });
    expect(printed.join('\n')).toContain('  no display\n    - electron › electron/a.spec.ts › window');
    expect(printed.join('\n')).toContain('FAILED');
  });

  it.each([
    ['without the binary on CI', { binary: null, ci: true }],
    ['with the binary off CI', { binary: BINARY, ci: false }],
    ['without the binary off CI', { binary: null, ci: false }],
  ])('lets a skip stand %s, and prints its reason', async (_name, options) => {
    await expect(
      report(options, [testCase('electron', 'window'), skipped('the Electron binary is not installed')]),
    ).resolves.toBeUndefined();
    expect(printed.join('\n')).toContain('  the Electron binary is not installed\n    - electron › electron/a.spec.ts › window');
    expect(printed.join('\n')).not.toContain('FAILED');
  });

  it('leaves skips outside the Electron project to their own reasons', async () => {
    await expect(report({ binary: BINARY, ci: true }, [testCase('web', 'queue'), skipped('flaky upstream')])).resolves.toBeUndefined();
    expect(printed.join('\n')).toContain('  flaky upstream\n    - web › web/a.spec.ts › queue');
  });

  it('does not count a test that did not run after an earlier failure as a skip', async () => {
    const notRun = { status: 'skipped', annotations: [] } as unknown as TestResult;
    await expect(report({ binary: BINARY, ci: true }, [testCase('electron', 'window'), notRun])).resolves.toBeUndefined();
    expect(printed).toEqual([]);
  });

  it('reports a skip declared without a reason as such', async () => {
    const bare = { status: 'skipped', annotations: [{ type: 'skip' }] } as unknown as TestResult;
    await expect(report({ binary: BINARY, ci: true }, [testCase('electron', 'window'), bare])).resolves.toEqual({ status: 'failed' });
    expect(printed.join('\n')).toContain('  no reason given\n    - electron › electron/a.spec.ts › window');
  });

  it('says nothing when nothing was skipped', async () => {
    await expect(report({ binary: BINARY, ci: true }, [testCase('electron', 'window'), passed])).resolves.toBeUndefined();
    expect(printed).toEqual([]);
  });
});
