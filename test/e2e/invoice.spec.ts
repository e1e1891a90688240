// A completed visit's invoice and the client's monthly billing file
// (docs/domain/visit-invoices.md), from the server's demo visits
// (docs/domain/onsite-visits.md, "Demo data"; src/server/seed/demo-visits.ts).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { SYNC_PORT } from '../../playwright.config';
import { ClientsPage } from './pages/clients-page';
import { ClientVisitsSection } from './pages/invoice';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;
const CLIENT = 'Hudson Valley Credit Union';
const ZONE = 'America/New_York';

// The seeded visit, figured by hand: Hudson Valley's contract is $350 base and
// $125 an hour, its main site is local (no surcharge). Booked yesterday 13:00
// New York time for an estimate of 1 hour, so the prepayment is the base alone,
// $350. Tom Becker checked in at 13:05 and out 130 minutes later, 15:15; one more
// hour was approved and paid at the rate, $125. 130 minutes bill as 3 whole
// hours: $350 + 2 × $125 = $600 against $350 + $125 = $475 paid, $125 due.
test("a completed visit's invoice shows the total and balance, and the month's CSV has its line", async ({ browser }) => {
  const run = Date.now().toString(36);
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const desk = await SyncDesk.open(context, SERVER, `invoice-${run}`);
  await desk.signIn('sam.whitfield@example.com');
  const clients = new ClientsPage(desk.page);
  await clients.open();
  await clients.find(CLIENT);
  await clients.results.getByRole('button', { name: CLIENT }).first().click();

  const visits = new ClientVisitsSection(desk.page);
  const yesterday = DateTime.now().setZone(ZONE).minus({ days: 1 });
  await visits.showMonth(yesterday.toFormat('yyyy-MM'));
  const row = visits.row('Tom Becker').filter({ hasText: '1:05' });
  await expect(row).toHaveCount(1);
  const sectionAxe = await new AxeBuilder({ page: desk.page }).include('[data-testid="client-visits"]').analyze();
  expect(sectionAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const invoice = await visits.openInvoice('Tom Becker');
  await expect(invoice.total).toHaveText('$600.00');
  await expect(invoice.paid).toHaveText('$475.00');
  await expect(invoice.balance).toHaveText('Balance due: $125.00');
  await expect(invoice.time).toHaveText('2 h 10 min (130 min), billed as 3 whole hours');
  await expect(invoice.zone).toContainText(ZONE);
  await expect(invoice.sheet).toContainText(`${yesterday.toFormat('MMM d, yyyy')}, 1:05`);
  await expect(invoice.sheet).toContainText('Additional time: 1 h');

  const axe = await new AxeBuilder({ page: desk.page }).include('[data-testid="invoice-dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A modal dialog: Tab goes round its own buttons, never to the console behind it.
  for (let i = 0; i < 4; i++) await desk.page.keyboard.press('Tab');
  await expect(invoice.root.locator(':focus')).toHaveCount(1);

  const one = await invoice.downloadCsv();
  expect(one.download.suggestedFilename()).toMatch(/^invoice-hudson-valley-credit-union-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(one.text.split('\r\n').at(-2)).toMatch(/,balance_due,Balance due,,,125\.00$/);
  await invoice.close();

  const month = await visits.downloadMonthlyCsv();
  expect(month.download.suggestedFilename()).toBe(`hudson-valley-credit-union-visits-${yesterday.toFormat('yyyy-MM')}.csv`);
  const lines = month.text.split('\r\n');
  expect(lines[0]).toBe(
    'Visit date,Time zone,Ticket,Site,Technician,Check-in,Check-out,Onsite minutes,Billed hours,Base,Additional hours,Hourly rate,Additional amount,Total,Paid,Balance',
  );
  const line = lines.filter((l) => l.includes(',Tom Becker,13:05,'));
  expect(line).toHaveLength(1);
  expect(line[0]).toMatch(
    new RegExp(
      `^${yesterday.toFormat('yyyy-MM-dd')},${ZONE},.*,Main office,Tom Becker,13:05,15:15,130,3,350\\.00,2,125\\.00,250\\.00,600\\.00,475\\.00,125\\.00$`,
    ),
  );
  await context.close();
});
