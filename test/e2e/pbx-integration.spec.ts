// An admin sets up a phone system from the Staff screen (docs/integrations/pbx.md):
// creates a key, sees its secret once with the lookup URL to paste, the PBX's
// lookup works with it, and after revoking it (confirmed) the PBX is refused.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an admin creates a phone system key, the PBX looks a caller up with it, and revoking it shuts the PBX out', async ({ browser }) => {
  const run = Date.now().toString(36);
  const label = `3CX ${run}`;
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const desk = await SyncDesk.open(context, SERVER, `pbx-admin-${run}`);
  await desk.signIn('admin.user@example.com');
  const { page } = desk;
  await page.keyboard.press('m');
  const panel = page.getByTestId('integrations-panel');
  await expect(panel.getByRole('heading', { name: 'Phone system integration' })).toBeVisible();

  await panel.getByRole('button', { name: 'Create key' }).click();
  const create = page.getByRole('dialog', { name: 'Create an integration key' });
  // A blank label is refused in the dialog, and nothing is created.
  await create.getByRole('button', { name: 'Create key' }).click();
  await expect(create.getByRole('alert')).toContainText('Name the key');
  await create.getByLabel('Label').fill(label);
  await expectNoSeriousViolations(page, 'create dialog');
  await create.getByRole('button', { name: 'Create key' }).click();

  const shown = page.getByRole('dialog', { name: `Key for ${label}` });
  const secret = (await shown.getByTestId('integration-secret').textContent())!;
  expect(secret).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByTestId('integration-url')).toHaveText(`${SERVER}/api/pbx/lookup?number=[Number]&key=${secret}`);
  await shown.getByRole('button', { name: 'Copy key' }).click();
  await expect(shown.getByRole('status')).toHaveText('Key copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expectNoSeriousViolations(page, 'secret dialog');
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
  // Once: the secret is on the screen nowhere else.
  await expect(page.getByText(secret)).toHaveCount(0);

  const row = panel.getByTestId('integration-key-row').filter({ hasText: label });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  // The PBX asks, as the 3CX template does (the first demo contact's number).
  const lookup = await page.request.get(`${SERVER}/api/pbx/lookup?number=%2B13125550100&key=${secret}`);
  expect(lookup.status()).toBe(200);
  expect(await lookup.json()).toMatchObject({ found: true, consoleUrl: 'switchboard://call?from=%2B13125550100' });

  await row.getByRole('button', { name: `Revoke key ${label}` }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke key ${label}?` });
  await expect(confirm).toContainText('can no longer look callers up');
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke key ${label}` })).toHaveCount(0);
  const refused = await page.request.get(`${SERVER}/api/pbx/lookup?number=%2B13125550100&key=${secret}`);
  expect(refused.status()).toBe(401);
  await expectNoSeriousViolations(page, 'staff screen with keys');
  await context.close();
});
