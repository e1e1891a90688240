// An invited person's first sign-in from the console (docs/staff-and-sessions.md):
// an admin invites them and reads the one-time code; in a fresh browser they
// choose "I have a setup code", are refused for a wrong code or mismatched
// passwords without anything else happening, then get in with the right code.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function inviteTechnician(desk: SyncDesk, name: string, email: string): Promise<string> {
  const { page } = desk;
  await page.keyboard.press('m');
  const screen = page.getByTestId('staff-screen');
  await screen.getByRole('button', { name: 'Invite staff' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite staff' });
  await invite.getByLabel('Name').fill(name);
  await invite.getByLabel('Email').fill(email);
  await invite.getByLabel('Role').selectOption('technician');
  await invite.getByRole('button', { name: 'Invite' }).click();
  const shown = page.getByRole('dialog', { name: `Invited ${name}` });
  await expect(shown.getByTestId('setup-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return (await shown.getByTestId('setup-code').textContent())!;
}

test('an invited technician signs in from the console with their setup code and a new password', async ({ browser }) => {
  const run = Date.now().toString(36);
  const name = `Sam Okafor ${run}`;
  const email = `sam.${run}@example.com`;
  const password = `first-password-${run}`;

  const adminContext = await browser.newContext();
  const admin = await SyncDesk.open(adminContext, SERVER, `setup-admin-${run}`);
  await admin.signIn('admin.user@example.com');
  const code = await inviteTechnician(admin, name, email);
  await adminContext.close();

  const context = await browser.newContext();
  const desk = await SyncDesk.open(context, SERVER, `setup-invited-${run}`);
  const { page } = desk;
  const setupRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/auth/setup-password')) setupRequests.push(r.url());
  });
  const dialog = page.getByRole('dialog', { name: 'Sign in to sync' });
  await expect(dialog).toBeVisible();

  // The second mode is reached from the keyboard: Email has focus, then Password, then the switch.
  await expect(dialog.getByLabel('Email')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'I have a setup code' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('setup-code-help')).toBeVisible();
  await expect(dialog.getByLabel('Email')).toBeFocused();

  const newPassword = dialog.getByLabel('New password', { exact: true });
  const confirm = dialog.getByLabel('Confirm new password', { exact: true });
  const submit = dialog.getByRole('button', { name: 'Set password and sign in' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Setup code').fill(code.toLowerCase());
  await newPassword.fill(password);
  await confirm.fill(`${password}x`);
  await submit.click();
  // Checked on the desk, named on its field; nothing is sent.
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toHaveText(/not the same/);
  await expectNoSeriousViolations(page, 'setup-code mode with an error');
  expect(setupRequests).toEqual([]);

  // A wrong code (well formed, so the server is asked): the server's message, and no session.
  const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`;
  await dialog.getByLabel('Setup code').fill(wrong);
  await confirm.fill(password);
  await submit.click();
  await expect(dialog.getByRole('alert')).toContainText('setup code is wrong');
  expect(setupRequests).toHaveLength(1);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await expect(desk.status).not.toHaveAttribute('data-connection', 'online');

  await dialog.getByLabel('Setup code').fill(code);
  await submit.click();
  await expect(dialog).toBeHidden();
  await desk.waitSynced();
  await expect(page.getByTestId('signed-in-as')).toHaveText(name);
  await context.close();
});
