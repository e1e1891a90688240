// "My visits" (docs/domain/onsite-visits-technician.md): a demo technician with
// a visit booked today works it with no connection: checks in at the time they
// really arrived, is told to STOP once the estimate is used, asks for more time
// (which stays blocked after the client approves, until it is paid), records a
// note and a part, has a check-out before the check-in refused, checks out. A
// reload with the server out of reach keeps it all; back online it syncs and
// the server's row has the onsite minutes and the billed hours.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { SYNC_PORT } from '../../playwright.config';
import { MyVisitsScreen } from './pages/my-visits';
import { pushAs, serverVisit } from './pages/server-rows';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;
/** The demo technician with visits booked today (docs/domain/onsite-visits.md, "Demo data"). */
const TECH_EMAIL = 'priya.natarajan@example.com';
/** A scheduler: records the payments of visits. */
const SCHEDULER_EMAIL = 'jo.alvarez@example.com';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[data-testid="my-visits-screen"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A moment as the site's wall time, for a datetime-local field. */
const siteWall = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");

test('a visit worked offline (check in, STOP, more time, note and part, check out) syncs with its billed hours', async ({
  browser,
  request,
}) => {
  const run = Date.now().toString(36);
  const context = await browser.newContext({ timezoneId: 'America/Chicago' });
  const desk = await SyncDesk.open(context, SERVER, `my-visits-${run}`);
  await desk.signIn(TECH_EMAIL);
  const screen = new MyVisitsScreen(desk.page);
  await screen.open();
  const { card: visit, id, zone, estimateHours } = await screen.bookedToday();
  await expect(visit.root.getByRole('heading', { level: 3 })).toContainText(`(${zone})`);
  expect(await seriousViolations(desk.page)).toEqual([]);

  await context.setOffline(true);
  await expect(desk.status).toHaveAttribute('data-connection', 'offline');

  // They forgot to press it on arrival: the estimate and five minutes ago, so the authorized time is already past.
  const arrivedMs = Date.now() - (estimateHours * 60 + 5) * 60_000;
  await visit.checkAt('in', siteWall(arrivedMs, zone));
  await expect(visit.stage()).toHaveText(/^Onsite/);
  const stop = visit.root.getByTestId('stop-banner');
  await expect(stop).toContainText('STOP: the authorized time ended at');
  await expect(visit.root.getByTestId('clock-billed-hours')).toHaveText(String(estimateHours + 1));
  expect(await seriousViolations(desk.page)).toEqual([]);

  // More time: asked, then approved by the client on the ticket; still stopped until it is paid.
  await visit.askForMoreTime('1', `The second switch failed too (${run})`);
  await expect(visit.root.getByTestId('authorization')).toContainText("Waiting for the client's approval.");
  await expect(stop).toContainText("Waiting for the client's approval.");
  await expect(visit.stage()).toHaveText(/waiting for more time/);
  await visit.approveOnTicket(`The second switch failed too (${run})`);
  await expect(visit.root.getByTestId('authorization')).toContainText('Approved, waiting for payment.');
  await expect(stop).toContainText('Approved, waiting for payment.');

  // A check-out before the check-in is refused by the field; nothing is recorded.
  const early = await visit.checkAt('out', siteWall(arrivedMs - 10 * 60_000, zone));
  await expect(early.getByRole('alert')).toHaveText('Check-out is before check-in: give the time you left, after the time you arrived.');
  await expect(visit.stage()).toHaveText(/^Onsite/);

  await visit.recordWork(`Replaced the core switch (${run}).`, { description: 'Patch cable 1 m', quantity: '12' });
  await visit.checkOutNow();
  await expect(visit.stage()).toHaveText(/^Completed/);
  const minutes = Number(await visit.root.getByTestId('done-minutes').textContent());
  expect(minutes).toBeGreaterThanOrEqual(estimateHours * 60 + 5);
  await expect(visit.root.getByTestId('done-billed-hours')).toHaveText(String(estimateHours + 1));
  await expect(desk.status).not.toHaveAttribute('data-pending', '0');

  // A reload while the server is out of reach: the desk's store keeps everything.
  await context.route(`${SERVER}/**`, (route) => route.abort());
  await context.setOffline(false);
  await desk.page.reload();
  await expect(desk.page.getByRole('dialog', { name: 'Sign in to sync' })).toBeVisible();
  await desk.page.keyboard.press('Escape');
  await screen.open();
  await expect(visit.stage()).toHaveText(/^Completed/);
  await expect(visit.root.getByTestId('done-minutes')).toHaveText(String(minutes));
  await expect(visit.root.getByLabel('Work notes')).toHaveValue(`Replaced the core switch (${run}).`);
  await expect(visit.root.getByLabel('Part 1 quantity')).toHaveValue('12');

  // Back online: it syncs, and the server computed the same minutes and billed hours from the two instants.
  await context.unroute(`${SERVER}/**`);
  await desk.page.reload();
  await desk.signIn(TECH_EMAIL);
  const row = await serverVisit(request, SERVER, TECH_EMAIL, id);
  expect(row?.status).toBe('completed');
  expect(row?.onsiteMinutes).toBe(minutes);
  expect(row?.billedHours).toBe(estimateHours + 1);
  expect(row?.workNotes).toBe(`Replaced the core switch (${run}).`);
  expect(row?.parts).toEqual([{ description: 'Patch cable 1 m', quantity: 12 }]);
  expect(row?.authorizations.map((a) => a.hours)).toEqual([1]);
  await context.close();
});

test('more time lifts the STOP only once the client has approved it and it is paid', async ({ browser, request }) => {
  const run = Date.now().toString(36);
  const reason = `Cable run is longer than surveyed (${run})`;
  const context = await browser.newContext({ timezoneId: 'America/Chicago' });
  const desk = await SyncDesk.open(context, SERVER, `my-visits-more-${run}`);
  await desk.signIn(TECH_EMAIL);
  const screen = new MyVisitsScreen(desk.page);
  await screen.open();
  const { card: visit, id, zone, estimateHours } = await screen.bookedToday();
  const arrivedMs = Date.now() - (estimateHours * 60 + 5) * 60_000;
  await visit.checkAt('in', siteWall(arrivedMs, zone));
  const stop = visit.root.getByTestId('stop-banner');
  await expect(stop).toBeVisible();

  await visit.askForMoreTime('2', reason);
  await expect(stop).toContainText("Waiting for the client's approval.");
  await visit.approveOnTicket(reason);
  await expect(stop).toContainText('Approved, waiting for payment.');
  await desk.waitSynced();

  // The scheduler takes the payment for the two hours (from their own desk; here straight to the server).
  const onServer = await serverVisit(request, SERVER, SCHEDULER_EMAIL, id);
  const asked = onServer?.authorizations.find((a) => a.reason === reason);
  expect(asked?.hours).toBe(2);
  const result = await pushAs(request, SERVER, SCHEDULER_EMAIL, 'recordVisitPayment', {
    id,
    paymentId: crypto.randomUUID(),
    authorizationId: asked!.id,
    amountCents: asked!.amountCents,
    method: 'card_by_phone',
    reference: `MORE-${run}`,
  });
  expect(result).toMatchObject({ status: 'applied' });

  // The desk hears of it: the stop lifts, and the work may go on to check-in + estimate + 2 h, at the site.
  await expect(stop).toHaveCount(0, { timeout: 30_000 });
  const checkedInMs = Date.parse(onServer!.checkedInAt!);
  const until = DateTime.fromMillis(checkedInMs + (estimateHours + 2) * 3_600_000, { zone });
  await expect(visit.root.getByTestId('authorization')).toHaveText(new RegExp(`Authorized: continue until ${until.toFormat('HH:mm')} `));
  await expect(visit.root.getByTestId('authorized-until')).toContainText(`${until.toFormat('HH:mm')} `);
  await expect(visit.root.getByTestId('authorized-until')).toContainText('min left');
  await expect(visit.stage()).toHaveText(/^Onsite/);
  await context.close();
});
