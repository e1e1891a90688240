import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The intake screen, driven from the keyboard. Every key press and every typed
 * string is one keystroke-step, counted in `steps`, so a test can hold the
 * known-caller path to its budget.
 */
export class IntakePage {
  readonly form: Locator;
  readonly saved: Locator;
  steps = 0;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('intake-form');
    this.saved = page.getByTestId('intake-saved');
  }

  async press(key: string) {
    this.steps += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string) {
    this.steps += 1;
    await this.page.keyboard.type(text);
  }

  /** `p`, then the caller field has the focus. */
  async startCall() {
    await this.press('p');
    await expect(this.form).toBeVisible();
    await expect(this.callerField).toBeFocused();
  }

  get callerField(): Locator {
    return this.form.getByTestId('caller-query');
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** The error shown by a labelled field. */
  errorOf(label: string): Locator {
    return this.form
      .locator('.field')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field-error');
  }

  async expectCallerFound() {
    await expect(this.form).toHaveAttribute('data-caller-found', 'true');
  }
}
