// One onsite visit through its whole life (docs/domain/onsite-visits.md and
// onsite-visits-technician.md), on the real screens, with data of its own:
// a coordinator gives a new client a local site and a $135/h contract and
// quotes a 3-hour visit on a ticket; the client approves; a prepayment off the
// $25 steps is refused and the right one taken; a scheduler books it on the
// board and a second visit on the same technician's slot is refused (by the
// desk, then by the server); the technician checks in and out with no
// connection, syncs, and the coordinator's invoice settles it to the cent.
//
// The technician is Aisha Rahman, whom the demo leaves free; the visit is
// booked TODAY at 09:00: check-in and check-out are not tied to the booked
// slot, but "My visits" lists only today and the next six days, so a visit
// booked weeks ahead could not be worked from that screen. (board.spec.ts books
// Aisha five and six weeks ahead, so today is hers alone.)
//
// Figured by hand: base $350 (covers the first hour), $135/h, 3 h estimated →
// $350 + 2 × $135 = $620.00; prepayment = base + the fewest $25 steps reaching
// it: $270 over the base → 11 steps → $625.00. Onsite 2 h 10 min = 130 min →
// 3 whole hours → $620.00 charged, $625.00 paid → $5.00 refunded.
import { expect, test, type Browser } from '@playwright/test';
import { DateTime } from 'luxon';
import { SYNC_PORT } from '../../playwright.config';
import { BoardPage } from './pages/board-page';
import { ClientsPage } from './pages/clients-page';
import { InvoiceDialog } from './pages/invoice';
import { MyVisitsScreen } from './pages/my-visits';
import { pushAs, serverVisit } from './pages/server-rows';
import { SyncDesk } from './pages/sync-desk';
import { TicketVisitsPanel, VisitsScreen } from './pages/visits';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;
const ZONE = 'America/Chicago';
const COORDINATOR = 'sam.whitfield@example.com';
const SCHEDULER = 'jo.alvarez@example.com';
const TECHNICIAN = 'Aisha Rahman';
const TECHNICIAN_EMAIL = 'aisha.rahman@example.com';

async function deskFor(browser: Browser, email: string, name: string): Promise<SyncDesk> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: ZONE, acceptDownloads: true });
  const desk = await SyncDesk.open(context, SERVER, name);
  await desk.signIn(email);
  return desk;
}

/** Approves the selected visit's quote as the Billing Contact and records its prepayment, refusing a wrong amount first if given. */
async function approveAndPrepay(visits: VisitsScreen, amount: string, reference: string, wrong?: { amount: string; message: string }) {
  await expect(visits.stage()).toHaveText('Awaiting approval');
  await visits.recordApproval('Phone');
  await expect(visits.stage()).toHaveText('Awaiting prepayment');
  await visits.detail.getByRole('button', { name: 'Record prepayment…' }).click();
  const pay = visits.prepaymentForm();
  await expect(pay.getByLabel('Amount (USD)')).toHaveValue(amount);
  await pay.getByLabel('Paid by').selectOption({ label: 'Card by phone' });
  await pay.getByLabel('Reference').fill(reference);
  if (wrong) {
    await pay.getByLabel('Amount (USD)').fill(wrong.amount);
    await pay.getByRole('button', { name: 'Record prepayment' }).click();
    await expect(pay.getByTestId('payment-amountCents-error')).toHaveText(wrong.message);
    await expect(visits.stage()).toHaveText('Awaiting prepayment');
    await pay.getByLabel('Amount (USD)').fill(amount);
  }
  await pay.getByRole('button', { name: 'Record prepayment' }).click();
  await expect(pay).toBeHidden();
  await expect(visits.stage()).toHaveText('To schedule');
}

