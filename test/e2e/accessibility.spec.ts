import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { NotificationSettingsDialog } from './pages/notification-settings';
import { QueuePage } from './pages/queue-page';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious axe violations on the queue, the form and the ticket view (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const queue = new QueuePage(page);
    await queue.open({ db: `axe-${scheme}-${Date.now()}` });
    expect(await seriousViolations(page)).toEqual([]);

    // The notification settings, with a refused day showing its error.
    const settings = new NotificationSettingsDialog(page);
    await settings.open();
    await settings.setHours('Monday', '17:00', '08:00');
    await settings.save();
    await expect(settings.day('Monday').getByRole('alert')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(settings.root).toBeHidden();

    await page.keyboard.press('n');
    const dialog = queue.newTicketDialog();
    await dialog.submit();
    await expect(dialog.errorFor('Title')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ticket-detail')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The ticket view's explain panel, a closing in progress (resolution box and deadline preview), an empty note refused.
    await page.keyboard.press('x');
    await expect(page.getByTestId('explain-panel')).toBeVisible();
    await page.keyboard.press('c');
    await page.getByTestId('ticket-detail').getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('ticket-detail').getByRole('alert').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious axe violations on the intake screen, with its problems showing (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const queue = new QueuePage(page);
    await queue.open({ db: `axe-intake-${scheme}-${Date.now()}` });
    await page.keyboard.press('p');
    const form = page.getByTestId('intake-form');
    await expect(form.getByTestId('caller-query')).toBeFocused();
    await page.keyboard.type('913 555 0142');
    await form.getByLabel('Client', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Email', { exact: true }).fill('someone@');
    await form.getByRole('button', { name: /Save ticket/ }).click();
    await expect(form.getByRole('alert').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
