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
import { ApprovalsPanel } from './pages/approvals';
import { MyVisitsScreen } from './pages/my-visits';
import { serverVisit } from './pages/server-rows';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;
/** The demo technician with visits booked today (docs/domain/onsite-visits.md, "Demo data"). */
const TECH_EMAIL = 'priya.natarajan@example.com';

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
  const booked = screen
    .today()
    .getByTestId('my-visit')
    .filter({ has: desk.page.getByTestId('visit-stage').filter({ hasText: /^Scheduled/ }) })
    .first();
  await expect(booked).toBeVisible();
  const id = (await booked.getAttribute('data-visit-id'))!;
  const zone = (await booked.getAttribute('data-site-zone'))!;
  const estimateHours = Number(/(\d+) h onsite/.exec((await booked.textContent()) ?? '')?.[1]);
  expect(estimateHours).toBeGreaterThanOrEqual(1);
  await expect(booked.getByRole('heading', { level: 3 })).toContainText(`(${zone})`);
  expect(await seriousViolations(desk.page)).toEqual([]);

  await context.setOffline(true);
  await expect(desk.status).toHaveAttribute('data-connection', 'offline');
  const visit = screen.visit(id);

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
  await visit.root.getByRole('button', { name: 'Open the ticket' }).click();
  const approvals = new ApprovalsPanel(desk.page);
  const request_ = approvals.item(`The second switch failed too (${run})`);
  await request_.getByRole('button', { name: 'Record approval…' }).click();
  await request_.getByRole('form', { name: 'Record approval' }).getByRole('button', { name: 'Record approval' }).click();
  await approvals.expectHeld(`The second switch failed too (${run})`, 'Approved');
  await desk.page.keyboard.press('Escape');
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
