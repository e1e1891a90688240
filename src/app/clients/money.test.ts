import { describe, expect, it } from 'vitest';
import { centsToInput, formatCents, parseDollars } from './money';

describe('contract amounts', () => {
  it.each([
    ['350', 35_000],
    ['350.5', 35_050],
    ['$1,200.00', 120_000],
    ['0.01', 1],
    ['-5', -500],
    ['12.345', null],
    ['abc', null],
    ['', null],
  ])('%j is %j cents', (text, cents) => {
    expect(parseDollars(text)).toBe(cents);
  });

  it('reads back what it shows', () => {
    for (const cents of [1, 35_000, 12_345_67]) expect(parseDollars(centsToInput(cents))).toBe(cents);
  });

  it('formats in the given locale', () => {
    expect(formatCents(35_000, 'en-US')).toBe('$350.00');
    expect(formatCents(35_000, 'de-DE')).toMatch(/^350,00\s\$$/);
  });
});
