// Finding the caller while the phone rings (docs/domain/phone-intake.md,
// "Finding the caller"): by number — whole or in part, however it is written
// (913-555-0142, (913) 555 0142, +1 913 555 0142, 913/555-0142, the last 4 or
// more digits, or its first digits as they are typed) — or by name or email.
// Numbers are compared by their E.164 digits, so the punctuation people type
// never matters.
//
// Per keystroke among 50,000 contacts (test/bench/intake.bench.ts): every
// stored number is cut into its 4-digit windows, kept as postings in one flat
// array; a query reads the rarest window it contains and checks only those
// numbers, so typing a common area code does not scan the whole directory.
import { nationalDigits, parsePhone, phoneDigits, type CountryCode } from './phone';

/** A contact as the lookup needs it. */
export interface CallerCandidate {
  contactId: string;
  clientId: string;
  name: string;
  phones: readonly { e164: string; extension: string | null }[];
  emails: readonly string[];
}

export interface CallerMatch {
  contactId: string;
  clientId: string;
  /** What matched: the number (then which one, E.164) or the name/email. */
  on: 'number' | 'name' | 'email';
  number: string | null;
  /** The matched number's extension, when it has one. */
  extension: string | null;
  /** The whole number matched (not just part of it): the caller is very likely this contact. */
  exact: boolean;
  /**
   * Where the query fits: the whole number/name/email, its end (a number's
   * last digits), its start (a number typed from its first digits, a name or
   * one of its words), or somewhere inside.
   */
  where: 'whole' | 'end' | 'start' | 'inside';
}

/** Fewer digits than this match too many numbers to mean anything. */
export const MIN_DIGITS = 4;
export const DEFAULT_LIMIT = 10;
/** 15 digits of E.164 plus an international access code (011): no stored number holds more. */
const MAX_QUERY_DIGITS = 18;
/** Longer text is not a name, email or number anyone types; answered with nothing. */
const MAX_QUERY_LENGTH = 200;

