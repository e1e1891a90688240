import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the queue screen: what a person sees and does, not selectors. */
export class QueuePage {
  readonly grid: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Ticket queue' });
    this.search = page.getByRole('searchbox');
    this.count = page.getByTestId('queue-count');
  }

  /** Each test gets its own IndexedDB database so tests never see each other's tickets. */
  async open(opts: { db: string; demo?: number }) {
    await this.page.goto(`/?db=${encodeURIComponent(opts.db)}&demo=${opts.demo ?? 40}`);
    await expect(this.grid).toBeVisible();
    // The first rows may be the store's first screen; counts and filters need the full queue.
    await expect(this.grid).toHaveAttribute('aria-busy', 'false');
  }

  rows(): Locator {
    return this.grid.locator('tbody tr');
  }

  row(title: string): Locator {
    return this.rows().filter({ hasText: title });
  }

  selectedRow(): Locator {
    return this.grid.locator('tbody tr[aria-selected="true"]');
  }

  /** The cells of one column in the rows on screen, found by its heading. */
  async columnTexts(heading: string): Promise<string[]> {
    const headings = (await this.grid.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
    const at = headings.indexOf(heading);
    if (at < 0) throw new Error(`No column headed "${heading}"; the headings are: ${headings.join(', ')}`);
    return this.rows()
      .locator(`td:nth-child(${at + 1})`)
      .allTextContents();
  }

  /** One SLA clock's cell in a row: 'First response' or 'Resolution'. */
  slaCell(row: Locator, clock: 'First response' | 'Resolution'): Locator {
    return row.locator('.sla').nth(clock === 'First response' ? 0 : 1);
  }

  /** The time a countdown cell shows ("1h 59m 57s left"), in seconds. */
  async secondsLeft(cell: Locator): Promise<number> {
    const text = (await cell.textContent()) ?? '';
    const m = /(?:(\d+)h )?(?:(\d+)m )?(\d+)s/.exec(text);
    if (!m) throw new Error(`No time in the countdown "${text}"`);
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3]);
  }

  /** The ticket's detail panel, beside the queue. */
  detail(): Locator {
    return this.page.getByTestId('ticket-detail');
  }

  /** The box the table scrolls in, both ways. */
  scrollBox(): Locator {
    return this.page.getByTestId('queue-scroll');
  }

  async rowCount(): Promise<number> {
    return Number(await this.grid.getAttribute('data-row-count'));
  }

  async filterStatus(label: string) {
    await this.page.getByLabel('Status').selectOption({ label });
  }

  newTicketDialog(): NewTicketDialog {
    return new NewTicketDialog(this.page);
  }
}

export class NewTicketDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'New ticket' });
  }

  async fill(t: { client?: string; title?: string; description?: string; priority?: string; channel?: string }) {
    if (t.client) await this.root.getByLabel('Client').selectOption({ label: t.client });
    if (t.title !== undefined) await this.root.getByLabel('Title').fill(t.title);
    if (t.description) await this.root.getByLabel('Description').fill(t.description);
    if (t.priority) await this.root.getByLabel('Priority').selectOption({ label: t.priority });
    if (t.channel) await this.root.getByLabel('Channel').selectOption({ label: t.channel });
  }

  async submit() {
    await this.root.getByRole('button', { name: 'Create ticket' }).click();
  }

  errorFor(field: string): Locator {
    return this.root.getByLabel(field).locator('xpath=following-sibling::p[@role="alert"]');
  }
}
