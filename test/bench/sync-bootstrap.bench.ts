// sync.bootstrap_100k_s: a fresh console in headless Chromium signs in and
// downloads a 100,000-ticket workspace (with its history events and notes)
// from the server into IndexedDB, until it is online with nothing pending.
// Also prints when the 100,000 tickets showed in the queue (the snapshot
// stores tickets before their history). Prints `name: value unit`.
// Each run starts the server afresh (its first queries are its slowest) and
// downloads into a new browser context, so no run profits from the one before.
// Measured through Playwright, whose DevTools network tracking copies every
// response body: a plain Chromium receives the same bytes about twice as fast.
//   BENCH_RUNS (default 3), BENCH_SERVER_PORT, BENCH_WEB_PORT, BENCH_TICKETS
import { execSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { launchChromium, servePreview } from './chromium';
import { reportRuns } from './stats';
import { seededDataDir, startServer } from './sync-server';

const N = Number(process.env.BENCH_TICKETS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SERVER_PORT = Number(process.env.BENCH_SERVER_PORT ?? 8797);
const WEB_PORT = Number(process.env.BENCH_WEB_PORT ?? 4194);
const log = (m: string) => console.error(`[sync-bootstrap.bench] ${m}`);

/** Signs in and waits for the download to finish; seconds from the click, and when the tickets showed. */
async function bootstrap(browser: Browser, webUrl: string, serverUrl: string): Promise<{ seconds: number; ticketsVisible: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${webUrl}/?db=boot-${Date.now()}&server=${encodeURIComponent(serverUrl)}`);
    const dialog = page.getByRole('dialog', { name: 'Sign in to sync' });
    await dialog.getByLabel('Email').fill('priya.natarajan@example.com');
    await dialog.getByLabel('Password').fill('switchboard-demo');
    const t0 = Date.now();
    let lastLogged = 0;
    let ticketsVisible: number | null = null;
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    const expected = `${N.toLocaleString('en-US')} tickets on this device`;
    for (;;) {
      const [count, connection, pending, progress, error] = await Promise.all([
        page.getByTestId('queue-count').textContent(),
        page.getByTestId('sync-status').getAttribute('data-connection'),
        page.getByTestId('sync-status').getAttribute('data-pending'),
        page
          .locator('.initial-sync progress')
          .getAttribute('value', { timeout: 100 })
          .catch(() => null),
        page
          .locator('.sync-error')
          .textContent({ timeout: 100 })
          .catch(() => null),
      ]);
      if (count === expected) ticketsVisible ??= (Date.now() - t0) / 1000;
      if (count === expected && connection === 'online' && pending === '0') break;
      if (Date.now() - lastLogged > 5000) {
        log(
          `${Math.round((Date.now() - t0) / 1000)} s: ${count}; received ${progress ?? '-'} records; ${connection}${error ? `; error: ${error}` : ''}`,
        );
        lastLogged = Date.now();
      }
      if (Date.now() - t0 > 600_000) throw new Error('bootstrap did not finish in 10 minutes');
      await page.waitForTimeout(100);
    }
    return { seconds: (Date.now() - t0) / 1000, ticketsVisible: ticketsVisible! };
  } finally {
    await context.close();
  }
}

const dataDir = await seededDataDir(N, log);
log('building web console');
execSync('npx vite build -c vite.web.config.ts', { stdio: 'ignore' });
const web = await servePreview(WEB_PORT);
const browser = await launchChromium();
const totals: number[] = [];
const visible: number[] = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const server = await startServer(dataDir, SERVER_PORT, [web.url]);
    try {
      log(`run ${run}/${RUNS}: signing in and downloading`);
      const r = await bootstrap(browser, web.url, server.url);
      log(`run ${run}/${RUNS}: ${r.seconds.toFixed(1)} s (tickets visible at ${r.ticketsVisible.toFixed(1)} s)`);
      totals.push(r.seconds);
      visible.push(r.ticketsVisible);
    } finally {
      await server.stop();
    }
  }
  const setting = `${N} tickets plus their history events and notes, PGlite server, loopback, headless Chromium`;
  reportRuns('sync.bootstrap_100k_s', totals, 's', { op: '<', value: 10 }, setting);
  reportRuns(
    'sync.bootstrap_tickets_visible_s',
    visible,
    's',
    undefined,
    'no goal: the queue shows the tickets before their history has arrived',
  );
} finally {
  await browser.close();
  await web.stop();
}
