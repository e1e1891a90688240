import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone, phoneDigits, phoneMatchKey, PHONE_RAW_MAX, type CountryCode } from '../../../src/domain/phone';

describe('parsePhone', () => {
  // Expected values written from the numbering plans, not from the parser's output.
  it.each<[string, CountryCode, string, string | null, string]>([
    ['913-555-0142', 'US', '+19135550142', null, '(913) 555-0142'],
    ['(913) 555 0142', 'US', '+19135550142', null, '(913) 555-0142'],
    ['+1 913 555 0142', 'US', '+19135550142', null, '(913) 555-0142'],
    ['1-913-555-0142', 'US', '+19135550142', null, '(913) 555-0142'],
    ['913/555-0142', 'US', '+19135550142', null, '(913) 555-0142'],
    ['913.555.0142 ext 12', 'US', '+19135550142', '12', '(913) 555-0142'],
    ['913-555-0142 x 204', 'US', '+19135550142', '204', '(913) 555-0142'],
    ['913-555-0142 ext. 204', 'US', '+19135550142', '204', '(913) 555-0142'],
    ['  +1 (312) 555-0100  ', 'US', '+13125550100', null, '(312) 555-0100'],
    // Abroad, typed with + whatever the default country is.
    ['+44 20 7946 0958', 'US', '+442079460958', null, '020 7946 0958'],
    ['+49 30 901820', 'US', '+4930901820', null, '030 901820'],
    // Typed as dialled at home, with that country as the default.
    ['020 7946 0958', 'GB', '+442079460958', null, '020 7946 0958'],
    ['030 901820', 'DE', '+4930901820', null, '030 901820'],
  ])('reads %j (default %s) as %s ext %s', (raw, country, e164, extension, national) => {
    const parsed = parsePhone(raw, country);
    expect(parsed).toMatchObject({ ok: true, e164, extension, national });
  });

  it.each<[string, CountryCode, RegExp]>([
    ['', 'US', /Enter a phone number, e\.g\. 913-555-0142/],
    ['   ', 'US', /Enter a phone number/],
    ['hello', 'US', /"hello" is not a phone number: enter its digits, e\.g\. 913-555-0142/],
    ['call 913-555-0142 after 5', 'US', /is not a phone number/],
    ['12', 'US', /"12" is too short for a phone number: include the area code/],
    ['555-0142', 'US', /wrong number of digits for a US number/],
    ['+999 1', 'US', /"\+999 1" does not start with a known country code/],
    ['9135550142999999999', 'US', /too many digits/],
    // German digits read as a US number: refused, with the hint to write + and the country code.
    ['030 901820', 'US', /start with \+ and its country code, e\.g\. \+44 20 7946 0958/],
    ['+1 913 155 0142', 'US', /is not a valid US number/],
    ['1'.repeat(PHONE_RAW_MAX + 1), 'US', /longer than a phone number \(64 characters at most\)/],
  ])('refuses %j (default %s)', (raw, country, problem) => {
    const parsed = parsePhone(raw, country);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toMatch(problem);
  });
});

describe('formatPhone', () => {
  it.each<[string, string | null, CountryCode, string]>([
    ['+19135550142', null, 'US', '(913) 555-0142'],
    ['+19135550142', '204', 'US', '(913) 555-0142 ext. 204'],
    ['+442079460958', null, 'US', '+44 20 7946 0958'],
    ['+19135550142', null, 'GB', '+1 913 555 0142'],
    ['+442079460958', '7', 'GB', '020 7946 0958 ext. 7'],
  ])('shows %s ext %s at home in %s as %j', (e164, extension, home, shown) => {
    expect(formatPhone(e164, extension, home)).toBe(shown);
  });
});

describe('match keys', () => {
  it('give the same digits however the number was typed, so the end of a number finds it', () => {
    const key = phoneMatchKey('+19135550142');
    expect(key).toBe('19135550142');
    for (const typed of ['913-555-0142', '(913) 555 0142', '555.0142', '0142']) expect(key.endsWith(phoneDigits(typed)), typed).toBe(true);
    expect(key.endsWith(phoneDigits('913-555-0143'))).toBe(false);
  });
});
