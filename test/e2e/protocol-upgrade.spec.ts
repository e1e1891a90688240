import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { CONSOLE_OLDER_MESSAGE } from '../../src/protocol/version';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

// The server is updated while a desk works offline. The desk's next sync is
// answered upgrade_required (a 426 stands in for the newer server here): the
// status bar says so and the change stays in the outbox; the updated console
// (a reload of the same store) then syncs it.
test('a desk offline across a server update is told to update and keeps its change', async ({ browser }) => {
  const run = Date.now().toString(36);
  const context = await browser.newContext();
  const desk = await SyncDesk.open(context, SERVER, `desk-upgrade-${run}`);
  await desk.signIn('priya.natarajan@example.com');

  await context.setOffline(true);
  await expect(desk.status).toHaveAttribute('data-connection', 'offline');
  await desk.createTicket('Harbor Dental Group', `Kept across an update ${run}`, 'High');
  await expect(desk.page.getByTestId('sync-pending')).toHaveText('1 change waiting to sync');

  await context.route(`${SERVER}/api/sync/**`, (route) =>
    route.fulfill({
      status: 426,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'upgrade_required', message: CONSOLE_OLDER_MESSAGE } }),
    }),
  );
  await context.setOffline(false);
  await expect(desk.status).toHaveAttribute('data-connection', 'upgrade-required', { timeout: 30_000 });
  await expect(desk.status).toContainText('Update needed');
  await expect(desk.status).toContainText(CONSOLE_OLDER_MESSAGE);
  await expect(desk.page.getByTestId('sync-pending')).toHaveText('1 change waiting to sync');

  // The updated console opens the same store: the change was kept and now syncs.
  await context.unroute(`${SERVER}/api/sync/**`);
  await desk.page.reload();
  await desk.signIn('priya.natarajan@example.com');
  await desk.search(`kept across an update ${run}`);
  await expect(desk.queue.row(`Kept across an update ${run}`)).toBeVisible();
  await context.close();
});
