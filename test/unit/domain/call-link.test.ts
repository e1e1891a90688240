import { describe, expect, it } from 'vitest';
import { CALL_LINK_MAX, readCallLink, readCallQuery, withoutCallQuery } from '../../../src/domain/call-link';
import { PHONE_RAW_MAX } from '../../../src/domain/phone';

// The number is handed on as the text the link held: the intake form parses it.
const ACCEPTED_LINKS: Array<[string, string]> = [
  ['switchboard://call?from=%2B19135550142', '+19135550142'],
  ['switchboard://call?from=+19135550142', '+19135550142'],
  ['switchboard://call/?from=913-555-0142', '913-555-0142'],
  ['switchboard:call?from=9135550142', '9135550142'],
  ['SWITCHBOARD://Call?from=9135550142', '9135550142'],
  ['switchboard://call?from=(913)%20555%200142', '(913) 555 0142'],
  ['switchboard://call?from=913%2F555-0142', '913/555-0142'],
  ['switchboard://call?from=%2B1%20913%20555%200142%20ext.%20204', '+1 913 555 0142 ext. 204'],
  ['switchboard://call?from=1-800-FLOWERS', '1-800-FLOWERS'],
  // Short, printable and not a number: the form says so by the field.
  ['switchboard://call?from=abc', 'abc'],
  // A withheld number: the form opens empty and intake asks.
  ['switchboard://call?from=', ''],
  ['switchboard://call?from', ''],
  ['switchboard://call?from=9135550142&', '9135550142'],
];

