// Intake promises two callbacks from a client's page (docs/domain/phone-intake.md,
// "Callbacks"), shown in the caller's zone, not the desk's; the Callbacks screen
// lists them earliest promise first; one is worked from the keyboard and leaves
// the open list, and the client page shows it done.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { CallbacksScreen, ClientCallbacks } from './pages/callbacks';
import { ClientsPage } from './pages/clients-page';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

async function seriousViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('a callback promised and then worked', async ({ browser }) => {
  const run = Date.now().toString(36);
  // The desk is in Los Angeles; the caller (Harbor Dental Group) in Chicago.
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });
  const desk = await SyncDesk.open(context, SERVER, `callbacks-${run}`);
  await desk.signIn('maya.okafor@example.com');
  const clients = new ClientsPage(desk.page);
  await clients.open();
  await clients.find('Harbor Dental');
  await clients.results.getByRole('button', { name: 'Harbor Dental Group' }).click();
  const section = new ClientCallbacks(desk.page);

  // Bad input: the message is by the field and nothing is saved.
  let dialog = await section.promise({ who: `Later ${run}`, number: 'call Bob', reason: 'Quote for new handsets.', quick: 'In 2 h' });
  expect(await seriousViolations(desk.page, '[data-testid="promise-callback-dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Promise the callback' }).click();
  await expect(dialog.getByTestId('callback-number-error')).toContainText('Number to call');
  await expect(dialog.getByLabel('Number to call')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Number to call').fill('913-555-0142');
  await dialog.getByRole('button', { name: 'Promise the callback' }).click();
  await expect(dialog).toBeHidden();

  dialog = await section.promise({ who: `Sooner ${run}`, number: '(913) 555-0199 ext. 12', reason: 'No dial tone.', quick: 'In 30 min' });
  await dialog.getByRole('button', { name: 'Promise the callback' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.open(`Sooner ${run}`)).toContainText('(America/Chicago)');
  await expect(section.open(`Sooner ${run}`)).toContainText(/in (29|30) min/);
  await desk.waitSynced();

  // Earliest promise first, though it was promised second.
  const screen = new CallbacksScreen(desk.page);
  await screen.open();
  const mine = screen.rows(run);
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(0)).toContainText(`Sooner ${run}`);
  await expect(mine.nth(1)).toContainText(`Later ${run}`);
  await expect(mine.nth(0).getByRole('link', { name: '(913) 555-0199 ext. 12' })).toHaveAttribute('href', 'tel:+19135550199;ext=12');
  await expect(mine.nth(0)).toContainText('Harbor Dental Group');
  expect(await seriousViolations(desk.page, '[data-testid="callbacks-screen"]')).toEqual([]);

  // By keyboard: move down and back up, then work the selected one.
  await expect(screen.selected()).toContainText(`Sooner ${run}`);
  await desk.page.keyboard.press('j');
  await expect(screen.selected()).toContainText(`Later ${run}`);
  await desk.page.keyboard.press('k');
  await expect(screen.selected()).toContainText(`Sooner ${run}`);
  await desk.page.keyboard.press('Enter');
  await expect(screen.workForm()).toBeVisible();
  // Nothing is saved without an outcome.
  await desk.page.keyboard.press('Enter');
  await expect(screen.workForm().getByTestId('work-callback-error')).toContainText('Say what happened');
  await desk.page.keyboard.type('Dial tone back after a reboot.');
  await desk.page.keyboard.press('Enter');
  await expect(screen.root.getByTestId('callbacks-message')).toHaveText(`Called back Sooner ${run}.`);
  await expect(mine).toHaveCount(1);
  await expect(mine.nth(0)).toContainText(`Later ${run}`);
  await desk.waitSynced();

  // The client page shows it done, with what happened.
  await clients.open();
  await clients.find('Harbor Dental');
  await clients.results.getByRole('button', { name: 'Harbor Dental Group' }).click();
  await expect(section.closed(`Sooner ${run}`)).toContainText('Done: Dial tone back after a reboot.');
  await expect(section.closed(`Sooner ${run}`)).toContainText('Maya Okafor');
  await expect(section.open(`Later ${run}`)).toBeVisible();
  await expect(section.open(`Sooner ${run}`)).toHaveCount(0);

  await context.close();
});
