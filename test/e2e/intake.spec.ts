// Phone intake (docs/domain/phone-intake.md, "The intake screen"): a known
// caller to a saved ticket from the keyboard alone, counted; an unknown
// caller's request held for confirmation; the after-hours notice; a MAC-only
// caller's billable work held naming the approvers; a draft surviving a
// reload; bad input by the field; the whole call offline, then synced; a
// ?call= link opening the form with the caller found (and a malformed one shown
// by the field); "Call back later" reaching the Callbacks screen; a call added
// to an open ticket; intake adding an unknown caller as a contact, held.
// Harbor Dental Group's demo contacts (src/server/seed/demo-contacts.ts):
// +1 312 555 0100 Billing Contact, 0101 Backup Approver, 0102 MAC-only requestor.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { CallbacksScreen } from './pages/callbacks';
import { IntakePage } from './pages/intake-page';
import { TicketView } from './pages/ticket-view';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;
const BILLING = '312 555 0100';
const MAC_ONLY = '312 555 0102';
/** A working day at 10:00 in Chicago (Harbor Dental's zone): inside business hours. */
const WORKING_HOURS = new Date('2026-11-25T16:00:00Z');
/** A Friday at 21:00 in Chicago: outside them. */
const AFTER_HOURS = new Date('2026-11-28T03:00:00Z');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** An intake person's console, signed in, its clock set so business hours are known. */
async function intakeDesk(browser: Browser, name: string, clock: Date = WORKING_HOURS) {
  const context = await browser.newContext({ timezoneId: 'America/Chicago' });
  const page = await context.newPage();
  await page.clock.install({ time: clock });
  await page.goto(`/?db=${name}-${Date.now().toString(36)}&server=${encodeURIComponent(SERVER)}`);
  const desk = new SyncDesk(context, page);
  await desk.signIn('maya.okafor@example.com');
  return { desk, intake: new IntakePage(page) };
}

test('a known caller to a saved ticket in at most 12 keystroke-steps, no mouse', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-keys');
  const title = `Printer offline ${Date.now().toString(36)}`;

  await intake.startCall();
  await intake.type(BILLING);
  await intake.expectCallerFound();
  await intake.press('Enter');
  await expect(intake.field('Title')).toBeFocused();
  await intake.type(title);
  await intake.press('Tab');
  await intake.type('The front desk printer shows offline since this morning.');
  await intake.press('Tab');
  await intake.press('3');
  await expect(intake.form.getByTestId('suggested-priority')).toHaveText('Medium');
  await expect(intake.form.getByTestId('first-response-due')).toContainText('America/Chicago');
  await intake.press('Control+Enter');

  await expect(intake.saved).toContainText(`Ticket saved: ${title}`);
  expect(intake.steps).toBeLessThanOrEqual(12);
  expect(await seriousViolations(desk.page)).toEqual([]);
  await desk.waitSynced();
  await desk.page.keyboard.press('q');
  await desk.search(title);
  await expect(desk.queue.row(title)).toContainText('Medium');
  await desk.context.close();
});

test('bad input is named by its field and nothing is saved; an unknown caller is held for confirmation', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-unknown');
  const title = `Cannot log in ${Date.now().toString(36)}`;
  await intake.startCall();
  // A number no other spec gives a contact: the specs share one server, and contacts.spec adds 913-555-0142.
  await intake.type('913 555 0163');
  await expect(intake.form.getByTestId('caller-status')).toContainText('No contact matches');
  await expect(intake.form).toHaveAttribute('data-caller-found', 'false');
  expect(await seriousViolations(desk.page)).toEqual([]);

  await intake.field('Title').fill(title);
  await intake.field('Callback number (read it back to confirm)').fill('call me after lunch');
  await intake.field('Email').fill('jordan@');
  await intake.form.getByRole('button', { name: /Save ticket/ }).click();
  await expect(intake.errorOf('Callback number (read it back to confirm)')).toContainText('is not a phone number');
  await expect(intake.errorOf('Email')).toContainText('has no domain');
  await expect(intake.errorOf('Client')).toContainText('Choose the client the caller is from');
  await expect(intake.form.getByTestId('impact').locator('.field-error')).toContainText('Choose who the problem affects');
  await expect(intake.saved).toHaveCount(0);

  await intake.field('Callback number (read it back to confirm)').fill('913 555 0163');
  await intake.field('Email').fill('jordan@harbordental.example');
  await intake.field('Caller name').fill('Jordan Lee');
  await intake.field('Client').selectOption({ label: 'Harbor Dental Group' });
  await intake.field("What is happening (in the caller's words)").fill('Says the practice software rejects the password.');
  await intake.form.getByLabel('One user').check();
  await expect(intake.form.getByTestId('held-notice')).toContainText('awaiting confirmation');
  await expect(intake.form.getByTestId('approvers')).toContainText('(Billing Contact)');
  await intake.form.getByRole('button', { name: /Save ticket/ }).click();
  await expect(intake.saved).toContainText('held, awaiting confirmation');
  await desk.waitSynced();
  await desk.context.close();
});

