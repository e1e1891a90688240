import { describe, expect, it } from 'vitest';
import { boardDays, placeVisits } from './board-layout';
import { legLabel, travelLegs } from './board-travel';
import { windowSpans } from './maintenance-shading';

const days = boardDays('week', Date.parse('2026-03-04T12:00:00Z'), 'UTC');
const visit = (id: string, siteId: string, startsAt: string, hours: number) => ({
  id,
  siteId,
  technicianId: 't1',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString(),
});
// Downtown and a site about 40 km away (40 × 1.3 road km at 60 km/h + 10 min arrival ≈ 65 min).
const sites = new Map([
  ['a', { id: 'a', location: { latitude: 39.1, longitude: -94.58 } }],
  ['b', { id: 'b', location: { latitude: 39.46, longitude: -94.58 } }],
  ['nowhere', { id: 'nowhere', location: null }],
]);

describe('travel legs', () => {
  it('gives the drive into each following visit, warns a short gap, and says when it is unknown', () => {
    const cells = placeVisits(
      [
        visit('v1', 'a', '2026-03-03T08:00:00Z', 1),
        visit('v2', 'b', '2026-03-03T09:30:00Z', 1),
        visit('v3', 'b', '2026-03-03T13:00:00Z', 1),
        visit('v4', 'nowhere', '2026-03-04T08:00:00Z', 1),
      ],
      days,
    );
    const legs = travelLegs(cells, (id) => sites.get(id));
    expect(legs.has('v1')).toBe(false);
    const v2 = legs.get('v2')!;
    expect(v2.minutes).toBeGreaterThan(30);
    expect(v2.gapMinutes).toBe(30);
    expect(v2.tooShort).toBe(true);
    expect(legLabel(v2)).toContain('only 30 min after the last visit');
    expect(legs.get('v3')).toEqual({ fromVisitId: 'v2', minutes: 0, gapMinutes: 150, tooShort: false });
    expect(legs.get('v4')!.minutes).toBeNull();
    expect(legLabel(legs.get('v4')!)).toMatch(/^travel unknown/);
  });
});

describe('maintenance window shading', () => {
  it('turns the client window in its zone into spans of the board days', () => {
    // Saturdays 22:00–24:00 in Chicago: Sat 7 March 2026 is CST, so 04:00–06:00 UTC on Sunday.
    const spans = windowSpans({ weekdays: ['sat'], from: '22:00', to: '24:00' }, 'America/Chicago', days);
    expect(spans).toEqual([{ dayIndex: 6, startMs: Date.parse('2026-03-08T04:00:00Z'), endMs: Date.parse('2026-03-08T06:00:00Z') }]);
  });

  it('cuts a window that crosses the board midnight into both days', () => {
    const spans = windowSpans({ weekdays: ['tue'], from: '20:00', to: '23:00' }, 'America/New_York', days);
    // Tue 3 March 20:00–23:00 EST = Wed 01:00–04:00 UTC: all on Wednesday.
    expect(spans).toEqual([{ dayIndex: 2, startMs: Date.parse('2026-03-04T01:00:00Z'), endMs: Date.parse('2026-03-04T04:00:00Z') }]);
    const split = windowSpans({ weekdays: ['tue'], from: '17:00', to: '20:00' }, 'America/New_York', days);
    expect(split.map((s) => s.dayIndex)).toEqual([1, 2]);
  });

  it('shades nothing without a window', () => {
    expect(windowSpans(null, 'UTC', days)).toEqual([]);
    expect(windowSpans({ weekdays: [], from: '01:00', to: '02:00' }, 'UTC', days)).toEqual([]);
  });
});
