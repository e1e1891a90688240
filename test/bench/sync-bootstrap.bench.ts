// sync.bootstrap_100k_s: a fresh console in headless Chromium signs in and
// downloads a 100,000-ticket workspace (with its history events and notes)
// from the server into IndexedDB, until it is online with nothing pending.
// Also prints when the 100,000 tickets showed in the queue (the snapshot
// stores tickets before their history). Prints `name: value unit`.
// Measured through Playwright, whose DevTools network tracking copies every
// response body: a plain Chromium receives the same bytes about twice as fast.
import { execSync } from 'node:child_process';
import { launchChromium, report, servePreview } from './chromium';
import { seededDataDir, startServer } from './sync-server';

const N = Number(process.env.BENCH_TICKETS ?? 100_000);
const log = (m: string) => console.error(`[sync-bootstrap.bench] ${m}`);

const dataDir = await seededDataDir(N, log);
log('building web console');
execSync('npx vite build -c vite.web.config.ts', { stdio: 'ignore' });
const WEB_PORT = Number(process.env.BENCH_WEB_PORT ?? 4194);
const server = await startServer(dataDir, Number(process.env.BENCH_SERVER_PORT ?? 8797), [`http://127.0.0.1:${WEB_PORT}`]);
const web = await servePreview(WEB_PORT);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${web.url}/?db=boot-${Date.now()}&server=${encodeURIComponent(server.url)}`);
  const dialog = page.getByRole('dialog', { name: 'Sign in to sync' });
  await dialog.getByLabel('Email').fill('priya.natarajan@example.com');
  await dialog.getByLabel('Password').fill('switchboard-demo');
  log('signing in and downloading');
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
      page.locator('.initial-sync progress').getAttribute('value', { timeout: 100 }).catch(() => null),
      page.locator('.sync-error').textContent({ timeout: 100 }).catch(() => null),
    ]);
    if (count === expected) ticketsVisible ??= (Date.now() - t0) / 1000;
    if (count === expected && connection === 'online' && pending === '0') break;
    if (Date.now() - lastLogged > 5000) {
      log(`${Math.round((Date.now() - t0) / 1000)} s: ${count}; received ${progress ?? '-'} records; ${connection}${error ? `; error: ${error}` : ''}`);
      lastLogged = Date.now();
    }
    if (Date.now() - t0 > 600_000) throw new Error('bootstrap did not finish in 10 minutes');
    await page.waitForTimeout(100);
  }
  const seconds = (Date.now() - t0) / 1000;
  console.log(`# ${N} tickets plus their history events and notes, PGlite server, loopback, headless Chromium`);
  report('sync.bootstrap_100k_s', seconds, 's', '< 15 s', seconds < 15);
  console.log(`sync.bootstrap_tickets_visible_s: ${ticketsVisible!.toFixed(1)} s`);
} finally {
  await browser.close();
  web.stop();
  server.stop();
}
