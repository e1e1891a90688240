// Finding the caller (docs/domain/phone-intake.md, "Finding the caller").
// Expected lists are written from the rules on that page: which contact, how
// the query fits its number or name, and in which order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCallerIndex, looksLikeNumber, type CallerCandidate, type CallerMatch } from '../../../src/domain/caller-lookup';
import { parsePhone } from '../../../src/domain/phone';

const contact = (
  contactId: string,
  name: string,
  phones: [string, string | null][],
  emails: string[] = [],
  clientId = 'harbor',
): CallerCandidate => ({ contactId, clientId, name, phones: phones.map(([e164, extension]) => ({ e164, extension })), emails });

const CONTACTS: CallerCandidate[] = [
  contact('rachel', 'Rachel Adams', [['+19135550142', null]], ['rachel.adams@harbordental.example']),
  // Shares Rachel's number: the practice's main line, at extension 204.
  contact('tom', 'Tom Becker', [['+19135550142', '204']], ['tom@harbordental.example']),
  // A phone and nothing else (no email): the contact Zammad's users report as never found.
  contact('lobby', 'Lobby Phone', [['+13125550100', null]], [], 'prairie'),
  contact('zoe', 'Zoë Ångström', [['+442079460958', null]], ['zoe@beacon.example'], 'beacon'),
  // Same last four digits as Rachel's number, another area code.
  contact('dana', 'Dana Okafor', [['+18165550142', null]], ['dana@lakeside.example'], 'lakeside'),
  contact('priya', 'Priya Natarajan', [['+4930901820', null]], ['priya@hudson.example'], 'hudson'),
  // Ends in 9135: the start of Rachel's number typed from its first digits.
  contact('marcus', 'Marcus Reed', [['+13125559135', null]], ['marcus@prairie.example'], 'prairie'),
  // No phone at all: found by name and email only.
  contact('ana', 'Ana Becker', [], ['ana@prairie.example'], 'prairie'),
  // No phone; sorts before Ana, so ranking (not the alphabet) must put Ana first for "ana" and for Ana's own address.
  contact('adana', 'Adana Sun', [], ['ana@prairie.example.org'], 'prairie'),
];

const index = buildCallerIndex(CONTACTS);
/** contactId, then how it matched: where (whole/end/start/inside) and ! when exact. */
const brief = (matches: CallerMatch[]) => matches.map((m) => `${m.contactId} ${m.on} ${m.where}${m.exact ? '!' : ''}`);

describe('finding the caller by a whole number, however it is written', () => {
  it.each([
    '913-555-0142',
    '(913) 555 0142',
    '(913)555-0142',
    '+1 913 555 0142',
    '+1 (913) 555-0142',
    '+19135550142',
    '1-913-555-0142',
    '913/555-0142',
    '913.555.0142',
    '9135550142',
    '  913 555 0142  ',
  ])('%j finds both contacts on that number, exactly', (typed) => {
    expect(brief(index.find(typed))).toEqual(['rachel number whole!', 'tom number whole!']);
  });

  it('a contact who has only a phone number is found by it', () => {
    expect(brief(index.find('312/555-0100'))).toEqual(['lobby number whole!']);
    expect(index.find('312.555.0100')[0]).toMatchObject({ contactId: 'lobby', clientId: 'prairie', number: '+13125550100' });
  });
});

describe('typed digit by digit', () => {
  // Each prefix of 913-555-0142 as it is typed. Under 4 digits nothing is shown; from 4, numbers that end with
  // the digits (the last digits of a number) come before numbers that start with them (typed from the start).
  it.each<[string, string[]]>([
    ['9', []],
    ['91', []],
    ['913', []],
    ['913-', []],
    ['913-5', ['marcus number end', 'rachel number start', 'tom number start']],
    ['913-55', ['rachel number start', 'tom number start']],
    ['913-555', ['rachel number start', 'tom number start']],
    ['913-555-', ['rachel number start', 'tom number start']],
    ['913-555-0', ['rachel number start', 'tom number start']],
    ['913-555-01', ['rachel number start', 'tom number start']],
    ['913-555-014', ['rachel number start', 'tom number start']],
    ['913-555-0142', ['rachel number whole!', 'tom number whole!']],
  ])('%j → %j', (typed, expected) => {
    expect(brief(index.find(typed))).toEqual(expected);
  });

  // Part of the number with whatever punctuation it is typed with.
  it.each(['(913) 55', '(913)555-', '913/555', '913/555-01', '913.555.01', '+1 (913) 555', '1-913-555'])(
    '%j finds it from its start',
    (typed) => {
      expect(brief(index.find(typed))).toEqual(['rachel number start', 'tom number start']);
    },
  );
});