const EXTENSION = /\s*(?:x|ext\.?|extension|#)\s*(\d+)\s*$/i;

/** Does the text look like (part of) a phone number rather than a name? */
export function looksLikeNumber(query: string): boolean {
  return /^[\d\s()+\-./]+(?:\s*(?:x|ext\.?|extension|#)\s*\d+)?$/i.test(query.trim()) && phoneDigits(query).length > 0;
}

/** Case- and accent-insensitive, spaces collapsed: "  Zoë  ÅNGSTRÖM " → "zoe angstrom". */
export function foldText(s: string): string {
  // NFD is the slow part of indexing tens of thousands of names; plain ASCII has no accents to take off.
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(s);
  return (ascii ? s : s.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface CallerIndex {
  readonly size: number;
  find(query: string, limit?: number): CallerMatch[];
}

const GRAM = 4;
const GRAMS = 10 ** GRAM;

/** The distinct 4-digit windows of a digit string, as numbers 0–9999. */
function gramsOf(digits: string, out: number[]): number[] {
  out.length = 0;
  let g = 0;
  for (let i = 0; i < digits.length; i++) {
    g = (g * 10 + (digits.charCodeAt(i) - 48)) % GRAMS;
    if (i >= GRAM - 1 && !out.includes(g)) out.push(g);
  }
  return out;
}

/** A ranked candidate: lower tier first, then by folded name. */
interface Hit {
  tier: number;
  at: number;
  num: number;
  on: CallerMatch['on'];
  exact: boolean;
  where: CallerMatch['where'];
}

export function buildCallerIndex(candidates: readonly CallerCandidate[], defaultCountry?: CountryCode): CallerIndex {
  const names = candidates.map((c) => foldText(c.name));
  const emails = candidates.map((c) => c.emails.map((e) => e.trim().toLowerCase()));

  // Numbers, one slot each: the owner, the E.164 digits, the national digits.
  const owner: number[] = [];
  const keys: string[] = [];
  const nationals: string[] = [];
  const e164s: string[] = [];
  const extensions: (string | null)[] = [];
  const whole = new Map<string, number[]>();
  candidates.forEach((c, at) => {
    for (const p of c.phones) {
      const num = keys.length;
      const key = phoneDigits(p.e164);
      owner.push(at);
      keys.push(key);
      nationals.push(nationalDigits(p.e164));
      e164s.push(p.e164);
      extensions.push(p.extension);
      const same = whole.get(key);
      if (same) same.push(num);
      else whole.set(key, [num]);
    }
  });

  // Postings in compressed rows: numbers holding window g are postings[starts[g] .. starts[g + 1]).
  const starts = new Int32Array(GRAMS + 1);
  const scratch: number[] = [];
  for (const key of keys) for (const g of gramsOf(key, scratch)) starts[g + 1]!++;
  for (let g = 0; g < GRAMS; g++) starts[g + 1]! += starts[g]!;
  const postings = new Int32Array(starts[GRAMS]!);
  const fill = starts.slice(0, GRAMS);
  keys.forEach((key, num) => {
    for (const g of gramsOf(key, scratch)) postings[fill[g]!++] = num;
  });

  /** The numbers that may hold these digits: those holding its rarest window. */
  function numbersHolding(digits: string): Int32Array {
    let best: Int32Array | undefined;
    for (const g of gramsOf(digits, [])) {
      const from = starts[g]!;
      const to = starts[g + 1]!;
      if (!best || to - from < best.length) best = postings.subarray(from, to);
      if (best.length === 0) break;
    }
    return best ?? new Int32Array(0);
  }

  const toMatch = (h: Hit): CallerMatch => ({
    contactId: candidates[h.at]!.contactId,
    clientId: candidates[h.at]!.clientId,
    on: h.on,
    number: h.num < 0 ? null : e164s[h.num]!,
    extension: h.num < 0 ? null : extensions[h.num]!,
    exact: h.exact,
    where: h.where,
  });

  /** One hit per contact, its best; the first `limit` by tier, then name (only the few shown are sorted). */
  function ranked(hits: Iterable<Hit>, tiers: number, limit: number): CallerMatch[] {
    const best = new Map<number, Hit>();
    for (const h of hits) {
      const had = best.get(h.at);
      if (!had || h.tier < had.tier) best.set(h.at, h);
    }
    const buckets: Hit[][] = Array.from({ length: tiers }, () => []);
    for (const h of best.values()) buckets[h.tier]!.push(h);
    const out: CallerMatch[] = [];
    for (const bucket of buckets) {
      if (out.length >= limit) break;
      for (const h of smallest(bucket, limit - out.length, (a, b) => compare(names[a.at]!, names[b.at]!) || a.at - b.at))
        out.push(toMatch(h));
    }
    return out;
  }

  function* numberHits(query: string): Generator<Hit> {
    const ext = EXTENSION.exec(query);
    const body = ext ? query.slice(0, ext.index) : query;
    const digits = phoneDigits(body);
    if (digits.length < MIN_DIGITS || digits.length > MAX_QUERY_DIGITS) return;
    const parsed = parsePhone(query, defaultCountry);
    const wholeKey = parsed.ok ? phoneDigits(parsed.e164) : null;
    const wantExtension = parsed.ok ? parsed.extension : (ext?.[1] ?? null);

    // Tier 0: the whole number, and the extension when one was typed.
    if (wholeKey !== null)
      for (const num of whole.get(wholeKey) ?? []) {
        const exact = wantExtension === null || wantExtension === extensions[num];
        yield { tier: exact ? 0 : 1, at: owner[num]!, num, on: 'number', exact, where: 'whole' };
      }

    // What was typed may be the start of the number (with + and its country code, or as dialled from abroad
    // after 011 or 00), its national number after a trunk 0 (020 7946 0958), or any part of it.
    const patterns: { digits: string; anchored: boolean }[] = [];
    if (body.trimStart().startsWith('+')) patterns.push({ digits, anchored: true });
    else {
      patterns.push({ digits, anchored: false });
      const abroad = /^(?:011|00)/.exec(digits);
      if (abroad) patterns.push({ digits: digits.slice(abroad[0].length), anchored: true });
      else if (digits.startsWith('0')) patterns.push({ digits: digits.slice(1), anchored: false });
    }
    for (const p of patterns) {
      if (p.digits.length < MIN_DIGITS) continue;
      for (const num of numbersHolding(p.digits)) {
        const key = keys[num]!;
        if (key === wholeKey) continue; // ranked above
        const at = owner[num]!;
        if (p.anchored) {
          if (key === p.digits) yield { tier: 1, at, num, on: 'number', exact: false, where: 'whole' };
          else if (key.startsWith(p.digits)) yield { tier: 2, at, num, on: 'number', exact: false, where: 'start' };
        } else if (key.endsWith(p.digits)) yield { tier: 1, at, num, on: 'number', exact: false, where: 'end' };
        else if (nationals[num]!.startsWith(p.digits) || key.startsWith(p.digits))
          yield { tier: 2, at, num, on: 'number', exact: false, where: 'start' };
        else if (key.includes(p.digits)) yield { tier: 3, at, num, on: 'number', exact: false, where: 'inside' };
      }
    }
  }

  // Tiers: 0 the name starts with the query (or is it, or an email is it), 1 a word of the name starts with it,
  // 2 an email starts with it, 3 the name contains it, 4 an email contains it.
  function* textHits(query: string): Generator<Hit> {
    const q = foldText(query);
    if (q.length < 2) return;
    const emailsToo = q.includes('@') || q.length >= 3;
    for (let at = 0; at < names.length; at++) {
      const name = names[at]!;
      const i = name.indexOf(q);
      const wordStart = i > 0 && name.charCodeAt(i - 1) === 32;
      if (i === 0) {
        const whole = name.length === q.length;
        yield { tier: 0, at, num: -1, on: 'name', exact: whole, where: whole ? 'whole' : 'start' };
        continue;
      }
      if (wordStart) {
        yield { tier: 1, at, num: -1, on: 'name', exact: false, where: 'start' };
        continue;
      }
      if (i > 0) yield { tier: 3, at, num: -1, on: 'name', exact: false, where: 'inside' };
      if (!emailsToo) continue;
      for (const email of emails[at]!) {
        const j = email.indexOf(q);
        if (j < 0) continue;
        const whole = email.length === q.length;
        yield {
          tier: whole ? 0 : j === 0 ? 2 : 4,
          at,
          num: -1,
          on: 'email',
          exact: whole,
          where: whole ? 'whole' : j === 0 ? 'start' : 'inside',
        };
        break;
      }
    }
  }

  return {
    size: candidates.length,
    find(query, limit = DEFAULT_LIMIT) {
      if (query.length > MAX_QUERY_LENGTH || limit < 1) return [];
      return looksLikeNumber(query) ? ranked(numberHits(query.trim()), 4, limit) : ranked(textHits(query), 5, limit);
    },
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The k smallest items in order, without sorting a bucket of thousands to show ten. */
function smallest<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (items.length <= k * 4) return items.sort(cmp).slice(0, k);
  const out: T[] = [];
  for (const item of items) {
    if (out.length === k && cmp(item, out[k - 1]!) >= 0) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0 && cmp(item, out[i - 1]!) < 0) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = item;
  }
  return out;
}
