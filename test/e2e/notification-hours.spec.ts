// My working hours hold notifications about non-Critical tickets until my next opening;
// changing the hours in the settings dialog changes when a held one is delivered, at once,
// without a reload (docs/domain/escalations-and-notifications.md). Local-only desk, so the
// clock can be set to a chosen Wednesday; it is moved by the test, never waited on.
import { expect, test } from '@playwright/test';
import { NotificationSettingsDialog } from './pages/notification-settings';
import { QueuePage } from './pages/queue-page';

interface RecordedNotification {
  title: string;
  body: string;
}
declare global {
  interface Window {
    recordedNotifications: RecordedNotification[];
  }
}

test('a held notification goes out as soon as my hours include now', async ({ browser }) => {
  const run = Date.now().toString(36);
  const high = `Printer offline ${run}`;
  const critical = `Server down ${run}`;
  // Wednesday 14 January 2026, 09:00 in Chicago, the zone of the computer and of the client's contract.
  const context = await browser.newContext({ timezoneId: 'America/Chicago' });
  await context.addInitScript(() => {
    window.recordedNotifications = [];
    class Recorded {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      onclose: (() => void) | null = null;
      constructor(title: string, options: { body: string }) {
        window.recordedNotifications.push({ title, body: options.body });
      }
      close() {
        this.onclose?.();
      }
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-01-14T15:00:00Z') });
  const queue = new QueuePage(page);
  await queue.open({ db: `hours-${run}`, demo: 10 });

  // Wednesday off: notifications about non-Critical tickets wait for Thursday.
  const settings = new NotificationSettingsDialog(page);
  await settings.open();
  await expect(settings.nextOpening).toContainText('in your working hours until Wednesday 17:00');
  await settings.setWorking('Wednesday', false);
  await expect(settings.nextOpening).toHaveText(
    'You are outside your working hours: notifications for non-Critical tickets wait until Thursday 08:00.',
  );
  await settings.save();
  await expect(settings.root).toBeHidden();

  for (const [title, priority] of [
    [high, 'High'],
    [critical, 'Critical'],
  ] as const) {
    await page.keyboard.press('n');
    const dialog = queue.newTicketDialog();
    await dialog.fill({ client: 'Harbor Dental Group', title, priority });
    await dialog.root.getByLabel('Assignee').selectOption({ label: 'Priya Natarajan' });
    await dialog.submit();
    await expect(dialog.root).toBeHidden();
  }

  const shown = (body: string) => page.evaluate((b) => window.recordedNotifications.filter((n) => n.body === b).map((n) => n.title), body);
  // 11:05: High's first response (2 business hours) is late; Critical's (1 hour) has breached.
  await page.clock.fastForward('02:05:00');
  // Critical notifies outside working hours; the same check held High's.
  await expect.poll(() => shown(critical)).toEqual(['First response breached']);
  expect(await shown(high)).toEqual([]);

  // Wednesday back on: now is inside working hours, and the held notification goes out with no clock change.
  await settings.open();
  await expect(settings.day('Wednesday').getByLabel('Working')).not.toBeChecked();
  await settings.setWorking('Wednesday', true);
  await expect(settings.nextOpening).toContainText('in your working hours until Wednesday 17:00');
  await settings.save();
  await expect(settings.root).toBeHidden();
  await expect.poll(() => shown(high)).toEqual(['First response is late']);
  await context.close();
});

test('impossible hours are refused with the day named, and nothing is saved', async ({ page }) => {
  const queue = new QueuePage(page);
  await queue.open({ db: `hours-bad-${Date.now().toString(36)}`, demo: 5 });
  const settings = new NotificationSettingsDialog(page);
  await settings.open();
  await settings.setHours('Tuesday', '17:00', '08:00');
  await settings.root.getByLabel('Time zone').fill('Mars/Olympus_Mons');
  await settings.save();
  await expect(settings.day('Tuesday').getByRole('alert')).toContainText('Tuesday: window 17:00–08:00 ends before it starts');
  await expect(settings.root.getByLabel('Time zone')).toHaveAccessibleDescription(/'Mars\/Olympus_Mons' is not an IANA time zone/);
  await page.keyboard.press('Escape');
  await expect(settings.root).toBeHidden();

  await settings.open();
  await expect(settings.day('Tuesday').getByLabel('From', { exact: true })).toHaveValue('08:00');
  await expect(settings.root.getByLabel('Time zone')).not.toHaveValue('Mars/Olympus_Mons');
});
