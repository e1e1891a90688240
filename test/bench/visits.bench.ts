// Onsite visits on the scheduling board.
// visits.board_render_ms: a week of 50 technicians and 2,000 booked visits drawn
// by the board (src/app/board: the model built from the data, then BoardGrid
// rendered with the console's stylesheet) in headless Chromium, from the data
// being ready to the frame after paint; each run in a fresh page; median of 7.
// visits.conflict_check_ms: placing one visit against 100,000 existing bookings
// with BookingIndex (src/domain/visit-schedule.ts): the mean time of 2,000
// placements per run, median of 7 runs; the index's build time is its own
// figure (visits.conflict_index_build_ms).
// Prints `name: value unit`. Run with `npm run bench visits`.
import { readFileSync } from 'node:fs';
import type * as BoardPageModule from './board-page';
import type { Client } from '../../src/domain/client';
import type { StaffMember } from '../../src/domain/ticket';
import { BookingIndex, type Booking } from '../../src/domain/visit-schedule';
import type { VisitRecord } from '../../src/protocol/records';
import { bundleForPage, launchChromium } from './chromium';
import { median, reportRuns, type Goal } from './stats';

const TECHNICIANS = 50;
const VISITS = 2_000;
const CLIENTS = 40;
const RUNS = 7;
const BOOKINGS = 100_000;
const PLACEMENTS = 2_000;
const ZONE = 'America/Chicago';
// Monday 7 December 2026, 00:00 in Chicago.
const WEEK_START_MS = Date.parse('2026-12-07T06:00:00Z');

const log = (m: string) => console.error(`[visits.bench] ${m}`);
let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const uuid = (kind: number, i: number) => `00000000-0000-4000-8${kind}00-${String(i).padStart(12, '0')}`;

function workspace(): { visits: VisitRecord[]; staff: StaffMember[]; clients: Client[] } {
  const staff: StaffMember[] = Array.from({ length: TECHNICIANS + 10 }, (_, i) => ({
    id: uuid(1, i),
    name: `Technician ${String(i).padStart(2, '0')}`,
    // Ten others (intake, leads) who are not on the board.
    role: i < TECHNICIANS ? (i % 5 === 0 ? 'engineer' : 'technician') : 'intake',
    active: true,
  }));
  const zones = ['America/Chicago', 'America/New_York', 'America/Denver', 'America/Los_Angeles'];
  const clients = Array.from({ length: CLIENTS }, (_, c) => ({
    id: uuid(2, c),
    name: `Client ${c}`,
    timeZone: zones[c % zones.length]!,
    sites: Array.from({ length: 3 }, (_, s) => ({
      id: uuid(3, c * 3 + s),
      name: `Site ${s + 1}`,
      address: `${100 + s} Main St`,
      timeZone: zones[(c + s) % zones.length]!,
      // One site in seven has no coordinates: its legs say "travel unknown".
      location: (c * 3 + s) % 7 === 0 ? null : { latitude: 38.9 + rand(100) / 100, longitude: -94.9 + rand(100) / 100 },
    })),
    maintenanceWindow: { weekdays: ['sat'], from: '22:00', to: '24:00' },
  })) as unknown as Client[];
  // 40 visits a technician over the week: 5 or 6 a day, 1–3 hours, with gaps that are sometimes too short for the drive.
  const visits: VisitRecord[] = [];
  for (let t = 0; t < TECHNICIANS; t++) {
    let at = 0;
    for (let k = 0; k < VISITS / TECHNICIANS; k++) {
      // Six a day from 07:00, so every visit starts inside the week.
      if (k % 6 === 0) at = WEEK_START_MS + (k / 6) * 86_400_000 + 7 * 3_600_000;
      const hours = 1 + rand(2);
      const client = clients[rand(CLIENTS)]!;
      const site = client.sites[rand(3)]!;
      const startsAt = new Date(at).toISOString();
      const endsAt = new Date(at + hours * 3_600_000).toISOString();
      visits.push({
        id: uuid(4, visits.length),
        clientId: client.id,
        siteId: site.id,
        technicianId: staff[t]!.id,
        startsAt,
        endsAt,
        status: 'scheduled',
        needsDowntime: k % 9 === 0,
        scope: 'Replace the core switch',
        estimateHours: hours,
        bookingRefusal:
          k % 50 === 0
            ? { reason: 'Technician taken', technicianId: staff[t]!.id, startsAt, attemptedBy: staff[0]!.id, refusedAt: startsAt }
            : null,
      } as unknown as VisitRecord);
      at += (hours * 60 + 15 * rand(6)) * 60_000;
    }
  }
  return { visits, staff, clients };
}

