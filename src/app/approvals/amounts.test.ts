import { describe, expect, it } from 'vitest';
import { dollarsText, formatMoney, hoursText, parseDollars, parseHours } from './amounts';

describe('hours as typed', () => {
  it.each([
    ['', null],
    ['3', 180],
    ['2.5', 150],
    ['2,5', 150],
    ['2:30', 150],
    ['0.25', 15],
    ['1000', 60_000],
  ])('%j → %s minutes', (text, minutes) => {
    expect(parseHours(text)).toEqual({ ok: true, value: minutes });
  });
  it.each([
    ['two', /not a number of hours/],
    ['-1', /not a number of hours/],
    ['0', /at least a minute/],
    ['1001', /at most 1000 hours/],
    ['2:75', /not a number of hours/],
  ])('refuses %j', (text, message) => {
    expect(parseHours(text)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});

describe('dollars as typed', () => {
  it.each([
    ['', null],
    ['450', 45_000],
    ['$450.5', 45_050],
    ['1,234.50', 123_450],
    ['$ 0.01', 1],
    ['10000000', 1_000_000_000],
  ])('%j → %s cents', (text, cents) => {
    expect(parseDollars(text)).toEqual({ ok: true, value: cents });
  });
  it.each([
    ['4.505', /not an amount in dollars/],
    ['-5', /not an amount in dollars/],
    ['abc', /not an amount in dollars/],
    ['0.00', /at least one cent/],
    ['10000000.01', /at most \$10,000,000/],
  ])('refuses %j', (text, message) => {
    expect(parseDollars(text)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});

describe('back to text', () => {
  it('formats money for the locale', () => {
    expect(formatMoney(123_450, 'en-US')).toBe('$1,234.50');
    expect(formatMoney(123_450, 'de-DE')).toMatch(/^1\.234,50\s\$$/);
  });
  it('fills a form field from stored values', () => {
    expect([hoursText(150), hoursText(null), dollarsText(45_050), dollarsText(null)]).toEqual(['2.5', '', '450.50', '']);
  });
});
