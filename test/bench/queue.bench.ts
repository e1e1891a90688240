// Queue benchmarks in headless Chromium against the web build, 100,000 tickets
// in real IndexedDB. Prints `name: value unit`. Run with `npm run bench`.
import { execSync } from 'node:child_process';
import { launchChromium, median, percentile, report, servePreview } from './chromium';

const N = Number(process.env.BENCH_TICKETS ?? 100_000);
// BENCH_PORT lets parallel runs (other worktrees, CI jobs) each serve on their own port.
const PORT = Number(process.env.BENCH_PORT ?? 4190);

const log = (m: string) => console.error(`[queue.bench] ${m}`);
log('building web console');
execSync('npx vite build -c vite.web.config.ts', { stdio: 'ignore' });
const server = await servePreview(PORT);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const db = `bench-${Date.now()}`;
  const url = `${server.url}/?db=${db}&demo=${N}`;

  log(`seeding ${N} tickets`);
  // store.bulk_insert_per_s: the first load seeds N tickets through the repository's bulk path.
  await page.goto(url);
  await page.waitForSelector('table[data-row-count]:not([data-row-count="0"])', { timeout: 300_000 });
  const bulk = await page.evaluate(() => {
    const m = performance.getEntriesByName('store:bulk-put')[0] as PerformanceMeasure;
    return { ms: m.duration, count: (m.detail as { count: number }).count };
  });
  const perSecond = Math.round(bulk.count / (bulk.ms / 1000));

  log('measuring first render');
  // queue.first_render_ms: navigation start to first rendered rows, with N tickets stored.
  const firstRender: number[] = [];
  const ticketsRead: number[] = [];
  const scriptStart: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(url);
    await page.waitForSelector('table[data-row-count]:not([data-row-count="0"])', { timeout: 60_000 });
    const marks = await page.evaluate(`({
      first: performance.getEntriesByName('queue:first-rows')[0].startTime,
      read: performance.getEntriesByName('store:tickets-read')[0].startTime,
      script: performance.getEntriesByType('navigation')[0].domInteractive,
      stages: ['queue:build-rows', 'queue:sort', 'queue:filter'].map((n) => n + ' ' + performance.getEntriesByName(n).map((e) => Math.round(e.duration)).join('/') + ' ms').join(', '),
    })`) as { first: number; read: number; script: number; stages: string };
    if (i === 4) console.error(`[queue.bench] stages on load: ${marks.stages}`);
    firstRender.push(marks.first);
    ticketsRead.push(marks.read);
    scriptStart.push(marks.script);
  }

  log('measuring filters');
  // queue.filter_ms: a filter change to the committed rows plus the next frame.
  const changes: Array<{ label: string; select?: string; value: string }> = [
    { label: 'status=open', select: 'Status', value: 'open' },
    { label: 'status=any', select: 'Status', value: 'any' },
    { label: 'status=closed', select: 'Status', value: 'closed' },
    { label: 'status=active', select: 'Status', value: 'active' },
    { label: 'priority=critical', select: 'Priority', value: 'critical' },
    { label: 'priority=any', select: 'Priority', value: 'any' },
    { label: 'text=printer', value: 'printer' },
    { label: 'text=vpn', value: 'vpn' },
    { label: 'text=', value: '' },
  ];
  const filterTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const change of changes) {
      const ms = await page.evaluate(async ({ select, value }) => {
        const table = document.querySelector('table[data-filter-signature]')!;
        const before = table.getAttribute('data-filter-signature');
        const done = new Promise<number>((resolve) => {
          const obs = new MutationObserver(() => {
            if (table.getAttribute('data-filter-signature') !== before) {
              obs.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            }
          });
          obs.observe(table, { attributes: true, attributeFilter: ['data-filter-signature'] });
        });
        const t0 = performance.now();
        if (select) {
          const label = [...document.querySelectorAll('.queue-filters label')].find((l) => l.querySelector('span')?.textContent === select)!;
          const el = label.querySelector('select')!;
          el.value = value;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        return (await done) - t0;
      }, change);
      filterTimes.push(ms);
    }
  }

  console.log(`# ${N} tickets in IndexedDB, headless Chromium, web build`);
  report('store.bulk_insert_per_s', perSecond, 'per_s', '>= 20000 per_s', perSecond >= 20_000);
  report('queue.first_render_ms', Math.round(median(firstRender)), 'ms', '< 1000 ms (median of 5 loads)', median(firstRender) < 1000);
  report('queue.filter_ms', Math.round(median(filterTimes)), 'ms', '< 100 ms (median of 27 changes)', median(filterTimes) < 100);
  console.log(`  first render breakdown (medians): page interactive ${Math.round(median(scriptStart))} ms, tickets read ${Math.round(median(ticketsRead))} ms, rows on screen ${Math.round(median(firstRender))} ms`);
  console.log(`  queue.filter_ms p95: ${Math.round(percentile(filterTimes, 95))} ms; first render runs: ${firstRender.map(Math.round).join(', ')} ms`);
} finally {
  await browser.close();
  server.stop();
}
