import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the open ticket's Approvals section and its Time panel. */
export class ApprovalsPanel {
  readonly root: Locator;
  readonly time: Locator;

  constructor(readonly page: Page) {
    const detail = page.getByTestId('ticket-detail');
    this.root = detail.getByTestId('approvals-section');
    this.time = detail.getByTestId('time-panel');
  }

  /** The name of the client's contact whose option in `select` carries `role`, as the form lists it ("Name — Role (…)"). */
  async contactName(select: Locator, role: string): Promise<string> {
    const text = (await select.locator('option').filter({ hasText: role }).first().textContent()) ?? '';
    return text.split(' — ')[0]!.trim();
  }

  async request(opts: { requesterRole: string; work: string; hours: string; description: string }) {
    await this.root.getByRole('button', { name: 'Request approval…' }).click();
    const form = this.root.getByRole('form', { name: 'Request approval' });
    const requester = form.getByLabel('Requested by');
    const name = await this.contactName(requester, opts.requesterRole);
    await requester.selectOption({
      label: (await requester.locator('option').filter({ hasText: opts.requesterRole }).first().textContent())!,
    });
    await form.getByLabel('Work', { exact: true }).selectOption({ label: opts.work });
    await form.getByLabel('Work to approve').fill(opts.description);
    await form.getByLabel('Estimated hours').fill(opts.hours);
    return { form, requesterName: name };
  }

  item(description: string): Locator {
    return this.root.getByTestId('approval-request').filter({ hasText: description });
  }

  async openLogTime(start: string, minutes: string, workType: string, note: string) {
    await this.time.getByRole('button', { name: 'Log time…' }).click();
    const form = this.time.getByRole('form', { name: 'Log time' });
    await form.getByLabel('Started').fill(start);
    await form.getByLabel('or duration (minutes)').fill(minutes);
    await form.getByLabel('Work type').selectOption({ label: workType });
    await form.getByLabel('Note').fill(note);
    return form;
  }

  async expectHeld(description: string, status: string) {
    await expect(this.item(description).getByTestId('approval-status')).toHaveText(status);
  }
}
