import { expect, type Locator, type Page } from '@playwright/test';

/** The scheduling board (`o`): its waiting list, its grid and the announcements of what happened. */
export class BoardPage {
  readonly root: Locator;
  readonly region: Locator;
  readonly message: Locator;
  readonly waiting: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('board-screen');
    this.region = page.getByTestId('board-region');
    this.message = page.getByTestId('board-message');
    this.waiting = page.getByTestId('board-waiting');
    this.panel = page.getByTestId('board-panel');
  }

  async open() {
    await this.page.keyboard.press('o');
    await expect(this.root.getByRole('heading', { name: 'Scheduling board' })).toBeVisible();
  }

  /** Pages ahead `weeks` weeks from this one (a range no other spec books in). */
  async weeksAhead(weeks: number) {
    await this.root.getByRole('button', { name: 'Today' }).click();
    for (let i = 0; i < weeks; i++) await this.root.getByRole('button', { name: 'Next week' }).click();
  }

  waitingVisit(text: string): Locator {
    return this.waiting.getByTestId('board-waiting-visit').filter({ hasText: text });
  }

  row(technician: string): Locator {
    return this.root.getByTestId('board-row').filter({ has: this.page.getByRole('rowheader', { name: technician }) });
  }

  /** Picks a waiting visit and moves the cursor onto the technician's row and `day` (0 = Monday) at 09:00. */
  async placeWithKeyboard(visit: string, technician: string, day: number) {
    await this.waitingVisit(visit).getByRole('button', { name: 'Place' }).click();
    await expect(this.message).toContainText('Placing');
    await expect(this.region).toBeFocused();
    // The cursor starts on the first technician; walk down to ours (the list is by name, other specs may add staff).
    for (let i = 0; i < 30 && !(await this.message.textContent())?.includes(technician); i++) await this.page.keyboard.press('ArrowDown');
    await expect(this.message).toContainText(technician);
    for (let i = 0; i < 6; i++) await this.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < day; i++) await this.page.keyboard.press('ArrowRight');
    await expect(this.message).toContainText('09:00');
  }
}
