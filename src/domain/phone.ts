// Phone numbers as people type them, read once into the one form every part of
// Switchboard compares: E.164 (+19135550142) and an extension
// (docs/domain/contacts-and-approvals.md, "Phone numbers"). The desk reads a
// number as it is typed, for immediate feedback; the server reads it again and
// stores what it read. Parsing is libphonenumber-js with its "min" metadata,
// the same on both sides.
import {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry as isSupported,
  parsePhoneNumberWithError,
  ParseError,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';

export type { CountryCode } from 'libphonenumber-js';

/** Numbers without a leading + are read as this country's unless the caller says otherwise (a client's site, later). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'US';

/** Longer text is not a phone number someone typed; refused before parsing. */
export const PHONE_RAW_MAX = 64;

/** Examples the messages offer: one home number, one abroad. */
const HOME_EXAMPLE = '913-555-0142';
const ABROAD_EXAMPLE = '+44 20 7946 0958';

export type ParsedPhone =
  | {
      ok: true;
      /** +19135550142 */
      e164: string;
      /** Digits only, e.g. "204"; null when none was given. */
      extension: string | null;
      /** The number's own country, e.g. "US", "GB"; undefined for numbers shared by several (rare: non-geographic). */
      country: CountryCode | undefined;
      /** "(913) 555-0142", as dialled inside the number's country, without the extension. */
      national: string;
      /** "+1 913 555 0142", without the extension. */
      international: string;
    }
  | { ok: false; problem: string };

/**
 * Reads one typed number. `defaultCountry` is the country of numbers typed
 * without + and a country code. The problem, when there is one, says what is
 * wrong and shows an example; callers put the field's name in front.
 */
export function parsePhone(raw: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): ParsedPhone {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: `Enter a phone number, e.g. ${HOME_EXAMPLE} or ${ABROAD_EXAMPLE}.` };
  if (text.length > PHONE_RAW_MAX)
    return {
      ok: false,
      problem: `"${text.slice(0, 20)}…" is longer than a phone number (${PHONE_RAW_MAX} characters at most): enter only the number and extension, e.g. ${HOME_EXAMPLE} ext. 204.`,
    };
  // extract: false — the whole text must be the number; "call Bob on 913-555-0142" is refused, not guessed at.
  let number;
  try {
    number = parsePhoneNumberWithError(text, { defaultCountry, extract: false });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { ok: false, problem: problemFor(error.message, text, defaultCountry) };
  }
  if (!number.isPossible()) {
    const length = number.nationalNumber.length;
    return { ok: false, problem: problemFor(length < 7 ? 'TOO_SHORT' : 'INVALID_LENGTH', text, defaultCountry) };
  }
  if (!number.isValid())
    return {
      ok: false,
      problem: `"${text}" is not a valid ${number.country ?? defaultCountry} number: check the digits, or for a number abroad start with + and its country code, e.g. ${ABROAD_EXAMPLE}.`,
    };
  return {
    ok: true,
    e164: number.number,
    extension: number.ext ?? null,
    country: number.country,
    national: number.formatNational({ formatExtension: noExtension }),
    international: number.formatInternational({ formatExtension: noExtension }),
  };
}

const noExtension = (formatted: string) => formatted;

function problemFor(code: string, text: string, defaultCountry: CountryCode): string {
  switch (code) {
    case 'INVALID_COUNTRY':
      return `"${text}" does not start with a known country code: write + and the country code first, e.g. ${ABROAD_EXAMPLE}.`;
    case 'TOO_SHORT':
      return `"${text}" is too short for a phone number: include the area code, e.g. ${HOME_EXAMPLE}.`;
    case 'TOO_LONG':
      return `"${text}" has too many digits for a phone number: check it, e.g. ${HOME_EXAMPLE} or ${ABROAD_EXAMPLE}.`;
    case 'INVALID_LENGTH':
      return `"${text}" has the wrong number of digits for a ${defaultCountry} number: check it, or for a number abroad start with + and its country code, e.g. ${ABROAD_EXAMPLE}.`;
    default: // NOT_A_NUMBER, and any code a later libphonenumber-js adds
      return `"${text}" is not a phone number: enter its digits, e.g. ${HOME_EXAMPLE}, ${HOME_EXAMPLE} ext. 204 or ${ABROAD_EXAMPLE}.`;
  }
}

/**
 * A stored number for display: as dialled at home when it is in `homeCountry`,
 * internationally otherwise, with its extension ("(913) 555-0142 ext. 204").
 */
export function formatPhone(e164: string, extension: string | null, homeCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string {
  const number = parsePhoneNumberFromString(e164);
  const base = !number ? e164 : number.country === homeCountry ? number.formatNational() : number.formatInternational();
  return extension ? `${base} ext. ${extension}` : base;
}

/** The digits of any text, for matching a caller by part of their number: "(913) 555-0142" → "9135550142". */
export function phoneDigits(text: string): string {
  return text.replace(/\D+/g, '');
}

/**
 * The key a stored number is matched by: its E.164 digits ("19135550142").
 * Phone intake matches a caller's number, or the end of it, against these
 * keys (`key.endsWith(phoneDigits(typed))`), the same whatever way it was typed.
 */
export function phoneMatchKey(e164: string): string {
  return phoneDigits(e164);
}

// Calling codes are prefix-free (no code is the start of another), so the first that fits is the one.
let callingCodes: Set<number> | undefined;

/**
 * How many of a stored number's E.164 digits are its country calling code:
 * "19135550142" → 1, "442079460958" → 2; 0 when no country has it (+800 …).
 * No parse: a desk splits tens of thousands of numbers when it indexes its contacts.
 */
export function callingCodeLength(digits: string): number {
  callingCodes ??= new Set(getCountries().map((c) => Number(getCountryCallingCode(c))));
  for (let length = 1; length <= 3 && length < digits.length; length++)
    if (callingCodes.has(Number(digits.slice(0, length)))) return length;
  return 0;
}

/** A two-letter country code libphonenumber-js has a numbering plan for ("US", "GB"). */
export function isSupportedCountry(code: string): code is CountryCode {
  return /^[A-Z]{2}$/.test(code) && isSupported(code);
}
