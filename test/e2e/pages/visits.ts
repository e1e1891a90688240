import { expect, type Locator, type Page } from '@playwright/test';

/** The open ticket's "Onsite visits" section and its "Request onsite visit" dialog. */
export class TicketVisitsPanel {
  readonly root: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ticket-detail').getByTestId('ticket-visits');
    this.dialog = page.getByRole('dialog', { name: 'Request onsite visit' });
  }

  /** Opens the dialog with the ticket's keyboard path (Shift+V), as a keyboard user would. */
  async openRequest() {
    await this.page.keyboard.press('Shift+V');
    await expect(this.dialog).toBeVisible();
  }

  async fill(v: { site?: string; contact: string; scope: string; rate?: string; hours: string; scopeSurcharge?: string; reason?: string }) {
    if (v.site) await this.dialog.getByLabel('Site', { exact: true }).selectOption({ label: v.site });
    await this.dialog.getByLabel('Contact onsite (approves the quote)').selectOption({ label: v.contact });
    await this.dialog.getByLabel('Scope of the work').fill(v.scope);
    if (v.scopeSurcharge !== undefined) await this.dialog.getByLabel('Scope surcharge (USD)').fill(v.scopeSurcharge);
    if (v.reason !== undefined) await this.dialog.getByLabel('Reason for the surcharge').fill(v.reason);
    if (v.rate !== undefined) await this.dialog.getByLabel('Agreed hourly rate (USD)').fill(v.rate);
    await this.dialog.getByLabel(/^Estimated hours onsite/).fill(v.hours);
  }

  liveQuote(testId: 'quote-base' | 'quote-total' | 'quote-prepayment'): Locator {
    return this.dialog.getByTestId('visit-live-quote').getByTestId(testId);
  }

  visit(scope: string): Locator {
    return this.root.getByTestId('ticket-visit').filter({ hasText: scope });
  }
}

/** The Visits screen (v): stage lists and the selected visit's detail. */
export class VisitsScreen {
  readonly root: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('visits-screen');
    this.detail = this.root.getByTestId('visit-detail');
  }

  group(id: string): Locator {
    return this.root.getByTestId(`visits-group-${id}`);
  }

  stage(): Locator {
    return this.detail.getByTestId('visit-stage');
  }

  async recordApproval(channel: string) {
    await this.detail.getByRole('button', { name: 'Record approval…' }).click();
    const form = this.detail.getByRole('form', { name: 'Record approval' });
    await form.getByLabel('Received by').selectOption({ label: channel });
    await form.getByRole('button', { name: 'Record approval' }).click();
    await expect(form).toBeHidden();
  }

  prepaymentForm(): Locator {
    return this.detail.getByRole('form', { name: 'Record prepayment' });
  }
}
