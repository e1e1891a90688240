#!/usr/bin/env node
// `npm run test:e2e`: builds what the end-to-end tests load (the web bundle;
// the Electron main, preload and renderer where the Electron binary exists)
// and runs Playwright, under xvfb-run when Electron needs a display it lacks.
// Where the Electron tests cannot run, it says why before they are skipped.
// Arguments are passed on to `playwright test`.
import { spawnSync } from 'node:child_process';
import { electronBinaryPath, findOnPath, isCi, planElectronE2e, skipsFail } from './electron-binary.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const binary = electronBinaryPath();
const plan = planElectronE2e({ binary, platform: process.platform, display: process.env['DISPLAY'], xvfbRun: findOnPath('xvfb-run') });

run('npx', ['vite', 'build', '-c', 'vite.web.config.ts']);
if (plan.run) {
  console.log(`\nElectron e2e: they run ${plan.reason}.\n`);
  run('npx', ['electron-vite', 'build']);
} else {
  const consequence = skipsFail({ binary, ci: isCi() }) ? 'CI=true, so these skips fail the run' : 'they are skipped';
  console.log(`\nElectron e2e: ${consequence}: ${plan.reason}.\n`);
}
const [wrapper, ...wrapperArgs] = plan.wrap;
const playwright = ['npx', 'playwright', 'test', ...process.argv.slice(2)];
if (wrapper) run(wrapper, [...wrapperArgs, ...playwright]);
else run(playwright[0], playwright.slice(1));
