// The time panel in the ticket detail, on the local store: the timer outlives
// a reload; included time across the 2-hour line shows the approval block and
// is refused, with its reason, and nothing is logged.
import { expect, test } from '@playwright/test';
import { QueuePage } from './pages/queue-page';

// Tuesday 4 March 2025, 10:00 in Los Angeles: inside every demo contract's business hours.
test.use({ timezoneId: 'America/Los_Angeles' });

test('timer survives a reload; time past 2 included hours needs approval', async ({ page }) => {
  const queue = new QueuePage(page);
  const db = `time-${Date.now()}`;
  await queue.open({ db });
  const ticketId = await queue.rows().nth(0).getAttribute('data-ticket-id');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('ticket-detail').getByTestId('time-panel');
  await panel.getByRole('button', { name: 'Start timer' }).click();
  await expect(panel.getByRole('timer')).toContainText('Timer running');

  await page.reload();
  await expect(queue.grid).toHaveAttribute('aria-busy', 'false');
  await queue.grid.locator(`tbody tr[data-ticket-id="${ticketId}"]`).click();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('timer')).toContainText('Timer running');
  await panel.getByRole('button', { name: 'Discard timer' }).click();
  await expect(panel.getByRole('button', { name: 'Start timer' })).toBeEnabled();

  const log = async (start: string, minutes: string, note: string) => {
    await panel.getByRole('button', { name: 'Log time…' }).click();
    const form = panel.getByRole('form', { name: 'Log time' });
    await form.getByLabel('Started').fill(start);
    await form.getByLabel('or duration (minutes)').fill(minutes);
    await form.getByLabel('Note').fill(note);
    return form;
  };
  const first = await log('2025-03-04T10:00', '90', 'Rebuilt the mail profile.');
  await first.getByRole('button', { name: 'Log time' }).click();
  await expect(panel.getByTestId('time-totals')).toHaveText('Included 1 h 30 min · Billable 0 min');

  const second = await log('2025-03-04T12:00', '45', 'Checked the sync again.');
  await expect(second.getByTestId('approval-block')).toContainText('would come to 2 h 15 min');
  await second.getByRole('button', { name: 'Log time' }).click();
  await expect(panel.getByRole('alert')).toContainText("needs approval by the client's Billing Contact or Backup Approver");
  await expect(panel.getByTestId('time-totals')).toHaveText('Included 1 h 30 min · Billable 0 min');
  await expect(panel.getByRole('table', { name: 'Time entries' }).locator('tbody tr')).toHaveCount(1);
});