/**
 * Draws the week in a board `heightPx` tall. The console's board shows the
 * rows that fit (about five at 900 px) and draws the others as they scroll in;
 * a board tall enough for every row measures drawing all 50 at once.
 */
async function boardRender(heightPx: number, name: string, goal: Goal | undefined): Promise<void> {
  const data = workspace();
  const bundle = bundleForPage('test/bench/board-page.tsx', 'BoardPage');
  const css = readFileSync('src/app/styles.css', 'utf8');
  const browser = await launchChromium();
  try {
    const runs: number[] = [];
    let drawn = { technicians: 0, chips: 0, rows: 0, chipsInDom: 0 };
    for (let r = 0; r <= RUNS; r++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: Math.max(1000, heightPx + 100) }, timezoneId: ZONE });
      await page.setContent(
        `<!doctype html><html><head><style>${css}</style></head><body><div class="board" style="height: ${heightPx}px"><div class="board-body"><div class="board-scroll" id="root"></div></div></div></body></html>`,
      );
      // React picks its production build from process.env, which a page does not have.
      await page.addScriptTag({ content: 'window.process = { env: { NODE_ENV: "production" } }; window.__name = (f) => f;' });
      await page.addScriptTag({ content: bundle });
      const result = await page.evaluate(
        async ({ data, anchorMs, zone }) => {
          const lib = (globalThis as unknown as { BoardPage: typeof BoardPageModule }).BoardPage;
          const container = document.getElementById('root')!;
          // In the console React and the board's code have already run (other screens, an earlier week) when a
          // week is drawn: a small board first, so the figure is the drawing, not the page's first compile.
          lib.renderBoard(container, { ...data, visits: data.visits.slice(0, 20), anchorMs, zone });
          lib.clearBoard();
          performance.clearMeasures();
          const start = performance.now();
          const counts = lib.renderBoard(container, { ...data, anchorMs, zone });
          const ms = await new Promise<number>((resolve) =>
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start))),
          );
          const measure = (name: string) => performance.getEntriesByName(name)[0]?.duration ?? -1;
          return {
            ms,
            modelMs: measure('board:model'),
            renderMs: measure('board:render'),
            ...counts,
            rows: container.querySelectorAll('[data-testid="board-row"]').length,
            chipsInDom: container.querySelectorAll('[data-testid="board-visit"]').length,
          };
        },
        { data, anchorMs: WEEK_START_MS + 86_400_000, zone: ZONE },
      );
      await page.close();
      drawn = result;
      // The first page pays for the browser's own warm-up (fonts, first compile of React's code in this process).
      if (r > 0) runs.push(result.ms);
      else log(`warm-up page: ${result.ms.toFixed(0)} ms`);
      log(
        `run ${r}: model ${result.modelMs.toFixed(0)} ms, React render+commit ${result.renderMs.toFixed(0)} ms, total ${result.ms.toFixed(0)} ms`,
      );
    }
    const allRows = heightPx > 900;
    if (allRows && (drawn.rows !== TECHNICIANS || drawn.chipsInDom !== VISITS))
      throw new Error(`${name}: drew ${drawn.rows} rows and ${drawn.chipsInDom} visits, not the whole board: make the board taller`);
    if (drawn.chips !== VISITS || drawn.technicians !== TECHNICIANS || drawn.rows === 0 || drawn.chipsInDom === 0)
      throw new Error(
        `the board placed ${drawn.chips} visits of ${drawn.technicians} technicians and drew ${drawn.rows} rows: not the week it was given`,
      );
    log(`${drawn.technicians} technicians, ${drawn.chips} visits placed; ${drawn.rows} rows and ${drawn.chipsInDom} visits in view drawn`);
    reportRuns(
      name,
      runs,
      'ms',
      goal,
      `${TECHNICIANS} technicians × 7 days, ${VISITS} visits; model built, ${drawn.rows} rows rendered and painted, each in a fresh page`,
    );
  } finally {
    await browser.close();
  }
}