describe('the last 4 or more digits', () => {
  it.each<[string, string[]]>([
    ['0142', ['dana number end', 'rachel number end', 'tom number end']],
    ['50142', ['dana number end', 'rachel number end', 'tom number end']],
    ['555-0142', ['dana number end', 'rachel number end', 'tom number end']],
    ['0100', ['lobby number end']],
    ['9135', ['marcus number end', 'rachel number start', 'tom number start']],
    // Digits in the middle of a number: found, after the ends and starts.
    ['2555', ['lobby number inside', 'marcus number inside']],
    ['142', []],
    ['0000', []],
  ])('%j → %j', (typed, expected) => {
    expect(brief(index.find(typed))).toEqual(expected);
  });
});

describe('numbers abroad (default country US)', () => {
  it.each<[string, string[]]>([
    ['+44 20 7946 0958', ['zoe number whole!']],
    ['+442079460958', ['zoe number whole!']],
    // Dialled from the US: 011 and the country code.
    ['011 44 20 7946 0958', ['zoe number whole!']],
    // + and a country code: only numbers starting with it.
    ['+44 20 79', ['zoe number start']],
    ['+4930', ['priya number start']],
    ['+49 30 901820', ['priya number whole!']],
    // As dialled inside the UK, trunk 0 first: not a US number, so not exact, but the national number after the 0 is found.
    ['020 7946 0958', ['zoe number end']],
    ['020 79', ['zoe number start']],
    ['030 901820', ['priya number end']],
    // Dialled from Europe: 00 and the country code.
    ['0044 20 7946 0958', ['zoe number whole']],
    ['7946 0958', ['zoe number end']],
  ])('%j → %j', (typed, expected) => {
    expect(brief(index.find(typed))).toEqual(expected);
  });

  it('with a GB default, a UK number typed as dialled in the UK is exact', () => {
    const gb = buildCallerIndex(CONTACTS, 'GB');
    expect(brief(gb.find('020 7946 0958'))).toEqual(['zoe number whole!']);
    // A US number then needs +1.
    expect(brief(gb.find('+1 913 555 0142'))).toEqual(['rachel number whole!', 'tom number whole!']);
  });
});

describe('extensions', () => {
  it.each<[string, string[]]>([
    // The extension typed is Tom's: he is the exact match; Rachel's number matches without it.
    ['913-555-0142 x204', ['tom number whole!', 'rachel number whole']],
    ['913-555-0142 ext. 204', ['tom number whole!', 'rachel number whole']],
    ['(913) 555-0142 ext 204', ['tom number whole!', 'rachel number whole']],
    ['+1 913 555 0142 #204', ['tom number whole!', 'rachel number whole']],
    // An extension nobody has: both numbers match, neither exactly.
    ['913-555-0142 x999', ['rachel number whole', 'tom number whole']],
    // The last digits with an extension: the extension does not make a partial number exact.
    ['0142 x204', ['dana number end', 'rachel number end', 'tom number end']],
  ])('%j → %j', (typed, expected) => {
    expect(brief(index.find(typed))).toEqual(expected);
  });

  it('answers the extension of the number that matched', () => {
    expect(index.find('913-555-0142 x204')[0]).toMatchObject({ contactId: 'tom', number: '+19135550142', extension: '204' });
  });
});

describe('names and emails', () => {
  it.each<[string, string[]]>([
    ['rach', ['rachel name start']],
    ['RACHEL', ['rachel name start']],
    ['rachel adams', ['rachel name whole!']],
    // A word of the name (the surname).
    ['adams', ['rachel name start']],
    ['ADA', ['adana name start', 'rachel name start']],
    // Accents and case folded both ways.
    ['zoe', ['zoe name start']],
    ['ZOË', ['zoe name start']],
    ['angstrom', ['zoe name start']],
    ['ÅNGSTRÖM', ['zoe name start']],
    // Both Beckers, by name; the one with no phone too.
    ['becker', ['ana name start', 'tom name start']],
    // Names starting with the query before names containing it.
    // Adana's name contains it, but an address of hers starts with it.
    ['ana', ['ana name start', 'adana email start', 'dana name inside']],
    // A word of a name starting with the query before names containing it.
    ['na', ['priya name start', 'adana name inside', 'ana name inside', 'dana name inside']],
    ['ker', ['ana name inside', 'tom name inside']],
    // Emails.
    ['rachel.adams@', ['rachel email start']],
    ['rachel.adams@harbordental.example', ['rachel email whole!']],
    ['harbordental', ['rachel email inside', 'tom email inside']],
    ['@prairie', ['adana email inside', 'ana email inside', 'marcus email inside']],
    // A whole address before addresses starting with it.
    ['ana@prairie.example', ['ana email whole!', 'adana email start']],
  ])('%j → %j', (typed, expected) => {
    expect(brief(index.find(typed))).toEqual(expected);
  });

  it('limits the answer, keeping the best first', () => {
    expect(brief(index.find('0142', 2))).toEqual(['dana number end', 'rachel number end']);
    expect(brief(index.find('ana', 1))).toEqual(['ana name start']);
    expect(brief(index.find('ana', 2))).toEqual(['ana name start', 'adana email start']);
  });
});

