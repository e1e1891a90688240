// Contacts on the client page (docs/domain/contacts-and-approvals.md): the
// coordinator adds a Backup Approver, a number that does not read is refused
// beside its input, the fixed one shows as read, and the panel stays axe-clean.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { ClientsPage } from './pages/clients-page';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

test('a coordinator adds a contact; a bad number is refused beside its input', async ({ browser }) => {
  const run = Date.now().toString(36);
  const ctx = await browser.newContext();
  const coordinator = await SyncDesk.open(ctx, SERVER, `contacts-${run}`);
  await coordinator.signIn('sam.whitfield@example.com');
  const clients = new ClientsPage(coordinator.page);
  await clients.open();
  await clients.find('harbor dental');
  await clients.results
    .getByRole('button', { name: /Harbor Dental Group/ })
    .first()
    .click();
  const panel = coordinator.page.getByTestId('contacts-panel');
  await expect(panel.getByTestId('contact-row')).toHaveCount(5);
  await expect(panel.getByTestId('approver-badge')).toHaveCount(2);

  await panel.getByRole('button', { name: 'Add contact…' }).click();
  const form = panel.getByRole('form', { name: 'New contact' });
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByLabel('Name', { exact: true }).fill('Zed Quill');
  await form.getByLabel('Role', { exact: true }).selectOption('backup_approver');
  await form.getByLabel('Phone 1', { exact: true }).fill('hello');
  await form.getByLabel('Approves up to (US dollars; empty for no limit)').fill('1,500');
  await form.getByRole('button', { name: 'Add contact' }).click();
  await expect(form.getByLabel('Phone 1', { exact: true })).toBeFocused();
  await expect(form).toContainText('"hello" is not a phone number');
  const axe = await new AxeBuilder({ page: coordinator.page }).include('[data-testid=contacts-panel]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await form.getByLabel('Phone 1', { exact: true }).fill('913-555-0142 x 12');
  await expect(form.getByTestId('phone-reading')).toHaveText('Reads as +1 913 555 0142 ext. 12');
  await form.getByRole('button', { name: 'Add contact' }).click();
  await expect(form).toBeHidden();
  const row = panel.getByTestId('contact-row').filter({ hasText: 'Zed Quill' });
  await expect(row).toContainText('(913) 555-0142 ext. 12');
  await expect(row).toContainText('$1,500.00');
  await expect(panel.getByTestId('approver-badge')).toHaveCount(3);
  await coordinator.waitSynced();
});
