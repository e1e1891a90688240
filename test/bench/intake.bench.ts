// Phone intake in headless Chromium.
// intake.lookup_ms: one keystroke of caller lookup (src/domain/caller-lookup.ts)
// among 50,000 contacts holding about 75,000 numbers: numbers typed digit by
// digit as intake hears them ("913-555-0142", "(816) 555 …", "+1 …", "+44 …"),
// and partial queries (last 4, last 7, an area code and exchange). Per run, the
// median over the typed numbers of each number's mean time per keystroke (one
// keystroke is below the browser's 0.1 ms timer resolution, a number's dozen
// keystrokes are not); median of 7 runs. Also prints the slowest single
// keystroke, name queries, and the index's build time (intake.index_build_ms).
// Prints `name: value unit`. Run with `npm run bench intake`.
import { buildSync } from 'esbuild';
import type * as CallerLookupModule from '../../src/domain/caller-lookup';
import { launchChromium } from './chromium';
import { reportRuns } from './stats';

const CLIENTS = 5_000;
const CONTACTS = 50_000;
const RUNS = 7;
const BUILDS = 5;

const log = (m: string) => console.error(`[intake.bench] ${m}`);
const bundle = buildSync({
  entryPoints: ['src/domain/caller-lookup.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'CallerLookup',
  write: false,
  target: 'es2022',
}).outputFiles[0]!.text;

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle });
  // tsx names the functions declared inside page.evaluate with a helper the page does not have.
  await page.addScriptTag({ content: 'window.__name = (f) => f;' });
  log(`indexing ${CONTACTS} contacts of ${CLIENTS} clients`);
  const result = await page.evaluate(
    ({ clients, contacts, runs, builds }) => {
      const lib = (globalThis as unknown as { CallerLookup: typeof CallerLookupModule }).CallerLookup;
      // A regional MSP's directory: most numbers in a few area codes (so the first digits typed are common), the
      // rest spread; every client has a main line its contacts share at their extensions; one contact in three has
      // a direct line, one in two a mobile; a few numbers abroad.
      let seed = 42;
      const rand = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const home = ['913', '816', '913', '816', '913', '785'];
      const spread = ['312', '212', '415', '617', '303', '206', '404', '512', '602', '214', '305', '702', '503', '612', '919'];
      const usNumber = () => {
        const area = rand(3) > 0 ? home[rand(home.length)]! : spread[rand(spread.length)]!;
        return `+1${area}${200 + rand(800)}${String(rand(10_000)).padStart(4, '0')}`;
      };
      const abroad = () =>
        rand(2) ? `+4420${7000 + rand(3000)}${String(rand(10_000)).padStart(4, '0')}` : `+4930${100000 + rand(900000)}`;
      const mainLines = Array.from({ length: clients }, () => usNumber());
      const firsts = ['José', 'Ana', 'Dana', 'Priya', 'Tom', 'Aisha', 'Grace', 'Luis', 'Elena', 'Marcus', 'Renée', 'Søren'];
      const lasts = ['Okafor', 'Herrera', 'Natarajan', 'Becker', 'Rahman', 'Kowalski', 'Liu', 'Whitfield', 'Petrova', 'Reed', 'Núñez'];
      let numbers = 0;
      const candidates: CallerLookupModule.CallerCandidate[] = Array.from({ length: contacts }, (_, i) => {
        const phones: { e164: string; extension: string | null }[] = [];
        if (i % 3 === 0) phones.push({ e164: usNumber(), extension: null });
        else phones.push({ e164: mainLines[i % clients]!, extension: String(100 + (i % 900)) });
        if (i % 2 === 0) phones.push({ e164: i % 97 === 0 ? abroad() : usNumber(), extension: null });
        numbers += phones.length;
        const first = firsts[i % firsts.length]!;
        const last = lasts[(i * 5) % lasts.length]!;
        // One contact in ten has no email: found by phone alone.
        const emails = i % 10 === 0 ? [] : [`${first}.${last}${i}@client${i % clients}.example`.toLowerCase()];
        return { contactId: `k${i}`, clientId: `c${i % clients}`, name: `${first} ${last}-${i}`, phones, emails };
      });

      const buildMs: number[] = [];
      let index = lib.buildCallerIndex(candidates);
      for (let b = 0; b < builds; b++) {
        const t0 = performance.now();
        index = lib.buildCallerIndex(candidates);
        buildMs.push(performance.now() - t0);
      }

      // Queries as typed, keystroke by keystroke: stored numbers written the ways intake writes them.
      const national = (e164: string) => e164.slice(2);
      const pick = (k: number) => candidates[(k * 7919) % contacts]!.phones[0]!.e164;
      const typings: string[] = [];
      for (let k = 0; k < 12; k++) {
        const d = national(pick(k));
        const written = [
          `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
          `(${d.slice(0, 3)}) ${d.slice(3, 6)} ${d.slice(6)}`,
          `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
          `${d.slice(0, 3)}/${d.slice(3, 6)}-${d.slice(6)}`,
        ][k % 4]!;
        typings.push(written);
      }
      typings.push('+44 20 7946 0958', '020 7946 0958 x12', '913-555-0142 ext. 204');
      // Partial queries typed whole (their last keystroke is what counts, the earlier ones are typed too).
      for (let k = 20; k < 28; k++) {
        const d = national(pick(k));
        typings.push(d.slice(-4), `${d.slice(-7, -4)}-${d.slice(-4)}`, `${d.slice(0, 3)} ${d.slice(3, 6)}`);
      }
      const keystrokes = (typed: string) => Array.from({ length: typed.length }, (_, i) => typed.slice(0, i + 1));
      const names = ['jo', 'jos', 'jose', 'jose okafor', 'renee', 'SØREN', 'becker-12', 'whitf', 'client42.example', 'nobody'];

      // Warm up once: the first searches of a page pay for compiling the code.
      for (const t of [...typings, ...names]) for (const q of keystrokes(t)) index.find(q);
      const perRun: number[] = [];
      let slowest = { q: '', ms: 0 };
      let found = 0;
      let exact = 0;
      let total = 0;
      for (let r = 0; r < runs; r++) {
        let keys = 0;
        const s = performance.now();
        for (const t of typings) {
          const qs = keystrokes(t);
          for (const q of qs) {
            const k0 = performance.now();
            const hits = index.find(q);
            const ms = performance.now() - k0;
            if (ms > slowest.ms) slowest = { q, ms };
            found += hits.length;
            if (q === t && hits[0]?.exact) exact++;
          }
          keys += qs.length;
        }
        perRun.push((performance.now() - s) / keys);
        total += keys;
      }
      const n0 = performance.now();
      let nameKeys = 0;
      for (let r = 0; r < runs; r++)
        for (const t of names)
          for (const q of keystrokes(t)) {
            index.find(q);
            nameKeys++;
          }
      const nameMs = (performance.now() - n0) / nameKeys;
      return { buildMs, perRun, slowest, found, exact, total, size: index.size, numbers, typings: typings.length, nameMs };
    },
    { clients: CLIENTS, contacts: CONTACTS, runs: RUNS, builds: BUILDS },
  );
  if (result.found === 0) throw new Error('no query found anything: the benchmark measured nothing');
  log(
    `${result.size} contacts, ${result.numbers} numbers; ${result.typings} typed queries, ${result.total} keystrokes timed; ` +
      `${result.exact} whole numbers found exactly; slowest keystroke '${result.slowest.q}' ${result.slowest.ms.toFixed(2)} ms; ` +
      `names: ${result.nameMs.toFixed(2)} ms per keystroke`,
  );
  reportRuns(
    'intake.lookup_ms',
    result.perRun,
    'ms',
    { op: '<', value: 20 },
    `${CONTACTS} contacts, ${result.numbers} numbers; median over ${result.typings} numbers typed digit by digit of the mean per keystroke`,
  );
  reportRuns('intake.index_build_ms', result.buildMs, 'ms', undefined, `building the lookup index over ${CONTACTS} contacts`);
} finally {
  await browser.close();
}
