// A Critical ticket assigned to me nears its breach, then breaches: the console notifies me once each
// (browser Notifications API here; the bridge in Electron), and the
// notification opens the ticket. The clock is moved by the test, never waited on
// (docs/domain/escalations-and-notifications.md).
import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;

interface FakeNotification {
  title: string;
  body: string;
  onclick: (() => void) | null;
}
declare global {
  interface Window {
    shownNotifications: FakeNotification[];
  }
}

test('my Critical ticket warns once, then notifies its breach once, and the notification opens it', async ({ browser }) => {
  const run = Date.now().toString(36);
  const title = `Server room flooded ${run}`;
  const context = await browser.newContext();
  // The browser's notifications, granted and recorded instead of shown.
  await context.addInitScript(() => {
    window.shownNotifications = [];
    class Recorded {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      onclose: (() => void) | null = null;
      constructor(
        readonly title: string,
        options: { body: string },
      ) {
        (this as unknown as { body: string }).body = options.body;
        window.shownNotifications.push(this as unknown as FakeNotification);
      }
      close() {
        this.onclose?.();
      }
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
  // The clock is installed before the page loads, so every timer of the page is under it.
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`/?db=notify-${run}&server=${encodeURIComponent(SERVER)}`);
  const desk = new SyncDesk(context, page);
  await desk.signIn('priya.natarajan@example.com');

  await desk.page.keyboard.press('n');
  const dialog = desk.queue.newTicketDialog();
  await dialog.fill({ client: 'Harbor Dental Group', title, priority: 'Critical' });
  await dialog.root.getByLabel('Assignee').selectOption({ label: 'Priya Natarajan' });
  await dialog.submit();
  await expect(dialog.root).toBeHidden();
  await desk.waitSynced();

  // Critical on the four-tier contract: first response within one hour, around the clock.
  // Demo tickets assigned to Priya notify too; only this one's are looked at, as kinds.
  const shown = () =>
    desk.page.evaluate(
      (t) =>
        window.shownNotifications
          .filter((n) => n.body === t)
          .map((n) => (n.title.startsWith('First response breaches in') ? 'warning' : n.title)),
      title,
    );
  await desk.page.clock.fastForward('00:31:00');
  await expect.poll(shown).toEqual(['warning']);
  // Another check a minute on finds the same warning due, and must not repeat it.
  await desk.page.clock.fastForward('00:01:00');
  await desk.page.clock.fastForward('00:34:00');
  // Checks run one after another, so once the breach shows the check before it has finished.
  await expect.poll(shown).toEqual(['warning', 'First response breached']);

  await desk.page.evaluate((t) => window.shownNotifications.find((n) => n.body === t)!.onclick!(), title);
  await expect(desk.page.getByTestId('ticket-detail')).toContainText(title);
  await context.close();
});
