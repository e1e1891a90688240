import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

test('two desks on one server: one works offline, both converge when it reconnects', async ({ browser }) => {
  const run = Date.now().toString(36);
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await SyncDesk.open(ctxA, SERVER, `desk-a-${run}`);
  const b = await SyncDesk.open(ctxB, SERVER, `desk-b-${run}`);
  await a.signIn('priya.natarajan@example.com');
  await b.signIn('tom.becker@example.com');
  // The initial download brought the demo workspace to both desks.
  expect(await a.queue.rowCount()).toBeGreaterThan(0);
  expect(await b.queue.rowCount()).toBe(await a.queue.rowCount());

  // Desk A loses the network and keeps working.
  await ctxA.setOffline(true);
  await expect(a.status).toHaveAttribute('data-connection', 'offline');
  await a.createTicket('Harbor Dental Group', `Offline ticket ${run}`, 'High');
  await expect(a.page.getByTestId('sync-pending')).toHaveText('1 change waiting to sync');
  await a.search(`offline ticket ${run}`);
  await expect(a.queue.row(`Offline ticket ${run}`)).toBeVisible();

  // Desk B edits at the same time, online.
  await b.createTicket('Pacific Crest Logistics', `Online ticket ${run}`, 'P1');
  await b.waitSynced();

  // A reconnects: its outbox drains and it pulls B's ticket.
  await ctxA.setOffline(false);
  await a.waitSynced();
  await a.search(`ticket ${run}`);
  await expect(a.queue.row(`Online ticket ${run}`)).toBeVisible({ timeout: 15_000 });
  await expect(a.queue.row(`Offline ticket ${run}`)).toBeVisible();

  // B receives A's offline ticket (poke or poll), and both show the same two tickets.
  await b.search(`ticket ${run}`);
  await expect(b.queue.row(`Offline ticket ${run}`)).toBeVisible({ timeout: 15_000 });
  await expect(b.queue.row(`Offline ticket ${run}`)).toContainText('High');
  await expect.poll(() => a.queue.rowCount()).toBe(2);
  await expect.poll(() => b.queue.rowCount()).toBe(2);

  await ctxA.close();
  await ctxB.close();
});
