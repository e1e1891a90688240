import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { QueuePage } from './pages/queue-page';

// ?call= on the console's address (docs/domain/phone-intake.md, "Call links").
// That a good number opens the intake form with the caller found is the intake
// screen's test; these check what happens to the address and to a bad link.

async function openWithCall(page: Page, call: string, db: string) {
  const queue = new QueuePage(page);
  await page.goto(`/?db=${encodeURIComponent(db)}&call=${call}&demo=5`);
  // A good number opens the intake screen over the queue; a refused one leaves the queue.
  await expect(page.getByTestId('intake-screen').or(queue.grid)).toBeVisible();
  return queue;
}

test('a ?call= number is taken out of the address, the other parameters kept, so a reload does not ring again', async ({ page }) => {
  const db = `call-${Date.now()}`;
  await openWithCall(page, '%2B19135550142', db);
  await expect(page).toHaveURL((url) => url.searchParams.get('call') === null);
  expect(new URL(page.url()).search).toBe(`?db=${db}&demo=5`);
  await expect(page.getByTestId('call-link-notice')).toBeHidden();
});

test('a hostile ?call= starts no call, says why, and can be dismissed', async ({ page }) => {
  const db = `call-bad-${Date.now()}`;
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await openWithCall(page, encodeURIComponent('<img src=x onerror=alert(1)>'), db);
  const notice = page.getByRole('alert').filter({ hasText: 'The call link was refused' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Ask the caller for their number and type it in.');
  await expect(notice).not.toContainText('onerror');
  await expect(page).toHaveURL((url) => url.searchParams.get('call') === null);

  const serious = (await new AxeBuilder({ page }).include('[data-testid="call-link-notice"]').analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => v.id)).toEqual([]);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(new QueuePage(page).grid).toBeVisible();
  await expect(page.getByTestId('call-link-notice')).toBeHidden();
  expect(dialogs).toBe(0);
});
