import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download does not work here.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The Electron specs, by absolute path: Playwright matches patterns against
 * the absolute file path, so a bare /electron\// would also take every spec
 * of a checkout that lives in a folder named electron.
 */
const ELECTRON_SPECS = new RegExp(`^${escapeRegExp(fileURLToPath(new URL('./test/e2e/electron/', import.meta.url)))}.*\\.spec\\.ts$`);

const PORT = Number(process.env.E2E_PORT ?? 4179);
/** The sync server the sync specs talk to: embedded PGlite in a fresh directory each run. */
export const SYNC_PORT = Number(process.env.E2E_SYNC_PORT ?? 8799);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The list reporter hides why a test was skipped; skip-reporter prints it,
  // and fails a CI run that skipped Electron tests where Electron is installed.
  reporter: [['list'], ['./test/e2e/electron/skip-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', testIgnore: ELECTRON_SPECS },
    { name: 'electron', testMatch: ELECTRON_SPECS },
  ],
  webServer: [
    {
      command: `npx vite preview -c vite.web.config.ts --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The console under test is served from the preview server above: the sync server allows that origin only.
      command: `rm -rf .data/e2e-sync && SWITCHBOARD_DATA_DIR=.data/e2e-sync PORT=${SYNC_PORT} SWITCHBOARD_ALLOWED_ORIGINS=http://127.0.0.1:${PORT} LOG_LEVEL=warn npx tsx src/server/main.ts`,
      url: `http://127.0.0.1:${SYNC_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
