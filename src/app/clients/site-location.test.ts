import { describe, expect, it } from 'vitest';
import { locationText, parseLocation } from './site-location';

describe('parseLocation', () => {
  it('reads no location from two empty fields', () => {
    expect(parseLocation({ latitude: ' ', longitude: '' }, 'Main office')).toEqual({ ok: true, value: null });
  });

  it('reads decimal degrees', () => {
    expect(parseLocation({ latitude: '41.8781', longitude: '-87.6298' }, 'Main office')).toEqual({
      ok: true,
      value: { latitude: 41.8781, longitude: -87.6298 },
    });
  });

  it.each([
    [{ latitude: '41.8781', longitude: '' }, /give both latitude and longitude/],
    [{ latitude: '41,8781', longitude: '-87.6' }, /decimal degrees/],
    [{ latitude: '91', longitude: '0' }, /Latitude is between -90 and 90/],
    [{ latitude: '0', longitude: '-181' }, /Longitude is between -180 and 180/],
  ])('%o is refused, naming the site', (text, message) => {
    const r = parseLocation(text, 'Warehouse');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
    expect(!r.ok && r.message).toMatch(/^Warehouse's location/);
  });

  it('round-trips a stored location through the fields', () => {
    const point = { latitude: -33.8688, longitude: 151.2093 };
    expect(parseLocation(locationText(point), 'Sydney')).toEqual({ ok: true, value: point });
  });
});
