import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { QueuePage } from './queue-page';

export const DEMO_PASSWORD = 'switchboard-demo';

/** One technician's console connected to the sync server. */
export class SyncDesk {
  readonly queue: QueuePage;
  readonly status: Locator;

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.queue = new QueuePage(page);
    this.status = page.getByTestId('sync-status');
  }

  static async open(context: BrowserContext, serverUrl: string, db: string): Promise<SyncDesk> {
    const page = await context.newPage();
    await page.goto(`/?db=${db}&server=${encodeURIComponent(serverUrl)}`);
    return new SyncDesk(context, page);
  }

  async signIn(email: string) {
    const dialog = this.page.getByRole('dialog', { name: 'Sign in to sync' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();
    await this.waitSynced();
  }

  async waitSynced() {
    await expect(this.status).toHaveAttribute('data-connection', 'online', { timeout: 30_000 });
    await expect(this.status).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  }

  async createTicket(client: string, title: string, priority: string) {
    await this.page.keyboard.press('n');
    const dialog = this.queue.newTicketDialog();
    await dialog.fill({ client, title, priority });
    await dialog.submit();
    await expect(dialog.root).toBeHidden();
  }

  async search(text: string) {
    await this.queue.search.fill(text);
  }
}
