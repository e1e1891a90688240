// A change made in the console shows on the Audit screen with who made it; the
// chain verifies and its head is shown; offline, the screen says the log is on
// the server (docs/domain/audit.md).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

test('a ticket opened by a site director is on the Audit screen, and the chain verifies', async ({ browser }) => {
  const run = Date.now().toString(36);
  const title = `Audited ticket ${run}`;
  const context = await browser.newContext();
  const desk = await SyncDesk.open(context, SERVER, `audit-${run}`);
  await desk.signIn('marcus.reed@example.com');
  await desk.createTicket('Harbor Dental Group', title, 'High');
  await desk.waitSynced();

  await desk.page.keyboard.press('u');
  const screen = desk.page.getByTestId('audit-screen');
  await expect(screen.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await screen.getByLabel('Client').selectOption({ label: 'Harbor Dental Group' });
  await screen.getByLabel('Person').selectOption({ label: 'Marcus Reed' });
  await screen.getByRole('button', { name: 'Show' }).click();
  const row = screen.getByTestId('audit-row').filter({ hasText: title }).filter({ hasText: 'createTicket' }).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('Marcus Reed');
  await expect(row).toContainText('ticket');

  await screen.getByRole('button', { name: 'Verify chain' }).click();
  const verification = screen.getByTestId('audit-verification');
  await expect(verification).toContainText('Chain intact');
  await expect(screen.getByTestId('audit-head-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(screen.getByTestId('audit-head-seq')).toHaveText(/^\d+$/);

  const results = await new AxeBuilder({ page: desk.page }).include('[data-testid="audit-screen"]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);

  await context.setOffline(true);
  await screen.getByRole('button', { name: 'Show' }).click();
  await expect(screen.getByTestId('audit-problem')).toContainText('offline');
  await context.close();
});

test('the Audit screen is not offered to a technician', async ({ browser }) => {
  const context = await browser.newContext();
  const desk = await SyncDesk.open(context, SERVER, `audit-tech-${Date.now().toString(36)}`);
  await desk.signIn('priya.natarajan@example.com');
  await expect(desk.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' })).toBeVisible();
  await expect(desk.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' })).toHaveCount(0);
  await desk.page.keyboard.press('u');
  await expect(desk.page.getByTestId('audit-screen')).toContainText('may read the audit log');
  await context.close();
});