test('one visit: quoted, approved, prepaid, booked (an overlap refused), worked offline, synced, invoiced to the cent', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const clientName = `Lakeview Dental ${run}`;
  const contact = `Nora Quinn ${run}`;
  const title = `Server room switch dead ${run}`;
  const scope = `Replace the core switch (${run})`;
  const otherScope = `Label the patch panel (${run})`;

  // ── The coordinator: a client of this test's own, a ticket, the quote. ──
  const coord = await deskFor(browser, COORDINATOR, `flow-coord-${run}`);
  const clients = new ClientsPage(coord.page);
  await clients.open();
  await clients.newClient(clientName, ZONE);
  const site = clients.site(0);
  await site.getByLabel('Site name').fill('Main office');
  await site.getByLabel('Address').fill('1200 N Lake Shore Drive, Chicago IL');
  await site.getByLabel('Travel zone').selectOption({ label: 'Local (within 25 miles)' });
  await site.getByLabel('Latitude (optional)').fill('41.9028');
  await site.getByLabel('Longitude (optional)').fill('-87.6262');
  await clients.client.getByLabel('Hourly rate (USD)').fill('135');
  await clients.save();
  await expect(clients.client.getByTestId('client-saved')).toContainText(clientName);
  const contacts = coord.page.getByTestId('contacts-panel');
  await contacts.getByRole('button', { name: 'Add contact…' }).click();
  const contactForm = contacts.getByRole('form', { name: 'New contact' });
  await contactForm.getByLabel('Name', { exact: true }).fill(contact);
  await contactForm.getByLabel('Role', { exact: true }).selectOption('billing_contact');
  await contactForm.getByLabel('Phone 1', { exact: true }).fill('312-555-0142');
  await contactForm.getByRole('button', { name: 'Add contact' }).click();
  await expect(contactForm).toBeHidden();
  await coord.waitSynced();

  await coord.page.keyboard.press('q');
  await coord.createTicket(clientName, title, 'High');
  await coord.search(title);
  await coord.queue.row(title).click();
  await coord.page.keyboard.press('Enter');

  const panel = new TicketVisitsPanel(coord.page);
  await panel.openRequest();
  await expect(panel.dialog.getByLabel('Agreed hourly rate (USD)')).toHaveValue('135.00');
  await panel.fill({ contact: `${contact} — Billing Contact`, scope, hours: '3' });
  await expect(panel.liveQuote('quote-base')).toHaveText('$350.00');
  await expect(panel.liveQuote('quote-total')).toHaveText('$620.00');
  await expect(panel.liveQuote('quote-prepayment')).toHaveText('$625.00 (base $350.00 + 11 × $25.00)');
  await panel.dialog.getByRole('button', { name: 'Request the visit' }).click();
  await expect(panel.dialog).toBeHidden();
  // A second, one-hour visit: the base alone covers it. It is the one the board must refuse on the same slot.
  await panel.root.getByRole('button', { name: /Request onsite visit/ }).click();
  await panel.fill({ contact: `${contact} — Billing Contact`, scope: otherScope, hours: '1' });
  await expect(panel.liveQuote('quote-prepayment')).toHaveText('$350.00 (base $350.00 + 0 × $25.00)');
  await panel.dialog.getByRole('button', { name: 'Request the visit' }).click();
  await expect(panel.visit(otherScope).getByTestId('ticket-visit-stage')).toHaveText('Awaiting approval');

  // ── Approval and prepayment on the Visits screen: $600 is on a $25 step but short of the $620 quote (visits.spec.ts refuses one off the steps). ──
  await panel.visit(scope).getByRole('button', { name: 'Open in Visits' }).click();
  const visits = new VisitsScreen(coord.page);
  await approveAndPrepay(visits, '625.00', `AUTH-${run}`, {
    amount: '600',
    message: '$600.00 does not cover the estimate of $620.00: take $625.00 (base $350.00 + 11 × $25.00).',
  });
  await visits.root.getByTestId('visit-row').filter({ hasText: otherScope }).click();
  await approveAndPrepay(visits, '350.00', `AUTH2-${run}`);
  await coord.waitSynced();

  // ── The scheduler books the visit today at 09:00 with Aisha; the second visit on her same morning is refused. ──
  const sched = await deskFor(browser, SCHEDULER, `flow-sched-${run}`);
  const board = new BoardPage(sched.page);
  await board.open();
  await board.weeksAhead(0);
  const today = DateTime.now().setZone(ZONE);
  await board.placeWithKeyboard(scope, TECHNICIAN, today.weekday - 1);
  await sched.page.keyboard.press('Enter');
  await expect(board.message).toContainText(`Booked ${clientName} with ${TECHNICIAN}`);
  const booked = board.row(TECHNICIAN).getByTestId('board-visit').filter({ hasText: clientName });
  await expect(booked).toHaveCount(1);
  await expect(booked).toContainText(/9:00–12:00 C[SD]T/);
  await sched.waitSynced();

  const visitId = (await booked.getAttribute('data-visit-id'))!;
  const otherId = (await board.waitingVisit(otherScope).getAttribute('data-visit-id'))!;
  const technicianId = (await board.row(TECHNICIAN).getAttribute('data-technician-id'))!;
  await board.placeWithKeyboard(otherScope, TECHNICIAN, today.weekday - 1);
  await sched.page.keyboard.press('Enter');
  await expect(board.message).toContainText(`Not booked: ${TECHNICIAN} is already booked`);
  await expect(board.message).toContainText(`at ${clientName}, Main office: a technician cannot be in two places at once`);
  await expect(sched.status).toHaveAttribute('data-pending', '0');
  await sched.page.keyboard.press('Escape');
  // The server refuses it too, from a desk that never saw the first booking, and notes why on the visit for every scheduler.
  const onServer = await serverVisit(request, SERVER, SCHEDULER, visitId);
  expect(onServer).toMatchObject({ status: 'scheduled', technicianId });
  const refused = await pushAs(request, SERVER, SCHEDULER, 'scheduleVisit', {
    id: otherId,
    slot: { technicianId, startsAt: onServer!.startsAt },
  });
  expect(refused).toMatchObject({ status: 'rejected', code: 'booking_conflict' });
  expect((refused as { message: string }).message).toContain(`${TECHNICIAN} is already booked`);
  await expect(board.waitingVisit(otherScope).getByTestId('board-refusal')).toContainText(`${TECHNICIAN} is already booked`, {
    timeout: 30_000,
  });
  await expect(board.row(TECHNICIAN).getByTestId('board-visit')).toHaveCount(1);

  // ── The technician, with no connection: arrived 2 h 30 min ago (a forgotten press), left 2 h 10 min later. ──
  const tech = await deskFor(browser, TECHNICIAN_EMAIL, `flow-tech-${run}`);
  const mine = new MyVisitsScreen(tech.page);
  await mine.open();
  const card = mine.visit(visitId);
  await expect(card.stage()).toHaveText(/^Scheduled/);
  await expect(card.root).toHaveAttribute('data-site-zone', ZONE);
  await tech.context.setOffline(true);
  await expect(tech.status).toHaveAttribute('data-connection', 'offline');
  const arrived = DateTime.now().setZone(ZONE).startOf('minute').minus({ minutes: 150 });
  const left = arrived.plus({ minutes: 130 });
  await card.checkAt('in', arrived.toFormat("yyyy-LL-dd'T'HH:mm"));
  await expect(card.stage()).toHaveText(/^Onsite/);
  await card.checkAt('out', left.toFormat("yyyy-LL-dd'T'HH:mm"));
  await expect(card.stage()).toHaveText(/^Completed/);
  await expect(card.root.getByTestId('done-minutes')).toHaveText('130');
  await expect(card.root.getByTestId('done-billed-hours')).toHaveText('3');
  await expect(tech.status).not.toHaveAttribute('data-pending', '0');

  await tech.context.setOffline(false);
  await tech.waitSynced();
  const done = await serverVisit(request, SERVER, TECHNICIAN_EMAIL, visitId);
  expect(done).toMatchObject({ status: 'completed', onsiteMinutes: 130, billedHours: 3 });
  expect(Date.parse(done!.checkedInAt!)).toBe(arrived.toMillis());
  expect(Date.parse(done!.checkedOutAt!)).toBe(left.toMillis());

  // ── The coordinator's desk hears of it; the invoice settles the visit. ──
  // Away and back: the screen reads the rows as they are now.
  await coord.page.keyboard.press('q');
  await coord.page.keyboard.press('v');
  const row = visits.group('completed').getByTestId('visit-row').filter({ hasText: scope });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await row.click();
  await expect(visits.stage()).toHaveText('Completed');
  await visits.detail.getByRole('button', { name: 'Invoice…' }).click();
  const invoice = new InvoiceDialog(coord.page);
  await expect(invoice.sheet).toBeVisible();
  await expect(invoice.sheet).toContainText(clientName);
  await expect(invoice.sheet).toContainText(TECHNICIAN);
  await expect(invoice.zone).toContainText(ZONE);
  await expect(invoice.time).toHaveText('2 h 10 min (130 min), billed as 3 whole hours');
  await expect(invoice.total).toHaveText('$620.00');
  await expect(invoice.paid).toHaveText('$625.00');
  await expect(invoice.balance).toHaveText('Refund due to you: $5.00');
  await invoice.close();

  for (const desk of [coord, sched, tech]) await desk.context.close();
});
