// A ringing phone opens the intake form through a link the phone system
// builds: switchboard://call?from=<number> on the desktop, ?call=<number> on
// the console's URL in a browser (docs/domain/phone-intake.md, "Call links").
// Everything in such a link comes from outside, so it is read here, strictly,
// before anything else sees it: bounded, one shape only, one parameter, and
// a number made only of what people write in phone numbers. The number is
// handed on as text, not parsed: the intake form reads it with parsePhone
// and shows what is wrong by its field, as for a number typed there.
import { PHONE_RAW_MAX } from './phone';

export type CallLinkRead = { ok: true; from: string } | { ok: false; problem: string };

/** A whole switchboard: link longer than this is refused unread (a number of PHONE_RAW_MAX characters, each percent-encoded, fits). */
export const CALL_LINK_MAX = 512;

/** The link phone systems are told to open; %2B is the + of an international number. */
export const CALL_LINK_EXAMPLE = 'switchboard://call?from=%2B19135550142';
const CALL_QUERY_EXAMPLE = '?call=%2B19135550142';
/** The console's whole query string is not read for a call past this (it carries a server address and a few flags besides). */
const CALL_QUERY_SEARCH_MAX = 4096;

const SCHEME = 'switchboard';

// switchboard://call?…, switchboard://call/?… (Windows adds the slash) and
// switchboard:call?… (how some systems write a link without an authority);
// the scheme and host in any case, as URLs allow. No user, port, path or fragment.
const LINK_SHAPE = /^switchboard:(?:\/\/)?call\/?\?([^#]*)$/i;

// What people write in a phone number: digits, letters (ext., vanity numbers
// like 1-800-FLOWERS), spaces and + - ( ) . / # * , ;. Everything else — any
// control or format character, any character outside ASCII (lookalike
// digits such as １ or 𝟏, bidi overrides), quotes, < > & % \ — is refused, so
// no markup, script or disguised text reaches the form.
const PHONE_ALPHABET = /^[0-9A-Za-z +\-()./#*,;]*$/;

const REFUSED = 'The call link was refused:';

/**
 * Reads a switchboard: link as the OS passed it (macOS open-url, or an
 * argument on Windows and Linux). `from` must be there once; it may be empty
 * (a withheld number: the form opens and intake asks for it).
 */
export function readCallLink(url: string): CallLinkRead {
  if (typeof url !== 'string') return refused(`it is not text. Set the phone system to open ${CALL_LINK_EXAMPLE}.`);
  if (url.length > CALL_LINK_MAX)
    return refused(`it is longer than ${CALL_LINK_MAX} characters. Set the phone system to open ${CALL_LINK_EXAMPLE}.`);
  if (hasControlCharacter(url)) return refused('it contains control characters. Only a printable switchboard://call link is read.');
  const shape = LINK_SHAPE.exec(url);
  if (!shape)
    return refused(
      `it is not a ${SCHEME}://call link with a number. Set the phone system to open ${CALL_LINK_EXAMPLE} (its caller number after from=).`,
    );
  const query = parseQuery(shape[1]!);
  if (!query) return refused(`its parameters are malformed. Set the phone system to open ${CALL_LINK_EXAMPLE}.`);
  const others = query.filter(([name]) => name !== 'from');
  if (others.length > 0)
    return refused(`it has parameters other than from=. Set the phone system to open ${CALL_LINK_EXAMPLE}, with nothing else after it.`);
  return readNumber(
    query.map(([, value]) => value),
    'from',
    CALL_LINK_EXAMPLE,
  );
}

/**
 * Reads `?call=` from the console's own query string (location.search), which
 * may carry other parameters of its own (db, server, demo): those are left
 * alone. Null when there is no call parameter.
 */
export function readCallQuery(search: string): CallLinkRead | null {
  if (search.length > CALL_QUERY_SEARCH_MAX) {
    return /(?:^|[?&])call=/.test(search.slice(0, CALL_QUERY_SEARCH_MAX))
      ? refused(`the console's address is longer than ${CALL_QUERY_SEARCH_MAX} characters. Open it with ${CALL_QUERY_EXAMPLE}.`)
      : null;
  }
  // The console's own parameters are not this reader's business: only names are compared.
  const calls = splitQuery(search.replace(/^\?/, ''))
    .filter(([name]) => name === 'call')
    .map(([, value]) => value);
  if (calls.length === 0) return null;
  return readNumber(calls, 'call', CALL_QUERY_EXAMPLE);
}

/** `search` without its call parameters, the others kept as they were ("" when none are left). */
export function withoutCallQuery(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=', 1)[0] !== 'call');
  return kept.length === 0 ? '' : `?${kept.join('&')}`;
}

function readNumber(values: readonly string[], name: string, example: string): CallLinkRead {
  if (values.length === 0) return refused(`it has no ${name}= number. Set the phone system to open ${example}.`);
  // Two numbers: which one rang? Neither is guessed at.
  if (values.length > 1) return refused(`it has ${name}= more than once. Give one number, e.g. ${example}.`);
  const encoded = values[0]!;
  // Each character of a number may be percent-encoded (three characters); longer cannot be one.
  if (encoded.length > PHONE_RAW_MAX * 3)
    return refused(`its number is longer than a phone number (${PHONE_RAW_MAX} characters at most). Send only the caller's number.`);
  let from: string;
  try {
    // Not form decoding: a "+" stays a plus, since phone systems put +1… in links unencoded.
    from = decodeURIComponent(encoded);
  } catch {
    return refused(`its number has a broken %-escape. Encode + as %2B, e.g. ${example}.`);
  }
  if (from.length > PHONE_RAW_MAX)
    return refused(`its number is longer than a phone number (${PHONE_RAW_MAX} characters at most). Send only the caller's number.`);
  if (!PHONE_ALPHABET.test(from))
    return refused(
      `its number holds characters no phone number has (only digits, letters, spaces and + - ( ) . / # * , ; are read). Send only the caller's number, e.g. ${example}.`,
    );
  return { ok: true, from };
}

/** name=value pairs, still percent-encoded; null when a name is empty or not plain. */
function parseQuery(query: string): Array<[string, string]> | null {
  const pairs = splitQuery(query);
  return pairs.every(([name]) => /^[A-Za-z0-9_.-]+$/.test(name)) ? pairs : null;
}

function splitQuery(query: string): Array<[string, string]> {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    });
}

function hasControlCharacter(text: string): boolean {
  // C0, DEL and C1: never in a link a phone system means to open.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function refused(why: string): CallLinkRead {
  return { ok: false, problem: `${REFUSED} ${why}` };
}
