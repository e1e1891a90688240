import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the open ticket: header, clocks, workflow, note editor and timeline. */
export class TicketView {
  readonly root: Locator;
  readonly status: Locator;
  readonly firstResponse: Locator;
  readonly resolution: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ticket-detail');
    this.status = this.root.getByTestId('detail-status');
    this.firstResponse = this.root.getByTestId('clock-first-response');
    this.resolution = this.root.getByTestId('clock-resolution');
    this.timeline = this.root.getByTestId('timeline');
  }

  async reply(text: string) {
    await this.page.keyboard.press('r');
    await expect(this.root.getByLabel('Reply to the customer')).toBeFocused();
    await this.page.keyboard.type(text);
    await this.root.getByRole('button', { name: 'Send reply' }).click();
  }

  /** Picks a status; the deadlines it would give show before it is saved. */
  async chooseStatus(label: string) {
    await this.root.getByLabel('Status', { exact: true }).selectOption({ label });
    await expect(this.root.getByTestId('deadline-preview')).toBeVisible();
  }

  async setStatus(label: string) {
    await this.chooseStatus(label);
    await this.root.getByRole('button', { name: 'Save status' }).click();
    await expect(this.status).toHaveText(label);
  }

  async close(resolution: string) {
    await this.page.keyboard.press('c');
    const box = this.root.getByLabel('Resolution (what fixed it)');
    await expect(box).toBeFocused();
    await box.fill(resolution);
    await this.root.getByRole('button', { name: 'Close ticket', exact: true }).click();
    await expect(this.status).toHaveText('Closed');
  }

  async reopen(reason: string) {
    await this.chooseStatus('Open');
    await this.root.getByLabel('Why is it reopened?').fill(reason);
    await this.root.getByRole('button', { name: 'Reopen ticket' }).click();
    await expect(this.status).toHaveText('Open');
  }

  entry(kind: string): Locator {
    return this.timeline.locator(`li[data-kind="${kind}"]`);
  }
}