describe('garbage finds nothing and never throws', () => {
  it.each([
    '',
    '   ',
    'abc',
    '+',
    '----',
    '()',
    '+1',
    '12',
    '1'.repeat(100),
    '9135550142999',
    '913-555-0142 ext.',
    '😀',
    '📞 913',
    'x204',
    '\u0000\u0001',
    'Robert"); DROP TABLE contacts;--',
  ])('%j', (typed) => {
    expect(index.find(typed)).toEqual([]);
  });

  it('text far longer than a name or number', () => {
    expect(index.find('a'.repeat(10_000))).toEqual([]);
    expect(index.find('9'.repeat(10_000))).toEqual([]);
  });

  it('no text makes find throw or answer more than asked', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 5 }), (typed, limit) => {
        expect(index.find(typed, limit).length).toBeLessThanOrEqual(limit);
      }),
    );
  });
});

describe('looksLikeNumber', () => {
  it.each<[string, boolean]>([
    ['913-555-0142', true],
    ['(913) 555 0142', true],
    ['+1 913 555 0142 ext. 204', true],
    ['0142', true],
    ['+', false],
    ['----', false],
    ['Rachel', false],
    ['913 Main St', false],
  ])('%j → %s', (typed, expected) => {
    expect(looksLikeNumber(typed)).toBe(expected);
  });
});

describe('any formatting of a stored number finds its contact exactly', () => {
  // Valid US numbers: an area code and exchange from 2–9 (the plan's rule), any line number.
  const areaCode = fc.constantFrom('913', '312', '816', '212', '415', '617', '303', '206');
  const exchange = fc.integer({ min: 200, max: 999 }).filter((n) => n % 100 !== 11);
  const line = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
  const separator = fc.constantFrom('', ' ', '-', '.', '/', '(', ')', ' - ', ') ');
  const number = fc.tuple(areaCode, exchange, line).filter(([a, e, l]) => parsePhone(`${a}${e}${l}`).ok);

  it('with random separators, with or without +1 or 1', () => {
    fc.assert(
      fc.property(
        number,
        fc.array(separator, { minLength: 3, maxLength: 3 }),
        fc.constantFrom('', '+1', '+1 ', '1-', '1 ', '(', '+1 ('),
        fc.array(fc.tuple(areaCode, exchange, line), { maxLength: 20 }),
        ([a, e, l], [s1, s2, s3], lead, others) => {
          const e164 = `+1${a}${e}${l}`;
          const noise = others.map(([oa, oe, ol], i) => contact(`other${i}`, `Other ${i}`, [[`+1${oa}${oe}${ol}`, null]]));
          const found = buildCallerIndex([...noise, contact('caller', 'The Caller', [[e164, null]])]);
          const typed = `${lead}${a}${s1}${e}${s2}${l.slice(0, 2)}${s3}${l.slice(2)}`;
          const first = found.find(typed, 50).find((m) => m.contactId === 'caller');
          expect(first, `"${typed}" should find ${e164}`).toMatchObject({ exact: true, where: 'whole', number: e164 });
        },
      ),
    );
  });

  it('each prefix of 4 or more digits, and each ending of 4 or more, finds it', () => {
    fc.assert(
      fc.property(number, fc.integer({ min: 4, max: 10 }), ([a, e, l], n) => {
        const digits = `${a}${e}${l}`;
        const found = buildCallerIndex([contact('caller', 'The Caller', [[`+1${digits}`, null]])]);
        expect(found.find(digits.slice(0, n)).map((m) => m.contactId)).toEqual(['caller']);
        expect(found.find(digits.slice(-n)).map((m) => m.contactId)).toEqual(['caller']);
      }),
    );
  });
});
