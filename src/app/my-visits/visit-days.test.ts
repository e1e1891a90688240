import { describe, expect, it } from 'vitest';
import { byDay, visitDays, visitWindow } from './visit-days';

describe('visitDays', () => {
  it("starts today at midnight in the technician's zone, not UTC's", () => {
    // 02:30 UTC on 5 March is still 4 March, 20:30, in Chicago (UTC−6).
    const days = visitDays(Date.parse('2026-03-05T02:30:00Z'), 'America/Chicago', 2);
    expect(days.map((d) => d.key)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(days[0]!.fromIso).toBe('2026-03-04T06:00:00.000Z');
    expect(days[0]!.toIso).toBe('2026-03-05T06:00:00.000Z');
    expect(days.map((d) => d.label)).toEqual(['Today, Wed 4 Mar', 'Tomorrow, Thu 5 Mar', 'Fri 6 Mar']);
  });

  it('makes the day clocks spring forward 23 hours long', () => {
    // US clocks went forward on Sunday 8 March 2026.
    const [day] = visitDays(Date.parse('2026-03-08T12:00:00Z'), 'America/Chicago', 0);
    expect(day!.fromIso).toBe('2026-03-08T06:00:00.000Z');
    expect(day!.toIso).toBe('2026-03-09T05:00:00.000Z');
  });

  it('falls back to UTC for a zone that does not exist', () => {
    const [day] = visitDays(Date.parse('2026-03-04T12:00:00Z'), 'Mars/Olympus', 0);
    expect(day!.fromIso).toBe('2026-03-04T00:00:00.000Z');
  });
});

describe('byDay', () => {
  const days = visitDays(Date.parse('2026-03-04T15:00:00Z'), 'America/Chicago', 1);
  it('puts each visit on its day in start order and leaves out unbooked ones', () => {
    const visits = [
      { id: 'late', startsAt: '2026-03-04T22:00:00.000Z' },
      { id: 'unbooked', startsAt: null },
      // 23:30 in Chicago on the 4th is already the 5th in UTC.
      { id: 'evening', startsAt: '2026-03-05T05:30:00.000Z' },
      { id: 'tomorrow', startsAt: '2026-03-05T15:00:00.000Z' },
      { id: 'early', startsAt: '2026-03-04T14:00:00.000Z' },
    ];
    const grouped = byDay(visits, days);
    expect(grouped.map((g) => [g.day.key, g.visits.map((v) => v.id)])).toEqual([
      ['2026-03-04', ['early', 'late', 'evening']],
      ['2026-03-05', ['tomorrow']],
    ]);
  });
});

describe('byDay, a visit carried over', () => {
  const days = visitDays(Date.parse('2026-03-04T15:00:00Z'), 'America/Chicago', 1);
  it("shows a visit started before today's midnight (still onsite) first under today", () => {
    const visits = [
      { id: 'today', startsAt: '2026-03-04T15:00:00.000Z' },
      // 22:00 in Chicago on the 3rd: a maintenance-window visit still onsite after midnight.
      { id: 'last-night', startsAt: '2026-03-04T04:00:00.000Z' },
    ];
    expect(byDay(visits, days).map((g) => [g.day.key, g.visits.map((v) => v.id)])).toEqual([
      ['2026-03-04', ['last-night', 'today']],
      ['2026-03-05', []],
    ]);
  });
});

describe('visitWindow', () => {
  it("runs from today's midnight to the midnight after the last day, in the technician's zone", () => {
    expect(visitWindow(Date.parse('2026-03-05T02:30:00Z'), 'America/Chicago', 2)).toEqual({
      fromIso: '2026-03-04T06:00:00.000Z',
      toIso: '2026-03-07T06:00:00.000Z',
    });
  });
});
