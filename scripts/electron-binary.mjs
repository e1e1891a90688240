import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// `require('electron')` downloads the binary when it is missing (see
// node_modules/electron/index.js), which cannot work without internet and
// would hang. Resolve the package directory instead and look for the binary
// the way index.js does, without triggering the download. Used by `npm start`
// and by the Electron e2e tests (scripts/e2e.mjs, test/e2e/electron).
export function electronBinaryPath() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? path.join(override, relative ?? 'electron') : relative ? path.join(packageDir, 'dist', relative) : null;
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

/** An executable on PATH, or null. */
export function findOnPath(name, searchPath = process.env['PATH'] ?? '') {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** As Playwright reads it: CI set to anything but an explicit no. */
export function isCi(env = process.env) {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Whether the Electron window tests can run here, and how: they need the
 * Electron binary and, on Linux, a display (the caller's, or one xvfb-run
 * starts). `xvfbRun` is null where no wrapper can be added any more (inside
 * the test run itself).
 */
export function planElectronE2e({ binary, platform, display, xvfbRun }) {
  if (binary === null) {
    return {
      run: false,
      wrap: [],
      reason: 'the Electron binary is not installed (it cannot be downloaded on this machine); they run where it exists',
    };
  }
  if (platform !== 'linux' || display) return { run: true, wrap: [], reason: 'on this display' };
  if (xvfbRun !== null) return { run: true, wrap: [xvfbRun, '-a'], reason: 'under xvfb-run, which gives Electron a virtual display' };
  return {
    run: false,
    wrap: [],
    reason:
      'there is no display to open a window on (DISPLAY is unset); `npm run test:e2e` runs them under xvfb-run once xvfb is installed',
  };
}

/** A skipped Electron test hides a broken window where Electron is installed; on CI that must fail the run. */
export function skipsFail({ binary, ci }) {
  return ci && binary !== null;
}
