// Travel zones and travel time (docs/domain/onsite-visits.md, "Location"): the
// guide raises the base fee "depending on geographical location"; each site's
// zone fixes the surcharge (remote sites are quoted per visit), and the time
// between two sites is the straight line × 1.3 for roads at 60 km/h plus 10
// minutes to arrive, rounded up to 5 minutes; unknown without coordinates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm, geoPointProblem, TRAVEL_ZONE_RULES, TRAVEL_ZONES, travelMinutes, type GeoPoint } from '../../../src/domain/travel';

describe('travel zones', () => {
  it.each([
    ['local', 0],
    ['regional', 7_500],
    ['distant', 15_000],
    ['remote', null],
  ] as const)('%s adds %s cents to the base fee', (zone, surcharge) => {
    expect(TRAVEL_ZONE_RULES[zone].surchargeCents).toBe(surcharge);
  });

  it('has a rule for every zone, nearest first, each costing at least the one before', () => {
    expect(TRAVEL_ZONES).toEqual(['local', 'regional', 'distant', 'remote']);
    const fixed = TRAVEL_ZONES.map((z) => TRAVEL_ZONE_RULES[z].surchargeCents).filter((c): c is number => c !== null);
    expect(fixed).toEqual([...fixed].sort((a, b) => a - b));
  });
});

describe('travel minutes', () => {
  const site = (id: string, location?: GeoPoint | null) => ({ id, location });
  const chicago = { latitude: 41.88, longitude: -87.63 };
  // One degree of latitude is 111.19 km: × 1.3 = 144.55 km at 60 km/h = 144.55 min, + 10 = 154.55 → 155.
  const oneDegreeNorth = { latitude: 42.88, longitude: -87.63 };
  // A tenth of a degree: 11.12 km × 1.3 = 14.46 min + 10 = 24.46 → 25.
  const tenthNorth = { latitude: 41.98, longitude: -87.63 };

  it.each([
    ['the same site', site('a', chicago), site('a', chicago), 0],
    ['the same site without coordinates', site('a'), site('a'), 0],
    ['two sites at one address: only the arrival', site('a', chicago), site('b', chicago), 10],
    ['a tenth of a degree apart', site('a', chicago), site('b', tenthNorth), 25],
    ['a degree apart', site('a', chicago), site('b', oneDegreeNorth), 155],
    ['a site without coordinates', site('a', chicago), site('b'), null],
    ['a site with null coordinates', site('a', null), site('b', chicago), null],
  ])('%s', (_name, from, to, minutes) => {
    expect(travelMinutes(from, to)).toBe(minutes);
  });

  it('measures a degree of latitude as about 111 km', () => {
    expect(distanceKm(chicago, oneDegreeNorth)).toBeCloseTo(111.19, 1);
  });

  it('is the same both ways, a multiple of 5 and at least the arrival time (property)', () => {
    const point = fc.record({
      latitude: fc.double({ min: -80, max: 80, noNaN: true }),
      longitude: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const there = travelMinutes(site('a', a), site('b', b));
        expect(there).toBe(travelMinutes(site('b', b), site('a', a)));
        expect(there! % 5).toBe(0);
        expect(there!).toBeGreaterThanOrEqual(10);
      }),
    );
  });
});

describe('a site’s coordinates', () => {
  it.each([
    ['Chicago', { latitude: 41.88, longitude: -87.63 }, null],
    ['the poles and the date line', { latitude: -90, longitude: 180 }, null],
    ['a latitude over 90', { latitude: 91, longitude: 0 }, /Latitude is between -90 and 90/],
    ['a longitude under -180', { latitude: 0, longitude: -181 }, /Longitude is between -180 and 180/],
    ['a latitude that is not a number', { latitude: Number.NaN, longitude: 0 }, /Latitude/],
  ])('%s', (_name, point, expected) => {
    const problem = geoPointProblem(point);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
