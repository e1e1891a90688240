// A coordinator creates a client's service record (docs/domain/clients.md):
// a site, a custom SLA policy whose preview follows the targets, contract
// terms in dollars, the onboarding gaps; then finds it by part of its name.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { ClientsPage } from './pages/clients-page';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

test('create a client with a site, a custom policy, contract terms; see its gaps; find it by part of its name', async ({ browser }) => {
  const run = Date.now().toString(36);
  const name = `Tidewater Optometry ${run}`;
  const context = await browser.newContext({ locale: 'en-US' });
  const desk = await SyncDesk.open(context, SERVER, `clients-${run}`);
  await desk.signIn('sam.whitfield@example.com');
  const clients = new ClientsPage(desk.page);
  await clients.open();

  await clients.newClient(name, 'America/New_York');
  await clients.site(0).getByLabel('Address').fill('12 Harbor Road, Norfolk VA');

  await clients.client.getByLabel('Custom policy').check();
  const critical = clients.previewRow('critical');
  await expect(critical).toContainText('Response by');
  const before = await critical.innerText();
  await clients.setFirstResponse('Critical', 15, 'wall-minutes');
  // Compared as read, not through toHaveText, which normalises whitespace on one side only.
  await expect.poll(() => critical.innerText()).not.toBe(before);

  // Dollars in, cents stored, the amount shown back in the user's currency format.
  const hourly = clients.client.getByLabel('Hourly rate (USD)');
  await hourly.fill('0');
  await clients.save();
  await expect(clients.client.getByTestId('client-error')).toContainText('must be more than $0.00');
  await hourly.fill('175.5');
  await expect(clients.client.getByTestId('contract-hourly-shown')).toHaveText('$175.50');

  await expect(clients.gaps()).toContainText('No Billing Contact');
  await expect(clients.gaps()).toContainText('No maintenance window');
  await clients.client.getByLabel('The client has agreed a maintenance window').check();
  await expect(clients.gaps()).not.toContainText('No maintenance window');

  const axe = await new AxeBuilder({ page: desk.page }).include('[data-testid="clients-screen"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await clients.save();
  await expect(clients.client.getByTestId('client-saved')).toContainText(name);
  await desk.waitSynced();
  // Away and back: the page opened next shows the record as stored, not the form as typed.
  await desk.page.keyboard.press('q');
  await clients.open();
  // Still there once the server has answered: a refusal would have taken it back out.
  await clients.find('TIDEWATER optom');
  const hit = clients.results.getByRole('button', { name });
  await expect(hit).toBeVisible();
  await clients.find('');
  await clients.find(`optométry ${run.slice(0, 4)}`);
  await hit.click();
  await expect(clients.client.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(clients.client.getByLabel('Hourly rate (USD)')).toHaveValue('175.50');
  await expect(clients.previewRow('critical')).toBeVisible();
  await expect(clients.client.getByLabel('Custom policy')).toBeChecked();

  await context.close();
});
