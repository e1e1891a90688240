import { describe, expect, it } from 'vitest';
import {
  boardDays,
  cellOf,
  cursorAt,
  cursorStartsAt,
  dayIndexOf,
  minuteAtFraction,
  moveCursor,
  placeVisits,
  shiftAnchor,
  spanInDay,
  type SlotCursor,
} from './board-layout';

const CHICAGO = 'America/Chicago';
const at = (iso: string) => Date.parse(iso);

describe('boardDays', () => {
  it('gives Monday to Sunday of the anchor week in the board zone', () => {
    // Sunday 8 Mar 2026, 01:00 Chicago: still the week of Monday 2 Mar.
    const days = boardDays('week', at('2026-03-08T07:00:00Z'), CHICAGO);
    expect(days.map((d) => d.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(days[0]!.startMs).toBe(at('2026-03-02T06:00:00Z'));
  });

  it('makes the spring-forward day 23 hours long and lets days touch', () => {
    const days = boardDays('week', at('2026-03-04T12:00:00Z'), CHICAGO);
    expect((days[6]!.endMs - days[6]!.startMs) / 3_600_000).toBe(23);
    for (let i = 1; i < days.length; i++) expect(days[i]!.startMs).toBe(days[i - 1]!.endMs);
  });

  it('gives one day in the day view, and pages by a week or a day', () => {
    const anchor = at('2026-03-04T15:00:00Z');
    expect(boardDays('day', anchor, CHICAGO).map((d) => d.date)).toEqual(['2026-03-04']);
    expect(boardDays('week', shiftAnchor('week', anchor, 1, CHICAGO), CHICAGO)[0]!.date).toBe('2026-03-09');
    expect(boardDays('day', shiftAnchor('day', anchor, -1, CHICAGO), CHICAGO)[0]!.date).toBe('2026-03-03');
  });
});

describe('placing visits', () => {
  const days = boardDays('week', at('2026-03-04T12:00:00Z'), 'UTC');
  const visit = (id: string, technicianId: string | null, startsAt: string | null, hours = 1) => ({
    id,
    technicianId,
    startsAt,
    endsAt: startsAt ? new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString() : null,
  });

  it.each([
    ['the first instant of a day', '2026-03-03T00:00:00Z', 1],
    ['the last minute of a day', '2026-03-03T23:59:00Z', 1],
    ['before the week', '2026-03-01T23:59:00Z', -1],
    ['the first instant after the week', '2026-03-09T00:00:00Z', -1],
  ])('finds the day of %s', (_, iso, expected) => {
    expect(dayIndexOf(days, at(iso))).toBe(expected);
  });

  it('puts each booked visit in its technician and start day, in start order, and leaves out the rest', () => {
    const cells = placeVisits(
      [
        visit('late', 't1', '2026-03-03T15:00:00Z'),
        visit('early', 't1', '2026-03-03T08:00:00Z'),
        visit('other', 't2', '2026-03-08T22:00:00Z', 4),
        visit('unbooked', null, null),
        visit('next-week', 't1', '2026-03-10T08:00:00Z'),
      ],
      days,
    );
    expect(cellOf(cells, 't1', 1).map((p) => p.visit.id)).toEqual(['early', 'late']);
    expect(cellOf(cells, 't2', 6).map((p) => p.visit.id)).toEqual(['other']);
    expect(cellOf(cells, 't1', 0)).toEqual([]);
    expect(cellOf(cells, 'nobody', 0)).toEqual([]);
    expect(
      [...cells.values()]
        .flat(2)
        .map((p) => p.visit.id)
        .sort(),
    ).toEqual(['early', 'late', 'other']);
  });

  it('clips a span to its day in percent', () => {
    const d = days[0]!;
    expect(spanInDay(at('2026-03-02T06:00:00Z'), at('2026-03-02T12:00:00Z'), d)).toEqual({ leftPct: 25, widthPct: 25 });
    expect(spanInDay(at('2026-03-02T18:00:00Z'), at('2026-03-03T06:00:00Z'), d)).toEqual({ leftPct: 75, widthPct: 25 });
    expect(spanInDay(at('2026-03-03T01:00:00Z'), at('2026-03-03T02:00:00Z'), d)).toBeNull();
  });
});

describe('the slot cursor', () => {
  const start: SlotCursor = { technicianIndex: 1, dayIndex: 3, minute: 9 * 60 };
  const bounds = { technicians: 3, days: 7 };

  it.each([
    ['week', 'ArrowUp', false, { technicianIndex: 0, dayIndex: 3, minute: 540 }],
    ['week', 'ArrowDown', false, { technicianIndex: 2, dayIndex: 3, minute: 540 }],
    ['week', 'ArrowLeft', false, { technicianIndex: 1, dayIndex: 2, minute: 540 }],
    ['week', 'ArrowRight', false, { technicianIndex: 1, dayIndex: 4, minute: 540 }],
    ['week', 'ArrowRight', true, { technicianIndex: 1, dayIndex: 3, minute: 555 }],
    ['week', 'ArrowLeft', true, { technicianIndex: 1, dayIndex: 3, minute: 525 }],
    ['day', 'ArrowRight', false, { technicianIndex: 1, dayIndex: 3, minute: 555 }],
    ['day', 'ArrowLeft', false, { technicianIndex: 1, dayIndex: 3, minute: 525 }],
    ['day', 'ArrowRight', true, { technicianIndex: 1, dayIndex: 3, minute: 600 }],
  ] as const)('in the %s view, %s (shift %s) moves to %o', (view, key, shift, expected) => {
    expect(moveCursor(start, key, shift, view, bounds)).toEqual(expected);
  });

  it('stops at the edges of the board and of the day', () => {
    const corner: SlotCursor = { technicianIndex: 0, dayIndex: 0, minute: 0 };
    expect(moveCursor(corner, 'ArrowUp', false, 'week', bounds)).toEqual(corner);
    expect(moveCursor(corner, 'ArrowLeft', false, 'week', bounds)).toEqual(corner);
    expect(moveCursor(corner, 'ArrowLeft', false, 'day', bounds)).toEqual(corner);
    const far: SlotCursor = { technicianIndex: 2, dayIndex: 6, minute: 23 * 60 + 45 };
    expect(moveCursor(far, 'ArrowDown', false, 'week', bounds)).toEqual(far);
    expect(moveCursor(far, 'ArrowRight', false, 'week', bounds)).toEqual(far);
    expect(moveCursor(far, 'ArrowRight', false, 'day', bounds)).toEqual(far);
  });

  it('names the wall-clock minute of its day in the board zone, across a DST change', () => {
    const days = boardDays('week', at('2026-03-04T12:00:00Z'), CHICAGO);
    // Saturday is CST (UTC-6), Sunday 8 March is CDT (UTC-5).
    expect(cursorStartsAt({ technicianIndex: 0, dayIndex: 5, minute: 9 * 60 }, days, CHICAGO)).toBe('2026-03-07T15:00:00Z');
    expect(cursorStartsAt({ technicianIndex: 0, dayIndex: 6, minute: 9 * 60 }, days, CHICAGO)).toBe('2026-03-08T14:00:00Z');
  });

  it('goes back to a booking it was put on, and finds the quarter hour under a drop', () => {
    const days = boardDays('week', at('2026-03-04T12:00:00Z'), CHICAGO);
    const cursor = cursorAt(2, days, at('2026-03-08T14:30:00Z'), CHICAGO);
    expect(cursor).toEqual({ technicianIndex: 2, dayIndex: 6, minute: 9 * 60 + 30 });
    expect(cursorStartsAt(cursor!, days, CHICAGO)).toBe('2026-03-08T14:30:00Z');
    expect(cursorAt(0, days, at('2026-03-20T14:30:00Z'), CHICAGO)).toBeNull();
    const utcDay = boardDays('day', at('2026-03-04T12:00:00Z'), 'UTC')[0]!;
    expect(minuteAtFraction(0.5, utcDay, 'UTC')).toBe(12 * 60);
    expect(minuteAtFraction(0.51, utcDay, 'UTC')).toBe(12 * 60);
    expect(minuteAtFraction(1, utcDay, 'UTC')).toBe(23 * 60 + 45);
  });
});
