// Lead times (docs/domain/lead-times.md): a number-porting request for 20
// numbers shows the dates it promises on the client's calendar and warns about
// a wanted date inside the minimum; the ticket keeps the server's dates; a
// coordinator edits a lead time on the Request types screen (w), and a bad
// one is refused naming the rule. Both screens are checked with axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;
const DAY_MS = 86_400_000;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Today in Chicago (Harbor Dental's zone) plus `days` calendar days, as YYYY-MM-DD and as the console writes it in en-US. */
function chicagoDay(days: number): { iso: string; text: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS);
  const text = new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(day);
  return { iso: day.toISOString().slice(0, 10), text };
}

test('number porting for 20 numbers: promised dates, a too-early warning, and a lead time edited', async ({ browser }) => {
  const run = Date.now().toString(36);
  const title = `Port 20 numbers ${run}`;
  const context = await browser.newContext({ locale: 'en-US' });
  const desk = await SyncDesk.open(context, SERVER, `lead-${run}`);
  const page = desk.page;
  await desk.signIn('sam.whitfield@example.com');

  await page.keyboard.press('n');
  const dialog = desk.queue.newTicketDialog();
  await dialog.fill({ client: 'Harbor Dental Group', title, priority: 'High' });
  await dialog.root.getByLabel('Request type').selectOption({ label: 'Number porting (7–20 calendar days)' });
  await dialog.root.getByLabel('How many numbers').fill('20');
  // 15 or more numbers: minimum 15 days, up to 20, counted in calendar days from today in Chicago.
  const earliest = chicagoDay(15);
  const latest = chicagoDay(20);
  const promised = dialog.root.getByTestId('promised-dates');
  await expect(promised).toContainText(`earliest ${earliest.text}, latest ${latest.text}`);
  await expect(promised).toContainText('15–20 calendar days');
  await expect(dialog.root.getByTestId('lead-time-warning')).toHaveCount(0);

  await dialog.root.getByLabel('Customer wants it by').fill(chicagoDay(3).iso);
  const warning = dialog.root.getByTestId('lead-time-warning');
  await expect(warning).toContainText('inside the minimum lead time of 15–20 calendar days');
  await expect(warning).toContainText(`The earliest promised date is ${earliest.text}`);
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.submit();
  await expect(dialog.root).toBeHidden();
  await desk.waitSynced();
  await desk.search(title);
  await desk.queue.row(title).click();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('ticket-detail');
  await expect(detail.getByTestId('ticket-request-type')).toHaveText('Number porting (7–20 calendar days)');
  // The server's dates, not the desk's estimate.
  await expect(detail.getByTestId('ticket-promised-dates')).toHaveText(`earliest ${earliest.text}, latest ${latest.text}`);
  await expect(detail.getByTestId('ticket-lead-time')).toContainText('inside the minimum lead time: best effort');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await page.locator('body').press('w');
  const screen = page.getByTestId('request-types-screen');
  await expect(screen.getByRole('heading', { name: 'Request types' })).toBeVisible();
  const license = screen.getByTestId('request-type-row').filter({ hasText: 'License request' });
  await expect(license.getByTestId('request-type-lead-time')).toHaveText('2 business days');
  await license.getByRole('button', { name: 'Edit License request' }).click();
  const editor = screen.getByTestId('request-type-editor');
  await editor.getByLabel('Minimum days').fill('5');
  await editor.getByLabel('Maximum days (empty: no latest date)').fill('3');
  await editor.getByRole('button', { name: 'Save request type' }).click();
  await expect(editor.getByTestId('request-type-problems')).toContainText('the minimum (5) exceeds the maximum (3)');
  await expect(license.getByTestId('request-type-lead-time')).toHaveText('2 business days');
  expect(await seriousViolations(page)).toEqual([]);

  await editor.getByLabel('Minimum days').fill('2');
  await editor.getByRole('button', { name: 'Save request type' }).click();
  await expect(editor).toBeHidden();
  await expect(license.getByTestId('request-type-lead-time')).toHaveText('2–3 business days');
  await desk.waitSynced();
  expect(await seriousViolations(page)).toEqual([]);

  // A technician sees the same types, read only.
  const techContext = await browser.newContext({ locale: 'en-US' });
  const tech = await SyncDesk.open(techContext, SERVER, `lead-tech-${run}`);
  await tech.signIn('priya.natarajan@example.com');
  await tech.page.locator('body').press('w');
  const techScreen = tech.page.getByTestId('request-types-screen');
  await expect(
    techScreen.getByTestId('request-type-row').filter({ hasText: 'License request' }).getByTestId('request-type-lead-time'),
  ).toHaveText('2–3 business days', { timeout: 15_000 });
  await expect(techScreen.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(techScreen).toContainText('Read only');

  await context.close();
  await techContext.close();
});
