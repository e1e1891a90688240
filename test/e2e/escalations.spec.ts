// A technician escalates a ticket offline; once synced, the Service Coordinator
// sees it on their Escalations screen and acknowledges it, and the technician's
// ticket shows that (docs/domain/escalations-and-notifications.md).
import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

test('escalate offline, then the coordinator acknowledges it on another desk', async ({ browser }) => {
  const run = Date.now().toString(36);
  const title = `Escalated ticket ${run}`;
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const tech = await SyncDesk.open(ctxA, SERVER, `esc-tech-${run}`);
  const coordinator = await SyncDesk.open(ctxB, SERVER, `esc-coord-${run}`);
  await tech.signIn('priya.natarajan@example.com');
  await coordinator.signIn('sam.whitfield@example.com');

  await ctxA.setOffline(true);
  await expect(tech.status).toHaveAttribute('data-connection', 'offline');
  await tech.createTicket('Harbor Dental Group', title, 'High');
  await tech.search(title);
  await tech.queue.row(title).click();
  await tech.page.keyboard.press('Enter');
  const detail = tech.page.getByTestId('ticket-detail');
  await detail.getByRole('button', { name: 'Escalate' }).click();
  const dialog = tech.page.getByRole('dialog', { name: 'Escalate to the Service Coordinator' });
  await expect(dialog).toContainText('Step 1 of 3');
  // An empty reason is refused in the dialog, and nothing is queued.
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(dialog.getByRole('alert')).toContainText('the reason is empty');
  await dialog.getByLabel('Reason').fill('Front desk cannot check patients in.');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByTestId('escalation-state')).toHaveText('Escalated to the Service Coordinator (not acknowledged yet)');
  await expect(tech.page.getByTestId('sync-pending')).toHaveText('2 changes waiting to sync');

  await ctxA.setOffline(false);
  await tech.waitSynced();

  await coordinator.page.keyboard.press('e');
  const screen = coordinator.page.getByTestId('escalations-screen');
  const row = screen.getByTestId('escalation-row').filter({ hasText: title });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('Front desk cannot check patients in.');
  await expect(row).toContainText('Priya Natarajan');
  await expect(coordinator.page.getByTestId('escalation-count')).toBeVisible();
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(row).toBeHidden();
  await coordinator.waitSynced();

  await expect(detail.getByTestId('escalation-state')).toHaveText('Escalated to the Service Coordinator (acknowledged)', {
    timeout: 15_000,
  });

  await ctxA.close();
  await ctxB.close();
});
