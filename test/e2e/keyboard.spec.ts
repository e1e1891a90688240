import { expect, test } from '@playwright/test';
import { QueuePage } from './pages/queue-page';

test('j/k move the selection, Enter opens the ticket, Esc closes it', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: `kbd-${Date.now()}` });
  const rows = queue.rows();

  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  const title = (await queue.columnTexts('Title'))[1];

  await page.keyboard.press('Enter');
  const detail = page.getByTestId('ticket-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(title!);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
});

test('/ focuses search and typing there does not trigger shortcuts', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: `kbd-${Date.now()}` });
  await page.keyboard.press('/');
  await expect(queue.search).toBeFocused();
  await page.keyboard.type('new jkn');
  await expect(queue.search).toHaveValue('new jkn');
  await expect(page.getByRole('dialog', { name: 'New ticket' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(queue.search).not.toBeFocused();
});

test('n opens the new-ticket form with the title focused; Esc closes it', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: `kbd-${Date.now()}` });
  await page.keyboard.press('n');
  const dialog = queue.newTicketDialog();
  await expect(dialog.root.getByLabel('Title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
});

test('a status change from the detail panel follows the workflow', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: `kbd-${Date.now()}` });
  await queue.filterStatus('New');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('ticket-detail');
  await expect(detail.getByTestId('detail-status')).toHaveText('New');
  const status = detail.getByLabel('Status', { exact: true });
  // Only the moves the workflow allows are offered: from New, not back to New once Open.
  await status.selectOption({ label: 'Open' });
  await detail.getByRole('button', { name: 'Save status' }).click();
  await expect(detail.getByTestId('detail-status')).toHaveText('Open');
  await expect(status.locator('option')).toHaveText(['Open', 'Awaiting your reply', 'On-Hold', 'Closed']);
});
