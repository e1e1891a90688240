import { expect, test } from '@playwright/test';
import { QueuePage } from './pages/queue-page';

const uniqueDb = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`;

test('a ticket created offline appears in the queue and survives a reload', async ({ page }) => {
  const queue = new QueuePage(page);
  const db = uniqueDb();
  await queue.open({ db });
  const before = await queue.rowCount();

  await page.getByRole('button', { name: /New ticket/ }).click();
  const dialog = queue.newTicketDialog();
  await dialog.fill({ client: 'Harbor Dental Group', title: 'Front desk PC will not boot', description: 'Blue screen since 8am', priority: 'Critical' });
  await dialog.submit();

  await expect(dialog.root).toBeHidden();
  await expect(queue.row('Front desk PC will not boot')).toBeVisible();
  expect(await queue.rowCount()).toBe(before + 1);
  // The new ticket is selected so the next keystroke acts on it.
  await expect(queue.selectedRow()).toContainText('Front desk PC will not boot');

  await page.reload();
  await expect(queue.grid).toBeVisible();
  await queue.search.fill('front desk pc');
  await expect(queue.row('Front desk PC will not boot')).toBeVisible();
  await expect(queue.row('Front desk PC will not boot')).toContainText('Critical');
  await expect(queue.row('Front desk PC will not boot')).toContainText('Harbor Dental Group');
});

test('the form refuses an empty title next to the field and writes nothing', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: uniqueDb() });
  const before = await queue.rowCount();

  await page.keyboard.press('n');
  const dialog = queue.newTicketDialog();
  await expect(dialog.root).toBeVisible();
  await dialog.fill({ client: 'Pacific Crest Logistics', priority: 'P2' });
  await dialog.submit();

  await expect(dialog.errorFor('Title')).toHaveText('Enter a title: a short summary of the problem.');
  await expect(dialog.root.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await dialog.root.getByRole('button', { name: 'Cancel' }).click();
  expect(await queue.rowCount()).toBe(before);
});

test('the form refuses a missing priority for the chosen client', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: uniqueDb() });
  await page.keyboard.press('n');
  const dialog = queue.newTicketDialog();
  await dialog.fill({ client: 'Beacon Street Architects', title: 'Plotter jammed' });
  await dialog.submit();
  await expect(dialog.errorFor('Priority')).toHaveText('Choose a priority: Severity 1, Severity 2, Severity 3, Severity 4.');
});

test('filters narrow the queue by status and free text', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: uniqueDb(), demo: 300 });
  const active = await queue.rowCount();
  await queue.filterStatus('Any status');
  await expect.poll(() => queue.rowCount()).toBeGreaterThan(active);
  await queue.filterStatus('Closed');
  await expect(queue.rows().first()).toContainText('Closed');
  for (const text of await queue.rows().allTextContents()) expect(text).toContain('Closed');

  await queue.filterStatus('Any status');
  await queue.search.fill('printer offline');
  await expect.poll(() => queue.rowCount()).toBeGreaterThan(0);
  for (const text of await queue.rows().allTextContents()) expect(text).toContain('Printer offline');
});

test('mine shows only tickets assigned to the signed-in technician', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: uniqueDb(), demo: 300 });
  const me = (await page.getByTestId('signed-in-as').textContent())!;
  await page.getByRole('button', { name: 'Mine' }).click();
  await expect.poll(() => queue.rowCount()).toBeGreaterThan(0);
  const assignees = await queue.rows().locator('td:nth-child(5)').allTextContents();
  expect(new Set(assignees)).toEqual(new Set([me]));
  await page.getByRole('button', { name: 'All' }).click();
  await expect.poll(async () => new Set(await queue.rows().locator('td:nth-child(5)').allTextContents()).size).toBeGreaterThan(1);
});
