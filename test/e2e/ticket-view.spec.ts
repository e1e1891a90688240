// The ticket view against the sync server: a technician replies (the first
// response clock shows met), puts the ticket on hold, resumes, closes it with a
// resolution note and reopens it, online and then offline; a second desk sees
// the result. Time is moved with Playwright's clock, never waited for.
import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';
import { TicketView } from './pages/ticket-view';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

async function openTicket(desk: SyncDesk, title: string): Promise<TicketView> {
  await desk.search(title);
  await desk.queue.row(title).click();
  await desk.page.keyboard.press('Enter');
  const view = new TicketView(desk.page);
  await expect(view.root.getByRole('heading', { name: title })).toBeVisible();
  return view;
}

/** Reply, hold, resume, close with a note, reopen: each visible in the view and its timeline. */
async function workTheTicket(view: TicketView) {
  await view.page.keyboard.press('r');
  await view.root.getByRole('button', { name: 'Send reply' }).click();
  await expect(view.root.getByRole('alert')).toContainText('the note is empty');
  await expect(view.entry('public_reply')).toHaveCount(0);

  await view.root.getByLabel('Reply to the customer').fill('');
  await view.reply('We are on it: a technician will call you in 10 minutes.');
  await expect(view.firstResponse).toHaveAttribute('data-state', 'met');
  await expect(view.firstResponse).toContainText('Met');
  await expect(view.entry('public_reply')).toContainText('a technician will call you');

  await view.setStatus('On-Hold');
  await view.setStatus('Open');
  await view.close('Replaced the failed PoE switch in the server room.');
  await expect(view.entry('resolution')).toContainText('Replaced the failed PoE switch');
  await view.reopen('The customer reports the phones dropped again.');
  await expect(view.entry('reopening')).toContainText('phones dropped again');
}

async function checkOnOtherDesk(desk: SyncDesk, title: string) {
  await desk.search(title);
  await expect(desk.queue.row(title)).toBeVisible({ timeout: 15_000 });
  const view = await openTicket(desk, title);
  await expect(view.status).toHaveText('Open', { timeout: 15_000 });
  await expect(view.firstResponse).toHaveAttribute('data-state', 'met');
  await expect(view.entry('resolution')).toContainText('Replaced the failed PoE switch', { timeout: 15_000 });
  await expect(view.entry('reopening')).toContainText('phones dropped again');
  await expect(view.timeline.locator('li[data-kind="status"]')).toHaveCount(4);
  // The events came from the server with who did them: the other desk names the technician.
  await expect(view.entry('opened')).toContainText('by Priya Natarajan');
  await expect(view.timeline.locator('li[data-kind="status"]').first()).toContainText('by Priya Natarajan');
}

test('a technician works a ticket online and offline in the ticket view; a second desk sees the result', async ({ browser }) => {
  const run = Date.now().toString(36);
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  await ctxA.clock.install();
  const a = await SyncDesk.open(ctxA, SERVER, `view-a-${run}`);
  const b = await SyncDesk.open(ctxB, SERVER, `view-b-${run}`);
  await a.signIn('priya.natarajan@example.com');
  await b.signIn('tom.becker@example.com');

  // Critical on the four-tier contract: one hour around the clock, so its clock runs at any hour.
  const online = `Phones down ${run}`;
  await a.createTicket('Harbor Dental Group', online, 'Critical');
  const view = await openTicket(a, online);
  await expect(view.firstResponse).toHaveAttribute('data-state', 'on_target');
  const start = Date.now();
  await ctxA.clock.pauseAt(start + 5_000);
  const before = await view.firstResponse.locator('.sla-reading').textContent();
  await ctxA.clock.runFor(3_000);
  await expect(view.firstResponse.locator('.sla-reading')).not.toHaveText(before ?? '');
  await ctxA.clock.resume();

  await workTheTicket(view);
  await a.waitSynced();
  await checkOnOtherDesk(b, online);

  // The same work offline: queued on desk A, then synced, then seen on desk B.
  const offline = `Printer offline ${run}`;
  await a.page.keyboard.press('Escape');
  await a.createTicket('Harbor Dental Group', offline, 'Critical');
  await a.waitSynced();
  await ctxA.setOffline(true);
  await expect(a.status).toHaveAttribute('data-connection', 'offline');
  await workTheTicket(await openTicket(a, offline));
  await expect(a.status).not.toHaveAttribute('data-pending', '0');
  await ctxA.setOffline(false);
  await a.waitSynced();
  await b.page.keyboard.press('Escape');
  await checkOnOtherDesk(b, offline);

  await ctxA.close();
  await ctxB.close();
});
