// An onsite visit from quote to "To schedule" (docs/domain/onsite-visits.md):
// a coordinator gives a new client a local site with its location, quotes a
// visit on a ticket and watches the quote follow what is typed ($350 base,
// $135/h, 3 h → $620.00, prepayment $625.00 = base + 11 × $25.00), records the
// Billing Contact's approval, sees a prepayment that is not base + whole $25
// steps refused with the rule, records the right one, and the visit is to be
// scheduled — offline through the outbox, then again once the server has it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { ClientsPage } from './pages/clients-page';
import { SyncDesk } from './pages/sync-desk';
import { TicketVisitsPanel, VisitsScreen } from './pages/visits';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

async function seriousViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('quote a visit live, record the approval, refuse a bad prepayment, take the right one: to schedule', async ({ browser }) => {
  const run = Date.now().toString(36);
  const clientName = `Bayside Vets ${run}`;
  const title = `Core switch failing ${run}`;
  const scope = `Replace the core switch in the server room (${run})`;
  const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago' });
  const desk = await SyncDesk.open(ctx, SERVER, `visits-${run}`);
  await desk.signIn('sam.whitfield@example.com');

  // A client of this test's own: a local site with a location, and a Billing Contact to approve.
  const clients = new ClientsPage(desk.page);
  await clients.open();
  await clients.newClient(clientName, 'America/Chicago');
  const site = clients.site(0);
  await site.getByLabel('Site name').fill('Main clinic');
  await site.getByLabel('Address').fill('400 Lake Shore Drive, Chicago IL');
  await site.getByLabel('Travel zone').selectOption({ label: 'Local (within 25 miles)' });
  await site.getByLabel('Latitude (optional)').fill('41.8781');
  // The contract's hourly rate is the visit's default agreed rate.
  await clients.client.getByLabel('Hourly rate (USD)').fill('135');
  await clients.save();
  await expect(clients.client.getByTestId('client-error')).toContainText("Main clinic's location: give both latitude and longitude");
  await site.getByLabel('Longitude (optional)').fill('-87.6298');
  await clients.save();
  await expect(clients.client.getByTestId('client-saved')).toContainText(clientName);
  const contacts = desk.page.getByTestId('contacts-panel');
  await contacts.getByRole('button', { name: 'Add contact…' }).click();
  const contactForm = contacts.getByRole('form', { name: 'New contact' });
  await contactForm.getByLabel('Name', { exact: true }).fill(`Rita Moss ${run}`);
  await contactForm.getByLabel('Role', { exact: true }).selectOption('billing_contact');
  await contactForm.getByLabel('Phone 1', { exact: true }).fill('312-555-0188');
  await contactForm.getByRole('button', { name: 'Add contact' }).click();
  await expect(contactForm).toBeHidden();
  await desk.waitSynced();

  await desk.page.keyboard.press('q');
  await desk.createTicket(clientName, title, 'High');
  await desk.search(title);
  await desk.queue.row(title).click();
  await desk.page.keyboard.press('Enter');

  // Offline from here: the visit, the approval and the payments go through the outbox.
  await ctx.setOffline(true);
  const panel = new TicketVisitsPanel(desk.page);
  await panel.openRequest();
  await expect(panel.dialog.getByLabel('Agreed hourly rate (USD)')).toHaveValue('135.00');
  await panel.fill({ contact: `Rita Moss ${run} — Billing Contact`, scope, hours: '3' });
  await expect(panel.dialog.getByLabel('Travel zone surcharge (USD)')).toHaveValue('$0.00');
  await expect(panel.liveQuote('quote-base')).toHaveText('$350.00');
  await expect(panel.liveQuote('quote-total')).toHaveText('$620.00');
  await expect(panel.liveQuote('quote-prepayment')).toHaveText('$625.00 (base $350.00 + 11 × $25.00)');
  // The quote follows each keystroke: one more hour is $135.00 more.
  await panel.dialog.getByLabel(/^Estimated hours onsite/).fill('4');
  await expect(panel.liveQuote('quote-total')).toHaveText('$755.00');
  await panel.dialog.getByLabel(/^Estimated hours onsite/).fill('0');
  await expect(panel.dialog.getByTestId('visit-hours-error')).toContainText('Estimate at least 1 whole hour onsite');
  await panel.dialog.getByLabel(/^Estimated hours onsite/).fill('3');
  await expect(panel.liveQuote('quote-total')).toHaveText('$620.00');
  expect(await seriousViolations(desk.page, '[data-testid="request-visit-dialog"]')).toEqual([]);
  await panel.dialog.getByRole('button', { name: 'Request the visit' }).click();
  await expect(panel.dialog).toBeHidden();
  await expect(panel.visit(scope).getByTestId('ticket-visit-stage')).toHaveText('Awaiting approval');
  // A second, one-hour visit on the same ticket through the button: the base alone covers it.
  await panel.root.getByRole('button', { name: /Request onsite visit/ }).click();
  await panel.fill({ contact: `Rita Moss ${run} — Billing Contact`, scope: 'Check the UPS batteries', hours: '1' });
  await expect(panel.liveQuote('quote-prepayment')).toHaveText('$350.00 (base $350.00 + 0 × $25.00)');
  await panel.dialog.getByRole('button', { name: 'Request the visit' }).click();
  await expect(panel.visit('Check the UPS batteries').getByTestId('ticket-visit-stage')).toHaveText('Awaiting approval');

  await panel.visit(scope).getByRole('button', { name: 'Open in Visits' }).click();
  const visits = new VisitsScreen(desk.page);
  await expect(visits.stage()).toHaveText('Awaiting approval');
  await expect(visits.detail.getByTestId('visit-quote').getByTestId('quote-prepayment')).toHaveText('$625.00 (base $350.00 + 11 × $25.00)');
  await visits.recordApproval('Phone');
  await expect(visits.stage()).toHaveText('Awaiting prepayment');
  await expect(visits.detail.getByTestId('visit-approval-status')).toHaveText('Approved');

  await visits.detail.getByRole('button', { name: 'Record prepayment…' }).click();
  const pay = visits.prepaymentForm();
  await expect(pay.getByLabel('Amount (USD)')).toHaveValue('625.00');
  await pay.getByLabel('Amount (USD)').fill('610');
  await pay.getByLabel('Paid by').selectOption({ label: 'Card by phone' });
  await pay.getByLabel('Reference').fill(`AUTH-${run}`);
  await pay.getByRole('button', { name: 'Record prepayment' }).click();
  await expect(pay.getByTestId('payment-amountCents-error')).toHaveText(
    'A prepayment is the base fee plus whole $25.00 increments: for this quote, $625.00 (base $350.00 + 11 × $25.00).',
  );
  await expect(visits.stage()).toHaveText('Awaiting prepayment');
  await pay.getByLabel('Amount (USD)').fill('625.00');
  await pay.getByRole('button', { name: 'Record prepayment' }).click();
  await expect(pay).toBeHidden();
  await expect(visits.stage()).toHaveText('To schedule');
  await expect(visits.group('to_schedule').getByTestId('visit-row').filter({ hasText: clientName })).toHaveCount(1);
  expect(await seriousViolations(desk.page, '[data-testid="visits-screen"]')).toEqual([]);

  // Keyboard: the list takes j/k (or the arrows) and Enter while it has focus; other visits are listed too, so move away and back.
  const rows = visits.root.getByTestId('visit-row');
  const at = await rows.evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));
  const [away, back] = at > 0 ? ['k', 'j'] : ['j', 'k'];
  await visits.root.getByTestId('visits-list').focus();
  await desk.page.keyboard.press(away);
  await expect(rows.nth(at > 0 ? at - 1 : at + 1)).toHaveAttribute('aria-current', 'true');
  await desk.page.keyboard.press(back);
  await expect(rows.nth(at)).toHaveAttribute('aria-current', 'true');
  await expect(visits.stage()).toHaveText('To schedule');
  await desk.page.keyboard.press('Enter');
  await expect(visits.root.getByTestId('visits-detail-pane')).toBeFocused();

  // Online again: the server takes all of it, and the visit is still to be scheduled.
  await ctx.setOffline(false);
  await desk.waitSynced();
  // Away and back: the screen opened next shows the rows as stored once the server answered (a refusal would have taken them back).
  await desk.page.keyboard.press('q');
  await desk.page.keyboard.press('v');
  const row = visits.group('to_schedule').getByTestId('visit-row').filter({ hasText: clientName });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(visits.stage()).toHaveText('To schedule');
  await expect(visits.detail.getByTestId('visit-payments')).toContainText(`$625.00 prepayment by card by phone, reference AUTH-${run}`);
  await ctx.close();
});
