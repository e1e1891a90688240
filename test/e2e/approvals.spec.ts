// A MAC-only requestor asks for billable work: the request is held, billable
// time on the ticket is refused naming the Billing Contact to call, the Billing
// Contact approves by phone (taken by the signed-in technician), and the time
// is then logged against the approval (docs/domain/contacts-and-approvals.md).
// A site director then finds every step on the audit log and the chain verifies.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { ApprovalsPanel } from './pages/approvals';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('billable work held until the Billing Contact approves by phone; then the time is logged', async ({ browser }) => {
  const run = Date.now().toString(36);
  const title = `Add 20 users ${run}`;
  const description = `Add 20 users to the file share (${run})`;
  const ctx = await browser.newContext({ timezoneId: 'America/Chicago' });
  const tech = await SyncDesk.open(ctx, SERVER, `approvals-${run}`);
  await tech.signIn('priya.natarajan@example.com');
  await tech.createTicket('Harbor Dental Group', title, 'High');
  await tech.search(title);
  await tech.queue.row(title).click();
  await tech.page.keyboard.press('Enter');
  const panel = new ApprovalsPanel(tech.page);

  const { form } = await panel.request({
    requesterRole: 'MAC-only requestor',
    work: 'Bulk moves, adds or changes',
    hours: '3',
    description,
  });
  await expect(form.getByTestId('approval-triggers')).toContainText('bulk moves, adds or changes expected to take 3 h');
  await expect(form.getByTestId('approval-triggers')).toContainText('A MAC-only requestor may request billable work.');
  expect(await seriousViolations(tech.page)).toEqual([]);
  await form.getByRole('button', { name: 'Request approval' }).click();
  await expect(form).toBeHidden();
  await panel.expectHeld(description, 'Awaiting approval');
  const call = panel.item(description).getByTestId('whom-to-call');
  await expect(call).toContainText('(Billing Contact, (');
  await expect(call).not.toContainText('MAC-only');
  await expect(tech.queue.row(title).getByTestId('held-marker')).toHaveText('Held');

  // The Held requests screen lists it with whom to call.
  await tech.page.keyboard.press('Escape');
  await tech.page.keyboard.press('h');
  const held = tech.page.getByTestId('held-requests-screen').getByTestId('held-request-row').filter({ hasText: title });
  await expect(held).toContainText('Awaiting approval');
  await expect(held).toContainText('(Billing Contact, (');
  expect(await seriousViolations(tech.page)).toEqual([]);
  await held.getByRole('button', { name: title }).click();

  // Billable time is refused, naming the Billing Contact; nothing is logged.
  const entry = await panel.openLogTime('2025-03-04T10:00', '60', 'Billable', 'Added the first ten users.');
  await expect(entry.getByTestId('approval-block')).toContainText('awaiting approval. Call ');
  await entry.getByRole('button', { name: 'Log time' }).click();
  const refusal = panel.time.getByRole('alert');
  await expect(refusal).toContainText('(Billing Contact, (');
  await expect(panel.time.getByTestId('time-totals')).toHaveText('Included 0 min · Billable 0 min');
  await entry.getByRole('button', { name: 'Cancel' }).click();

  // The Billing Contact approves by phone; the technician signed in takes it.
  await panel.item(description).getByRole('button', { name: 'Record approval…' }).click();
  const approve = panel.item(description).getByRole('form', { name: 'Record approval' });
  const approver = approve.getByLabel('Approved by');
  const billing = await panel.contactName(approver, 'Billing Contact');
  await expect(refusal).toContainText(`Call ${billing} (Billing Contact`);
  await expect(approver.locator('option')).not.toContainText(['MAC-only requestor']);
  await approve.getByLabel('Received by').selectOption({ label: 'Phone' });
  // More than was requested is refused, naming the rule; nothing is recorded.
  await approve.getByLabel(/Hours approved/).fill('4');
  await approve.getByRole('button', { name: 'Record approval' }).click();
  await expect(approve.getByRole('alert')).toContainText('An approval may not be for more than was requested: 4 h approved, 3 h requested');
  await approve.getByLabel(/Hours approved/).fill('3');
  await approve.getByRole('button', { name: 'Record approval' }).click();
  await panel.expectHeld(description, 'Approved');
  await expect(panel.item(description).getByTestId('approval-record')).toContainText(`Approved 3 h by ${billing} by phone`);
  await expect(panel.item(description).getByTestId('approval-record')).toContainText('taken by Priya Natarajan');
  await expect(tech.queue.row(title).getByTestId('held-marker')).toHaveCount(0);

  const again = await panel.openLogTime('2025-03-04T10:00', '60', 'Billable', 'Added the first ten users.');
  await again.getByRole('button', { name: 'Log time' }).click();
  await expect(again).toBeHidden();
  await expect(panel.time.getByTestId('time-totals')).toHaveText('Included 0 min · Billable 1 h');
  await tech.waitSynced();
  await ctx.close();

  // Every step is on the audit log, by the technician, and the chain verifies (docs/domain/audit.md).
  const directorCtx = await browser.newContext({ timezoneId: 'America/Chicago' });
  const director = await SyncDesk.open(directorCtx, SERVER, `approvals-audit-${run}`);
  await director.signIn('marcus.reed@example.com');
  await director.page.keyboard.press('u');
  const audit = director.page.getByTestId('audit-screen');
  await audit.getByLabel('Client').selectOption({ label: 'Harbor Dental Group' });
  await audit.getByLabel('Person').selectOption({ label: 'Priya Natarajan' });
  await audit.getByRole('button', { name: 'Show' }).click();
  const rows = audit.getByTestId('audit-row');
  const step = (action: string, text: string) => rows.filter({ hasText: action }).filter({ hasText: text });
  await expect(step('createTicket', title)).toHaveCount(1, { timeout: 15_000 });
  await expect(step('requestApproval', description)).toHaveCount(1);
  await expect(step('requestApproval', description)).toContainText('awaiting_approval');
  const approval = step('recordApproval', 'approvedMinutes');
  await expect(approval.first()).toContainText('awaiting_approval → approved');
  await expect(approval.first()).toContainText('phone');
  await expect(approval.first()).toContainText('Priya Natarajan');
  await expect(step('logTime', 'Added the first ten users.').first()).toContainText('billable');
  await audit.getByRole('button', { name: 'Verify chain' }).click();
  await expect(audit.getByTestId('audit-verification')).toContainText('Chain intact');
  await directorCtx.close();
});