function conflictCheck(): void {
  const technicians = 50;
  const bookings: Booking[] = [];
  // 2,000 back-to-back one-to-three-hour bookings per technician: a couple of years of work each.
  for (let t = 0; t < technicians; t++) {
    let at = WEEK_START_MS;
    for (let k = 0; k < BOOKINGS / technicians; k++) {
      const hours = 1 + rand(3);
      bookings.push({ visitId: `v${t}-${k}`, technicianId: `t${t}`, startMs: at, endMs: at + hours * 3_600_000 });
      at += (hours * 60 + 15 * (1 + rand(8))) * 60_000;
    }
  }
  const buildMs: number[] = [];
  let index = new BookingIndex(bookings);
  for (let b = 0; b < 5; b++) {
    const t0 = performance.now();
    index = new BookingIndex(bookings);
    buildMs.push(performance.now() - t0);
  }
  const span = bookings[bookings.length - 1]!.endMs - WEEK_START_MS;
  const slots = Array.from({ length: PLACEMENTS }, () => {
    const startMs = WEEK_START_MS + Math.floor(rand(span / 900_000)) * 900_000;
    return { technicianId: `t${rand(technicians)}`, startMs, endMs: startMs + (1 + rand(3)) * 3_600_000 };
  });
  let clashes = 0;
  for (const s of slots) clashes += index.overlapping(s.technicianId, s.startMs, s.endMs).length; // warm-up
  const perRun: number[] = [];
  let slowest = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (const s of slots) {
      const p0 = performance.now();
      index.overlapping(s.technicianId, s.startMs, s.endMs);
      slowest = Math.max(slowest, performance.now() - p0);
    }
    perRun.push((performance.now() - t0) / slots.length);
  }
  if (clashes === 0) throw new Error('no placement clashed with a booking: the benchmark checked nothing');
  log(
    `${BOOKINGS} bookings of ${technicians} technicians; ${PLACEMENTS} placements, ${clashes} clashes found; slowest ${slowest.toFixed(3)} ms`,
  );
  // What the desk's repository does per booking: an index over the technician's own bookings, then the check.
  const theirs = bookings.filter((b) => b.technicianId === 't0');
  const repoMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) new BookingIndex(theirs).overlapping('t0', slots[k]!.startMs, slots[k]!.endMs);
    repoMs.push((performance.now() - t0) / 100);
  }
  log(
    `the repository's path (an index of one technician's ${theirs.length} bookings, then the check): median ${median(repoMs).toFixed(3)} ms`,
  );
  const micro = median(perRun) * 1000;
  reportRuns(
    'visits.conflict_check_ms',
    perRun,
    'ms',
    { op: '<', value: 5 },
    `one placement against ${BOOKINGS} bookings, mean of ${PLACEMENTS}: ${micro.toFixed(2)} µs`,
  );
  reportRuns('visits.conflict_index_build_ms', buildMs, 'ms', undefined, `building BookingIndex over ${BOOKINGS} bookings`);
}

conflictCheck();
await boardRender(900, 'visits.board_render_ms', { op: '<', value: 200 });
// Every row at once (no goal): what the board would cost if all 50 technicians' weeks were in view; the board draws the rows in view.
await boardRender(60_000, 'visits.board_render_all_rows_ms', undefined);
