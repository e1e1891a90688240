import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// `require('electron')` downloads the binary when it is missing (see
// node_modules/electron/index.js), which cannot work without internet and
// would hang. Resolve the package directory instead and look for the binary
// the way index.js does, without triggering the download. Used by `npm start`
// and by the Electron e2e tests.
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
