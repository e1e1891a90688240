import { expect, type Locator, type Page } from '@playwright/test';

/** "My visits" (`t`): the signed-in technician's visits, worked offline. */
export class MyVisitsScreen {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('my-visits-screen');
  }

  async open() {
    await this.page.keyboard.press('t');
    await expect(this.root).toBeVisible();
  }

  today(): Locator {
    return this.root.getByTestId('visit-day').first();
  }

  /** The first visit booked today and not started yet, with its site's zone and estimate. */
  async bookedToday(): Promise<{ card: MyVisitCard; id: string; zone: string; estimateHours: number }> {
    const booked = this.today()
      .getByTestId('my-visit')
      .filter({ has: this.page.getByTestId('visit-stage').filter({ hasText: /^Scheduled/ }) })
      .first();
    await expect(booked).toBeVisible();
    const id = (await booked.getAttribute('data-visit-id'))!;
    const zone = (await booked.getAttribute('data-site-zone'))!;
    const estimateHours = Number(/(\d+) h onsite/.exec((await booked.textContent()) ?? '')?.[1]);
    expect(estimateHours).toBeGreaterThanOrEqual(1);
    return { card: this.visit(id), id, zone, estimateHours };
  }

  visit(id: string): MyVisitCard {
    return new MyVisitCard(this.root.locator(`[data-testid="my-visit"][data-visit-id="${id}"]`));
  }
}

export class MyVisitCard {
  constructor(readonly root: Locator) {}

  stage(): Locator {
    return this.root.getByTestId('visit-stage');
  }

  /** "Check in" or "Check out" at a corrected time at the site ("2026-03-04T09:10"). */
  async checkAt(kind: 'in' | 'out', wall: string) {
    const verb = kind === 'in' ? 'Check in' : 'Check out';
    const form = this.root.getByRole('form', { name: new RegExp(`^${verb}`) });
    await form.getByRole('button', { name: 'Give another time' }).click();
    await form.getByLabel(kind === 'in' ? /Time you arrived/ : /Time you left/).fill(wall);
    await form.getByRole('button', { name: `${verb} at this time` }).click();
    return form;
  }

  async checkOutNow() {
    const form = this.root.getByRole('form', { name: /^Check out/ });
    await form.getByRole('button', { name: 'Use the time now' }).click();
    await form.getByRole('button', { name: 'Check out now' }).click();
  }

  async recordWork(notes: string, part: { description: string; quantity: string }) {
    const form = this.root.getByRole('form', { name: 'Notes and parts used' });
    await form.getByLabel('Work notes').fill(notes);
    await form.getByRole('button', { name: 'Add a part' }).click();
    await form.getByLabel('Part 1 description').fill(part.description);
    await form.getByLabel('Part 1 quantity').fill(part.quantity);
    await form.getByRole('button', { name: 'Save notes and parts' }).click();
    await expect(form.getByTestId('work-saved')).toContainText('Saved');
    return form;
  }

  /** Records the client's approval of the more-time request on the visit's ticket, as prefilled, and closes the ticket. */
  async approveOnTicket(reason: string) {
    const page = this.root.page();
    await this.root.getByRole('button', { name: 'Open the ticket' }).click();
    const request = page
      .getByTestId('ticket-detail')
      .getByTestId('approvals-section')
      .getByTestId('approval-request')
      .filter({ hasText: reason });
    await request.getByRole('button', { name: 'Record approval…' }).click();
    await request.getByRole('form', { name: 'Record approval' }).getByRole('button', { name: 'Record approval' }).click();
    await expect(request.getByTestId('approval-status')).toHaveText('Approved');
    await page.keyboard.press('Escape');
  }

  async askForMoreTime(hours: string, reason: string) {
    const form = this.root.getByRole('form', { name: 'Ask for more time' });
    await form.getByLabel('More hours needed').fill(hours);
    await form.getByLabel(/^Why/).fill(reason);
    await form.getByRole('button', { name: 'Ask the client for more time' }).click();
  }
}
