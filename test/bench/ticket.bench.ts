// ticket.open_ms in headless Chromium against the web build: from Enter on a
// queue row to the ticket view with a 500-entry timeline rendered (the React
// commit that puts it on screen, and the frame after it), with 100,000 tickets
// stored. The ticket's notes and events are written straight into the store's
// timeline index, in a bucket as full as a 100,000-ticket workspace makes it
// (~1,400 other tickets' records). Run with `npm run bench ticket`.
import { execSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { bucketOf } from '../../src/data/ticket-buckets';
import { launchChromium, servePreview } from './chromium';
import { reportRuns } from './stats';

const N = Number(process.env.BENCH_TICKETS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const RUNS = 7;
const TIMELINE = 500;
/** Notes and events of other tickets that share the bucket: ~3.5 records a ticket over 256 buckets. */
const NEIGHBOURS = Math.round((N * 3.5) / 256);

const log = (m: string) => console.error(`[ticket.bench] ${m}`);
log('building web console');
execSync('npx vite build -c vite.web.config.ts', { stdio: 'ignore' });
const server = await servePreview(PORT);
const browser = await launchChromium();

const uuid = (n: number, tail: string) => `019a0000-0000-7000-8000-${tail}${String(n).padStart(12 - tail.length, '0')}`;

function timelineRows(ticketId: string): unknown[] {
  const at = (i: number) => new Date(Date.parse('2026-03-02T14:00:00Z') + i * 60_000).toISOString();
  const author = uuid(1, 'f');
  const rows: unknown[] = [];
  for (let i = 0; i < TIMELINE; i++) {
    if (i % 5 < 2) {
      rows.push({
        entity: 'note',
        id: uuid(i, 'a'),
        ticketId,
        kind: i % 2 ? 'internal_note' : 'public_reply',
        authorId: author,
        body: `Note ${i}: checked the switch and the patch panel again.`,
        performedAt: at(i),
        recordedAt: at(i),
      });
    } else {
      const status = ['open', 'on_hold', 'awaiting_reply'][i % 3];
      rows.push(
        i === 2
          ? { entity: 'ticket_event', id: uuid(i, 'b'), ticketId, type: 'opened', at: at(i), priority: 'high', status: 'new' }
          : { entity: 'ticket_event', id: uuid(i, 'b'), ticketId, type: 'status_changed', at: at(i), status },
      );
    }
  }
  for (let i = 0; i < NEIGHBOURS; i++) {
    rows.push({ entity: 'ticket_event', id: uuid(i, 'c'), ticketId: uuid(i, 'd'), type: 'status_changed', at: at(i), status: 'open' });
  }
  return rows;
}

async function putBucket(page: Page, db: string, bucket: { id: number; rows: unknown[] }): Promise<void> {
  await page.evaluate(
    ([name, record]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('timelineBuckets', 'readwrite');
          tx.objectStore('timelineBuckets').put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [db, bucket] as const,
  );
}

/** Presses Enter on the selected row; resolves with ms from the keydown to the frame after the timeline's commit. */
async function openSelected(page: Page, ticketId: string): Promise<number> {
  const measuring = page.evaluate(
    ([id, count]) =>
      new Promise<number>((resolve) => {
        let start = 0;
        window.addEventListener('keydown', (e) => e.key === 'Enter' && (start ||= e.timeStamp), { capture: true, once: true });
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const detail = (entry as PerformanceMark).detail as { ticketId: string; count: number } | null;
            if (detail?.ticketId !== id || detail.count < count) continue;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
          }
        });
        observer.observe({ type: 'mark' });
      }),
    [ticketId, TIMELINE] as const,
  );
  await page.waitForTimeout(50);
  await page.keyboard.press('Enter');
  return measuring;
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const db = `ticket-bench-${Date.now()}`;
  log(`seeding ${N} tickets`);
  await page.goto(`${server.url}/?db=${db}&demo=${N}`);
  const grid = 'table[data-row-count][aria-busy="false"]:not([data-row-count="0"])';
  await page.waitForSelector(grid, { timeout: 300_000 });
  const ticketId = (await page.locator('tbody tr').first().getAttribute('data-ticket-id'))!;
  await putBucket(page, db, { id: bucketOf(ticketId), rows: timelineRows(ticketId) });

  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${server.url}/?db=${db}&demo=${N}`);
    await page.waitForSelector(grid, { timeout: 60_000 });
    await page.locator(`tbody tr[data-ticket-id="${ticketId}"]`).click();
    runs.push(await openSelected(page, ticketId));
    const shown = await page.getByTestId('timeline').getAttribute('data-count');
    if (i === 0) log(`timeline entries on screen: ${shown}`);
  }
  reportRuns('ticket.open_ms', runs, 'ms', { op: '<', value: 150 }, `${RUNS} opens, ${N} tickets, ${TIMELINE}-record timeline`);
} finally {
  await browser.close();
  await server.stop();
}