const REFUSED_LINKS: Array<[string, string, RegExp]> = [
  ['javascript: scheme', 'javascript:alert(1)//switchboard://call?from=1', /not a switchboard:\/\/call link/],
  ['data: URL', 'data:text/html,<script>alert(1)</script>', /not a switchboard:\/\/call link/],
  ['another scheme', 'tel:+19135550142', /not a switchboard:\/\/call link/],
  ['another host', 'switchboard://evil/call?from=9135550142', /not a switchboard:\/\/call link/],
  ['a path after the host', 'switchboard://call/evil?from=9135550142', /not a switchboard:\/\/call link/],
  ['a user before the host', 'switchboard://evil@call?from=9135550142', /not a switchboard:\/\/call link/],
  ['a port', 'switchboard://call:80?from=9135550142', /not a switchboard:\/\/call link/],
  ['a fragment', 'switchboard://call?from=9135550142#x', /not a switchboard:\/\/call link/],
  ['no query', 'switchboard://call', /not a switchboard:\/\/call link/],
  ['empty text', '', /not a switchboard:\/\/call link/],
  ['leading space', ' switchboard://call?from=1', /not a switchboard:\/\/call link/],
  ['no from parameter', 'switchboard://call?', /no from= number/],
  ['from twice', 'switchboard://call?from=9135550142&from=9135550199', /from= more than once/],
  ['another parameter', 'switchboard://call?from=9135550142&next=https://evil.example', /parameters other than from=/],
  ['an encoded parameter name', 'switchboard://call?%66rom=9135550142', /parameters are malformed/],
  ['a raw NUL', 'switchboard://call?from=913\u00005550142', /control characters/],
  ['a raw newline', 'switchboard://call?from=9135550142\n--inspect', /control characters/],
  ['a C1 control', 'switchboard://call?from=913\u0085555', /control characters/],
  ['an encoded NUL', 'switchboard://call?from=913%005550142', /characters no phone number has/],
  ['an encoded newline', 'switchboard://call?from=913%0A5550142', /characters no phone number has/],
  ['a double-encoded NUL', 'switchboard://call?from=913%25005550142', /characters no phone number has/],
  ['markup', 'switchboard://call?from=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /characters no phone number has/],
  ['raw markup', 'switchboard://call?from=<img src=x>', /characters no phone number has/],
  ['quotes', 'switchboard://call?from=913"555', /characters no phone number has/],
  ['fullwidth digits', 'switchboard://call?from=%EF%BC%99%EF%BC%91%EF%BC%93', /characters no phone number has/],
  ['mathematical bold digits', 'switchboard://call?from=\u{1D7D7}\u{1D7CF}\u{1D7D1}5550142', /characters no phone number has/],
  ['Arabic-Indic digits', 'switchboard://call?from=\u0669\u0661\u0663', /characters no phone number has/],
  ['a bidi override', 'switchboard://call?from=%E2%80%AE2410555319', /characters no phone number has/],
  ['a zero-width space', 'switchboard://call?from=913%E2%80%8B5550142', /characters no phone number has/],
  ['a broken escape', 'switchboard://call?from=913%E0%A4%A', /broken %-escape/],
  ['a lone %', 'switchboard://call?from=100%', /broken %-escape/],
  ['a number too long', `switchboard://call?from=${'1'.repeat(PHONE_RAW_MAX + 1)}`, /longer than a phone number/],
  ['an encoded number too long', `switchboard://call?from=${'%31'.repeat(PHONE_RAW_MAX + 1)}`, /longer than a phone number/],
  ['a link too long', `switchboard://call?from=1&${'x'.repeat(CALL_LINK_MAX)}`, /longer than 512 characters/],
];

describe('readCallLink', () => {
  it.each(ACCEPTED_LINKS)('reads %j as the number %j', (url, from) => {
    expect(readCallLink(url)).toEqual({ ok: true, from });
  });

  it.each(REFUSED_LINKS)('refuses %s', (_what, url, problem) => {
    const read = readCallLink(url);
    expect(read.ok).toBe(false);
    expect(read).toMatchObject({ problem: expect.stringMatching(problem) });
  });

  it('takes a number of exactly the longest a phone number may be', () => {
    expect(readCallLink(`switchboard://call?from=${'1'.repeat(PHONE_RAW_MAX)}`)).toEqual({ ok: true, from: '1'.repeat(PHONE_RAW_MAX) });
  });

  it('says what was wrong and what to set, without repeating what the link held', () => {
    const read = readCallLink('switchboard://call?from=%3Cscript%3E');
    expect(read).toMatchObject({ problem: expect.stringMatching(/^The call link was refused: .*switchboard:\/\/call\?from=%2B1/) });
    expect(JSON.stringify(read)).not.toMatch(/script/);
  });
});

describe('readCallQuery', () => {
  it.each([
    ['?call=%2B19135550142', '+19135550142'],
    // Not form decoding: an unencoded + is the international prefix, not a space.
    ['?call=+19135550142', '+19135550142'],
    ['?db=e2e&call=913-555-0142&server=http://127.0.0.1:8787', '913-555-0142'],
    ['call=9135550142', '9135550142'],
    ['?call=abc', 'abc'],
    ['?call=', ''],
  ])('reads %j as the number %j', (search, from) => {
    expect(readCallQuery(search)).toEqual({ ok: true, from });
  });

  it.each(['', '?', '?db=e2e&demo=0', '?callback=1', '?xcall=1', '?%zz=1&db=x'])('finds no call in %j', (search) => {
    expect(readCallQuery(search)).toBeNull();
  });

  it.each([
    ['call twice', '?call=9135550142&call=9135550199', /call= more than once/],
    ['an encoded NUL', '?call=913%005550142', /characters no phone number has/],
    ['markup', '?call=%3Cscript%3Ealert(1)%3C/script%3E', /characters no phone number has/],
    ['a javascript: URL', '?call=javascript:alert(1)', /characters no phone number has/],
    ['fullwidth digits', '?call=%EF%BC%99%EF%BC%91%EF%BC%93', /characters no phone number has/],
    ['a broken escape', '?call=%E0%A4%A', /broken %-escape/],
    ['a number too long', `?call=${'1'.repeat(PHONE_RAW_MAX + 1)}`, /longer than a phone number/],
    ['an address too long', `?call=1&pad=${'x'.repeat(5000)}`, /address is longer/],
  ])('refuses %s', (_what, search, problem) => {
    const read = readCallQuery(search);
    expect(read).toMatchObject({ ok: false, problem: expect.stringMatching(problem) });
  });
});

describe('withoutCallQuery', () => {
  it.each([
    ['?call=9135550142', ''],
    ['?db=e2e&call=9135550142&server=http://127.0.0.1:8787', '?db=e2e&server=http://127.0.0.1:8787'],
    ['?call=1&call=2&demo=0', '?demo=0'],
    ['?callback=1', '?callback=1'],
    ['', ''],
  ])('removes the call from %j, leaving %j', (search, left) => {
    expect(withoutCallQuery(search)).toBe(left);
  });
});
