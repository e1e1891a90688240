import type { Locator, Page } from '@playwright/test';

/** The notification settings dialog (key ","): working hours per weekday, zone, warning time. */
export class NotificationSettingsDialog {
  readonly root: Locator;
  /** When non-Critical notifications would wait until, for the hours as edited. */
  readonly nextOpening: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Notification settings' });
    this.nextOpening = this.root.getByTestId('next-opening');
  }

  async open() {
    await this.page.keyboard.press(',');
  }

  day(name: string): Locator {
    return this.root.getByRole('group', { name, exact: true });
  }

  async setWorking(day: string, on: boolean) {
    await this.day(day).getByLabel('Working').setChecked(on);
  }

  async setHours(day: string, from: string, to: string) {
    await this.day(day).getByLabel('From', { exact: true }).fill(from);
    await this.day(day).getByLabel('to', { exact: true }).fill(to);
  }

  async save() {
    await this.root.getByRole('button', { name: 'Save settings' }).click();
  }
}
