import { expect, type Locator, type Page } from '@playwright/test';

/** The Callbacks screen (`b`): open callbacks in order of promise, worked from the keyboard. */
export class CallbacksScreen {
  readonly root: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('callbacks-screen');
    this.list = this.root.getByTestId('callbacks-list');
  }

  async open() {
    await this.page.keyboard.press('b');
    await expect(this.root).toBeVisible();
  }

  /** Open callbacks whose row mentions `text`, in the order shown. */
  rows(text: string): Locator {
    return this.list.getByTestId('callback-row').filter({ hasText: text });
  }

  selected(): Locator {
    return this.list.locator('tr[aria-current="true"]');
  }

  workForm(): Locator {
    return this.root.getByTestId('work-callback-form');
  }
}

/** The client page's Callbacks section and its "Promise a callback" dialog. */
export class ClientCallbacks {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('client-callbacks');
  }

  async promise(p: { who: string; number: string; reason: string; quick: string }) {
    await this.root.getByRole('button', { name: 'Promise a callback' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Promise a callback' });
    await dialog.getByLabel('Who to call back').fill(p.who);
    await dialog.getByLabel('Number to call').fill(p.number);
    await dialog.getByLabel('Why they need a call back').fill(p.reason);
    await dialog.getByRole('button', { name: p.quick }).click();
    return dialog;
  }

  open(text: string): Locator {
    return this.root.getByTestId('client-callback-open').filter({ hasText: text });
  }

  closed(text: string): Locator {
    return this.root.getByTestId('client-callback-closed').filter({ hasText: text });
  }
}
