import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The client page's Visits section: a month, its completed visits, the monthly billing file. */
export class ClientVisitsSection {
  readonly root: Locator;
  readonly month: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('client-visits');
    this.month = this.root.getByTestId('client-visits-month');
    this.rows = this.root.getByTestId('client-visit-row');
  }

  async showMonth(yearMonth: string) {
    await this.month.fill(yearMonth);
    await expect(this.month).toHaveValue(yearMonth);
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async openInvoice(rowText: string): Promise<InvoiceDialog> {
    await this.row(rowText).getByRole('button', { name: 'Open invoice' }).click();
    const dialog = new InvoiceDialog(this.page);
    await expect(dialog.sheet).toBeVisible();
    return dialog;
  }

  async downloadMonthlyCsv(): Promise<{ download: Download; text: string }> {
    return downloadText(this.page, () => this.root.getByRole('button', { name: 'Download monthly CSV' }).click());
  }
}

/** The invoice of one completed visit, over whichever screen opened it. */
export class InvoiceDialog {
  readonly root: Locator;
  readonly sheet: Locator;
  readonly total: Locator;
  readonly paid: Locator;
  readonly balance: Locator;
  readonly time: Locator;
  readonly zone: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('invoice-dialog');
    this.sheet = this.root.getByTestId('invoice');
    this.total = this.root.getByTestId('invoice-total');
    this.paid = this.root.getByTestId('invoice-paid');
    this.balance = this.root.getByTestId('invoice-balance');
    this.time = this.root.getByTestId('invoice-time');
    this.zone = this.root.getByTestId('invoice-zone');
  }

  async downloadCsv(): Promise<{ download: Download; text: string }> {
    return downloadText(this.page, () => this.root.getByRole('button', { name: 'Download CSV' }).click());
  }

  async close() {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}

async function downloadText(page: Page, start: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  const file = await download.path();
  return { download, text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
}
