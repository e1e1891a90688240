// The scheduling board (docs/domain/onsite-visits.md, "Scheduling board"): a
// prepaid visit booked by keyboard; a second visit on the same technician's
// overlapping slot refused by the desk before anything is queued; two desks
// booking the same technician and slot offline converge on one booking, the
// other visit showing the server's refusal on both desks. Uses the demo's
// prepaid visits of Northgate Veterinary Clinic and Lakeside Family Law (its
// new workstations) and books Aisha Rahman weeks ahead, where the demo has
// nothing booked.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SYNC_PORT } from '../../playwright.config';
import { BoardPage } from './pages/board-page';
import { SyncDesk } from './pages/sync-desk';

const SERVER = `http://127.0.0.1:${SYNC_PORT}`;
const TECHNICIAN = 'Aisha Rahman';
const FIRST = 'Northgate Veterinary Clinic';
const SECOND = 'workstations';

test.describe.configure({ mode: 'serial' });

test('a prepaid visit is booked by keyboard, and an overlapping one is refused before anything is queued', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago' });
  const desk = await SyncDesk.open(context, SERVER, `board-${Date.now().toString(36)}`);
  await desk.signIn('jo.alvarez@example.com');
  const board = new BoardPage(desk.page);
  await board.open();
  await board.weeksAhead(5);

  await expect(board.waitingVisit(FIRST).getByRole('button', { name: 'Place' })).toBeVisible();
  // Visits the client has not approved or paid are listed greyed, with why.
  await expect(board.waitingVisit('Prairie Grain Cooperative').first()).toContainText('approval');
  await board.placeWithKeyboard(FIRST, TECHNICIAN, 2);
  await desk.page.keyboard.press('Enter');
  await expect(board.message).toContainText(`Booked ${FIRST} with ${TECHNICIAN}`);
  const booked = board.row(TECHNICIAN).getByTestId('board-visit').filter({ hasText: FIRST });
  await expect(booked).toBeVisible();
  // 09:00 on the scheduler's Chicago board is 10:00 at the clinic, shown in the site's (Eastern) zone, named.
  await expect(booked).toContainText(/10:00–11:00 E[SD]T/);
  await expect(board.message).toContainText('(America/New_York)');
  await expect(board.waitingVisit(FIRST)).toHaveCount(0);
  await desk.waitSynced();

  // The confirmation for the customer names the technician and the site's zone.
  await expect(board.panel.getByTestId('board-confirmation')).toHaveValue(new RegExp(`${TECHNICIAN} will come to`));
  await expect(board.panel.getByTestId('board-confirmation')).toHaveValue(/\(America\/\w+\)/);

  // The same technician, the same morning: refused on the desk, nothing queued.
  await board.placeWithKeyboard(SECOND, TECHNICIAN, 2);
  await desk.page.keyboard.press('Enter');
  await expect(board.message).toContainText(`Not booked: ${TECHNICIAN} is already booked`);
  await expect(board.message).toContainText('two places at once');
  await expect(desk.status).toHaveAttribute('data-pending', '0');
  await expect(board.row(TECHNICIAN).getByTestId('board-visit')).toHaveCount(1);
  await desk.page.keyboard.press('Escape');
  await expect(board.message).toContainText('Placing cancelled');
  await expect(board.root).toBeVisible();

  for (const colorScheme of ['light', 'dark'] as const) {
    await desk.page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: desk.page }).include('[data-testid="board-screen"]').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  }

  // Taken off the board, the visit is back on the list to be booked again (the next test books it).
  await booked.click();
  await board.panel.getByRole('button', { name: 'Take off the board' }).click();
  await expect(board.message).toContainText('Taken off the board');
  await expect(board.waitingVisit(FIRST).getByRole('button', { name: 'Place' })).toBeVisible();

  // Dragged onto the technician's Thursday, it takes the cursor's time of day; then off the board again for the next test.
  const thursday = board.row(TECHNICIAN).locator('td[data-day="3"]');
  await board.waitingVisit(FIRST).dragTo(thursday);
  await expect(board.message).toContainText(`Booked ${FIRST} with ${TECHNICIAN}`);
  await expect(thursday.getByTestId('board-visit').filter({ hasText: FIRST })).toBeVisible();
  await thursday.getByTestId('board-visit').filter({ hasText: FIRST }).click();
  await board.panel.getByRole('button', { name: 'Take off the board' }).click();
  await expect(board.waitingVisit(FIRST).getByRole('button', { name: 'Place' })).toBeVisible();
  await desk.waitSynced();
  await context.close();
});

test('two desks booking the same technician and slot offline: one booking survives, both desks show why the other was refused', async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const contextA = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago' });
  const contextB = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago' });
  const deskA = await SyncDesk.open(contextA, SERVER, `board-a-${run}`);
  const deskB = await SyncDesk.open(contextB, SERVER, `board-b-${run}`);
  await deskA.signIn('jo.alvarez@example.com');
  await deskB.signIn('sam.whitfield@example.com');
  const boardA = new BoardPage(deskA.page);
  const boardB = new BoardPage(deskB.page);
  for (const board of [boardA, boardB]) {
    await board.open();
    await board.weeksAhead(6);
  }

  await contextA.setOffline(true);
  await contextB.setOffline(true);
  await boardA.placeWithKeyboard(FIRST, TECHNICIAN, 0);
  await deskA.page.keyboard.press('Enter');
  await expect(boardA.message).toContainText(`Booked ${FIRST} with ${TECHNICIAN}`);
  await boardB.placeWithKeyboard(SECOND, TECHNICIAN, 0);
  await deskB.page.keyboard.press('Enter');
  await expect(boardB.message).toContainText(`with ${TECHNICIAN}`);
  await expect(boardB.message).toContainText('Booked');

  // A reaches the server first and keeps the slot; B's booking is refused there.
  await contextA.setOffline(false);
  await deskA.waitSynced();
  await contextB.setOffline(false);
  await deskB.waitSynced();

  for (const board of [boardA, boardB]) {
    const chips = board.row(TECHNICIAN).getByTestId('board-visit');
    await expect(chips).toHaveCount(1, { timeout: 30_000 });
    await expect(chips).toContainText(FIRST);
    const refused = board.waitingVisit(SECOND).getByTestId('board-refusal');
    await expect(refused).toContainText(`${TECHNICIAN} is already booked`, { timeout: 30_000 });
    await expect(refused).toContainText(FIRST);
  }
  await contextA.close();
  await contextB.close();
});
