// Money is integer cents (docs/domain/onsite-visits.md, "Money"): shown in the
// user's locale, written to CSV as a plain decimal, read from what people type
// without ever going through a float.
import { describe, expect, it } from 'vitest';
import { centsAsDecimal, formatCents, parseDollars } from '../../../src/domain/money';

describe('formatCents', () => {
  it.each([
    [123_450, 'en-US', /^\$1,234\.50$/],
    [62_500, 'en-US', /^\$625\.00$/],
    [5, 'en-US', /^\$0\.05$/],
    [-500, 'en-US', /^-\$5\.00$/],
    [123_450, 'de-DE', /^1\.234,50\s\$$/],
    [123_450, 'fr-FR', /^1\s234,50\s\$US$/],
  ])('%i cents in %s', (cents, locale, expected) => {
    expect(formatCents(cents, locale)).toMatch(expected);
  });
});

describe('centsAsDecimal', () => {
  it.each([
    [123_450, '1234.50'],
    [62_500, '625.00'],
    [5, '0.05'],
    [0, '0.00'],
    [-500, '-5.00'],
    [-5, '-0.05'],
  ])('%i cents → %s', (cents, text) => {
    expect(centsAsDecimal(cents)).toBe(text);
  });
});

describe('parseDollars', () => {
  it.each([
    ['350', 35_000],
    ['350.5', 35_050],
    ['350.05', 35_005],
    ['$1,234.50', 123_450],
    ['1,234,567', 123_456_700],
    ['  $625  ', 62_500],
    ['0.29', 29],
    ['0.57', 57],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseDollars(text)).toBe(cents);
  });

  it.each([
    ['empty', ''],
    ['words', 'three fifty'],
    ['three decimals', '1.234'],
    ['a negative amount', '-5'],
    // A decimal comma would otherwise read as a grouping comma: "12,50" is not $1,250.
    ['a decimal comma', '12,50'],
    ['commas not grouping thousands', '1,2,3'],
    ['a trailing dot', '350.'],
  ])('refuses %s', (_name, text) => {
    expect(parseDollars(text)).toBeNull();
  });
});
