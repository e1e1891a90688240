// Client search in headless Chromium: the Clients screen's name index
// (src/app/clients/name-index.ts) over 5,000 clients and 50,000 contacts,
// answering a partial name (case and accents folded) as the person types it.
// clients.search_ms: one search, the mean over a set of queries (client and
// contact names, 2 to 12 characters, some matching nothing), per run.
// Prints `name: value unit`. Run with `npm run bench clients`.
import type * as NameIndexModule from '../../src/app/clients/name-index';
import { bundleForPage, launchChromium } from './chromium';
import { reportRuns } from './stats';

const CLIENTS = 5_000;
const CONTACTS = 50_000;
const RUNS = 7;

const log = (m: string) => console.error(`[clients.bench] ${m}`);
const bundle = bundleForPage('src/app/clients/name-index.ts', 'NameIndex');

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle });
  log(`indexing ${CLIENTS} clients and ${CONTACTS} contacts`);
  const result = await page.evaluate(
    ({ clients, contacts, runs }) => {
      const lib = (globalThis as unknown as { NameIndex: typeof NameIndexModule }).NameIndex;
      // Names built from word lists, accents included, so queries hit many names and some hit none.
      const words = [
        'Harbor',
        'Prairie',
        'Lakeside',
        'Beacon',
        'Hudson',
        'Northgate',
        'Pacific',
        'Redwood',
        'Café',
        'Zoë',
        'Ångström',
        'Müller',
      ];
      const kinds = [
        'Dental',
        'Logistics',
        'Family Law',
        'Architects',
        'Credit Union',
        'Veterinary',
        'School',
        'Bistro',
        'Clinic',
        'Partners',
      ];
      const firsts = ['José', 'Ana', 'Dana', 'Priya', 'Tom', 'Aisha', 'Grace', 'Luis', 'Elena', 'Marcus', 'Renée', 'Søren'];
      const lasts = ['Okafor', 'Herrera', 'Natarajan', 'Becker', 'Rahman', 'Kowalski', 'Liu', 'Whitfield', 'Petrova', 'Reed', 'Núñez'];
      const clientRows = Array.from({ length: clients }, (_, i) => ({
        id: `c${i}`,
        name: `${words[i % words.length]} ${kinds[(i * 7) % kinds.length]} ${i}`,
      }));
      const contactRows = Array.from({ length: contacts }, (_, i) => ({
        id: `k${i}`,
        clientId: `c${i % clients}`,
        name: `${firsts[i % firsts.length]} ${lasts[(i * 5) % lasts.length]}-${i}`,
      }));
      const entries = lib.nameEntries(clientRows, contactRows);
      const t0 = performance.now();
      const index = lib.buildNameIndex(entries);
      const buildMs = performance.now() - t0;
      const queries = [
        'ha',
        'harb',
        'HARBOR den',
        'cafe',
        'zoe bis',
        'angstr',
        'muller part',
        'dental 42',
        'credit union 4999',
        'jose',
        'nunez',
        'priya nata',
        'soren',
        'whitf',
        'rahman-1234',
        'xylophone',
        'qq',
        'renee okafor',
        'logist',
        'pacific s',
      ];
      // Warm up once: the first search of a page pays for compiling the code.
      for (const q of queries) index.search(q);
      const perRun: number[] = [];
      let slowest = { q: '', ms: 0 };
      let found = 0;
      for (let r = 0; r < runs; r++) {
        let total = 0;
        for (const q of queries) {
          const s = performance.now();
          found += index.search(q).length;
          const ms = performance.now() - s;
          total += ms;
          if (ms > slowest.ms) slowest = { q, ms };
        }
        perRun.push(total / queries.length);
      }
      return { buildMs, perRun, slowest, found, size: index.size };
    },
    { clients: CLIENTS, contacts: CONTACTS, runs: RUNS },
  );
  if (result.found === 0) throw new Error('no query found anything: the benchmark measured nothing');
  log(
    `index of ${result.size} names built in ${result.buildMs.toFixed(0)} ms; slowest single search: '${result.slowest.q}' ${result.slowest.ms.toFixed(2)} ms`,
  );
  reportRuns(
    'clients.search_ms',
    result.perRun,
    'ms',
    { op: '<', value: 20 },
    `${CLIENTS} clients + ${CONTACTS} contacts, mean of 20 queries per run`,
  );
} finally {
  await browser.close();
}
