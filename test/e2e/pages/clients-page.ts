import { expect, type Locator, type Page } from '@playwright/test';

/** The Clients screen: search on the left, the client page beside it. */
export class ClientsPage {
  readonly root: Locator;
  readonly search: Locator;
  readonly results: Locator;
  readonly client: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('clients-screen');
    this.search = this.root.getByLabel('Find a client or contact');
    this.results = this.root.getByTestId('client-results');
    this.client = this.root.getByTestId('client-page');
  }

  /** Opens the screen with its shortcut, from wherever focus is not in a field. */
  async open() {
    await this.page.keyboard.press('l');
    await expect(this.root).toBeVisible();
  }

  async newClient(name: string, timeZone: string) {
    await this.root.getByRole('button', { name: 'New client' }).click();
    await this.client.getByLabel('Name', { exact: true }).fill(name);
    await this.client.getByLabel('Time zone', { exact: true }).fill(timeZone);
  }

  site(n: number): Locator {
    return this.client.getByTestId('site').nth(n);
  }

  previewRow(priority: string): Locator {
    return this.client.getByTestId(`preview-${priority}`);
  }

  async setFirstResponse(priorityLabel: string, value: number, unit: string) {
    await this.client.getByLabel(`${priorityLabel} first-response unit`).selectOption(unit);
    await this.client.getByLabel(`${priorityLabel} first-response target`).fill(String(value));
  }

  gaps(): Locator {
    return this.client.getByTestId('onboarding-gaps');
  }

  async save() {
    await this.client.getByRole('button', { name: /^(Create|Save) client$/ }).click();
  }

  async find(text: string) {
    await this.search.fill(text);
  }
}