test('after hours: the notice is shown, the save is refused until the caller is told, and the answer is recorded', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-after', AFTER_HOURS);
  const title = `Server room alarm ${Date.now().toString(36)}`;
  await intake.startCall();
  await intake.type(BILLING);
  await intake.press('Enter');
  await intake.type(title);
  await intake.press('Tab');
  await intake.type('The server room temperature alarm is sounding.');
  await intake.press('Tab');
  await intake.press('2');
  const notice = intake.form.getByTestId('after-hours');
  await expect(notice).toContainText("outside Harbor Dental Group's business hours");
  await expect(notice).toContainText('billable unless the issue is Critical');
  expect(await seriousViolations(desk.page)).toEqual([]);

  await intake.press('Control+Enter');
  await expect(notice.getByRole('alert')).toContainText('tell the caller');
  await expect(intake.saved).toHaveCount(0);

  await notice.getByLabel('Caller was told').check();
  await notice.getByLabel('Caller agreed to the charge').check();
  await intake.field('Estimate (hours)').fill('1');
  await intake.press('Control+Enter');
  await expect(intake.saved).toContainText(`Ticket saved: ${title}`);
  await expect(intake.saved).toContainText('the caller was told and agreed to the charge');
  await desk.waitSynced();
  await desk.context.close();
});

test('a MAC-only caller asking for billable work ends with a held ticket naming the approvers', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-mac');
  const title = `New workstations ${Date.now().toString(36)}`;
  await intake.startCall();
  await intake.type(MAC_ONLY);
  await intake.expectCallerFound();
  await intake.press('Enter');
  await intake.type(title);
  await intake.field("What is happening (in the caller's words)").fill('Set up three new workstations for the new hygienists.');
  await intake.form.getByLabel('A planned change or project').check();
  await intake.form.getByTestId('request-kind').selectOption('billable_work');
  await expect(intake.form.getByTestId('may-request')).toContainText('A MAC-only requestor may request billable work.');
  const approvers = intake.form.getByTestId('approvers');
  await expect(approvers).toContainText('(Billing Contact)');
  await expect(approvers).toContainText('(Backup Approver)');
  await expect(approvers).not.toContainText('MAC-only');
  await intake.field('Estimate (hours)').fill('3');
  await intake.form.getByRole('button', { name: /Save ticket/ }).click();
  await expect(intake.saved).toContainText('held, awaiting approval');
  await desk.waitSynced();

  await desk.page.keyboard.press('h');
  const held = desk.page.getByTestId('held-requests-screen').getByTestId('held-request-row').filter({ hasText: title });
  await expect(held).toContainText('Awaiting approval');
  await expect(held).toContainText('(Billing Contact, (');
  await desk.context.close();
});

