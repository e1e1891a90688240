// An admin manages staff from the console (docs/staff-and-sessions.md):
// invites a technician and sees their one-time code once, changes the role,
// deactivates them, and sees their own session in the sessions list. Axe finds
// nothing serious on the screen or the dialogs.
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

test('an admin invites a technician, changes the role, deactivates them and sees the sessions', async ({ browser }) => {
  const run = Date.now().toString(36);
  const name = `Dana Reyes ${run}`;
  const email = `dana.${run}@example.com`;
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const desk = await SyncDesk.open(context, SERVER, `staff-admin-${run}`);
  await desk.signIn('admin.user@example.com');
  const { page } = desk;

  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' })).toBeVisible();
  await page.keyboard.press('m');
  const screen = page.getByTestId('staff-screen');
  await expect(screen.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
  const sessions = screen.getByTestId('sessions-panel');
  await expect(sessions.getByTestId('session-row').filter({ hasText: 'Admin User (this console)' })).toHaveCount(1);

  await screen.getByRole('button', { name: 'Invite staff' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite staff' });
  // Refused in the dialog, naming what is wrong, and nothing is sent.
  await invite.getByLabel('Name').fill(name);
  await invite.getByLabel('Email').fill('not an email');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(invite.getByRole('alert')).toContainText('valid email');
  await invite.getByLabel('Email').fill(email);
  await invite.getByLabel('Role').selectOption('technician');
  await expectNoSeriousViolations(page, 'invite dialog');
  await invite.getByRole('button', { name: 'Invite' }).click();

  const shown = page.getByRole('dialog', { name: `Invited ${name}` });
  await expect(shown.getByTestId('setup-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const code = await shown.getByTestId('setup-code').textContent();
  await shown.getByRole('button', { name: 'Copy code' }).click();
  await expect(shown.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await page.keyboard.press('Escape');
  await expect(shown).toBeHidden();
  // Once: the code is on the screen nowhere else.
  await expect(page.getByText(code!)).toHaveCount(0);

  const row = screen.getByTestId('staff-row').filter({ hasText: name });
  await expect(row).toContainText(email);
  await expect(row.getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('technician');
  await expectNoSeriousViolations(page, 'staff screen');

  await row.getByRole('combobox', { name: `Role of ${name}` }).selectOption('engineer');
  await row.getByRole('button', { name: `Set role of ${name}` }).click();
  await expect(screen.getByTestId('staff-message')).toHaveText(`${name} is now Engineer.`);
  await expect(row.getByRole('button', { name: `Set role of ${name}` })).toBeDisabled();

  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Deactivate ${name}?` });
  await expect(confirm).toContainText('signed out everywhere');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByTestId('staff-state')).toHaveText('Deactivated');
  await expect(row.getByRole('button', { name: `Reactivate ${name}` })).toBeVisible();

  // Offline: the actions are turned off and the screen says why.
  await context.setOffline(true);
  await expect(desk.status).toHaveAttribute('data-connection', 'offline');
  await expect(screen.getByTestId('staff-offline')).toBeVisible();
  await expect(screen.getByRole('button', { name: 'Invite staff' })).toBeDisabled();
  await context.setOffline(false);
  await context.close();
});