test('a reload mid-call brings the form back as it was typed', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-draft');
  await intake.startCall();
  await intake.type(BILLING);
  await intake.press('Enter');
  await intake.type('Scanner jams');
  await intake.form.getByLabel('Several users').check();
  await expect(intake.form).toHaveAttribute('data-draft', 'stored');
  const started = await intake.form.page().getByTestId('call-started').textContent();

  await desk.page.reload();
  // The web console keeps no session across a reload: sign in again, the call is still there.
  await desk.signIn('maya.okafor@example.com');
  await expect(intake.form).toBeVisible();
  await expect(intake.field('Title')).toHaveValue('Scanner jams');
  await expect(intake.form).toHaveAttribute('data-caller-found', 'true');
  await expect(intake.form.getByLabel('Several users')).toBeChecked();
  await expect(desk.page.getByTestId('call-started')).toHaveText(started!);

  await intake.form.getByRole('button', { name: 'Discard call' }).click();
  await expect(intake.saved).toContainText('nothing was saved');
  await desk.page.reload();
  await desk.signIn('maya.okafor@example.com');
  await expect(desk.queue.search).toBeVisible();
  await expect(intake.form).toHaveCount(0);
  intake.steps = 0;
  await intake.startCall();
  await expect(intake.field('Title')).toHaveValue('');
  await desk.context.close();
});

test('the whole call offline, then synced', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-offline');
  const title = `Offline intake ${Date.now().toString(36)}`;
  await desk.context.setOffline(true);
  await expect(desk.status).toHaveAttribute('data-connection', 'offline');
  await intake.startCall();
  await intake.type(BILLING);
  await intake.press('Enter');
  await intake.type(title);
  await intake.press('Tab');
  await intake.type('Email stuck in the outbox for the whole office.');
  await intake.press('Tab');
  await intake.press('2');
  await intake.press('Control+Enter');
  await expect(intake.saved).toContainText(`Ticket saved: ${title}`);
  await expect(desk.status).not.toHaveAttribute('data-pending', '0');

  await desk.context.setOffline(false);
  await desk.waitSynced();
  await desk.page.keyboard.press('q');
  await desk.search(title);
  await expect(desk.queue.row(title)).toContainText('High');
  await desk.context.close();
});

test("?call= with a demo contact's number opens the form with the caller found; a malformed one is shown by the field, nothing saved", async ({
  browser,
}) => {
  const context = await browser.newContext({ timezoneId: 'America/Chicago' });
  const page = await context.newPage();
  await page.clock.install({ time: WORKING_HOURS });
  const db = `intake-link-${Date.now().toString(36)}`;
  await page.goto(`/?db=${db}&server=${encodeURIComponent(SERVER)}&call=%2B13125550100`);
  const desk = new SyncDesk(context, page);
  await desk.signIn('maya.okafor@example.com');
  const intake = new IntakePage(page);
  await expect(intake.form).toBeVisible();
  await intake.expectCallerFound();
  await expect(intake.callerField).toHaveValue('+13125550100');
  await expect(intake.field('Client')).toHaveValue(/.+/);
  await expect(intake.field('Caller name')).not.toHaveValue('');

  // A number no phone has: the call starts, the problem is by the caller field, and nothing is saved.
  await intake.form.getByRole('button', { name: 'Discard call' }).click();
  await page.goto(`/?db=${db}&server=${encodeURIComponent(SERVER)}&call=12`);
  await desk.signIn('maya.okafor@example.com');
  await expect(intake.form).toBeVisible();
  await expect(intake.form).toHaveAttribute('data-caller-found', 'false');
  await expect(intake.callerField).toHaveAttribute('aria-invalid', 'true');
  await expect(intake.form.locator('.caller-search')).toContainText('The number the phone system passed cannot be used');
  await intake.form.getByRole('button', { name: /Save ticket/ }).click();
  await expect(intake.errorOf('Title')).toContainText('Enter a title');
  await expect(intake.saved).toHaveCount(0);
  await expect(desk.status).toHaveAttribute('data-pending', '0');
  await context.close();
});

test('"Call back later" from the intake form promises a callback that the Callbacks screen lists', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-callback');
  const reason = `Wants the quote for new handsets ${Date.now().toString(36)}`;
  await intake.startCall();
  await intake.type(BILLING);
  await intake.expectCallerFound();
  await intake.form.getByRole('button', { name: 'Call back later…' }).click();
  const dialog = desk.page.getByRole('dialog', { name: 'Promise a callback' });
  await expect(dialog.getByLabel('Number to call')).not.toHaveValue('');
  await dialog.getByLabel('Why they need a call back').fill(reason);
  await dialog.getByRole('button', { name: 'In 2 h' }).click();
  await dialog.getByRole('button', { name: 'Promise the callback' }).click();
  await expect(dialog).toBeHidden();
  await expect(intake.saved).toContainText('Callback promised to');
  await desk.waitSynced();

  const screen = new CallbacksScreen(desk.page);
  await screen.open();
  await expect(screen.rows(reason)).toHaveCount(1);
  await expect(screen.rows(reason)).toContainText('(America/Chicago)');
  await desk.context.close();
});

test('a call about an open ticket is added to it: no new ticket, and its timeline shows the call', async ({ browser }) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-existing');
  const title = `Phones drop calls ${Date.now().toString(36)}`;
  await intake.startCall();
  await intake.type(BILLING);
  await intake.press('Enter');
  await intake.type(title);
  await intake.press('Tab');
  await intake.type('Every call to the front desk drops after a minute.');
  await intake.press('Tab');
  await intake.press('2');
  await intake.press('Control+Enter');
  await expect(intake.saved).toContainText(`Ticket saved: ${title}`);
  await desk.waitSynced();

  await intake.startCall();
  await intake.type(BILLING);
  await intake.press('Enter');
  const open = intake.form.getByTestId('intake-open-tickets');
  await open.getByRole('radio', { name: new RegExp(title) }).check();
  await intake.field("What is happening (in the caller's words)").fill('It happened again at 9:40, twice.');
  await intake.form.getByRole('button', { name: /Add the call to the ticket/ }).click();
  await expect(intake.saved).toContainText('The call was added to the open ticket');
  await desk.waitSynced();

  await intake.saved.getByRole('button', { name: 'Open the ticket' }).click();
  const ticket = new TicketView(desk.page);
  await expect(ticket.root).toContainText(title);
  await expect(ticket.timeline).toContainText('It happened again at 9:40, twice.');
  await desk.page.keyboard.press('Escape');
  await desk.page.keyboard.press('q');
  await desk.search(title);
  await expect(desk.queue.rows()).toHaveCount(1);
  await desk.context.close();
});

test('an unknown caller, taken by intake: a new contact on the chosen client, the request held for confirmation on Held requests', async ({
  browser,
}) => {
  const { desk, intake } = await intakeDesk(browser, 'intake-new-contact');
  const run = Date.now().toString(36);
  const title = `Cannot scan ${run}`;
  await intake.startCall();
  await intake.type('913 555 0177');
  await expect(intake.form).toHaveAttribute('data-caller-found', 'false');
  await intake.field('Caller name').fill(`Jordan Lee ${run}`);
  await intake.field('Client').selectOption({ label: 'Harbor Dental Group' });
  await intake.form.getByRole('button', { name: 'New contact on Harbor Dental Group' }).click();
  await expect(intake.form.getByTestId('new-contact-message')).toContainText(`Added Jordan Lee ${run} as a contact of Harbor Dental Group`);
  await intake.expectCallerFound();

  await intake.field('Title').fill(title);
  await intake.field("What is happening (in the caller's words)").fill('The scanner at the front desk jams on every page.');
  await intake.form.getByLabel('One user').check();
  await expect(intake.form.getByTestId('held-notice')).toContainText('awaiting confirmation');
  await expect(intake.form.getByTestId('approvers')).toContainText('(Billing Contact)');
  await intake.form.getByRole('button', { name: /Save ticket/ }).click();
  await expect(intake.saved).toContainText('held, awaiting confirmation');
  await desk.waitSynced();

  await desk.page.keyboard.press('h');
  const held = desk.page.getByTestId('held-requests-screen').getByTestId('held-request-row').filter({ hasText: title });
  await expect(held).toContainText('Awaiting confirmation');
  await expect(held).toContainText(`Jordan Lee ${run}`);
  await expect(held).toContainText('Nothing billable: confirmation only');
  await expect(held).toContainText('(Billing Contact, (');
  await desk.page.keyboard.press('q');
  await desk.search(title);
  await expect(desk.queue.row(title).getByTestId('held-marker')).toHaveText('Held');
  await desk.context.close();
});
