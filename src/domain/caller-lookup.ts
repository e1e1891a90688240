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
import { callingCodeLength, parsePhone, phoneDigits, type CountryCode } from './phone';

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
  let t = s.toLowerCase();
  // NFD is the slow part of indexing tens of thousands of names; plain ASCII has no accents to take off.
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(t)) t = t.normalize('NFD').replace(/\p{M}/gu, '');
  return /^\S+(?: \S+)*$/.test(t) ? t : t.replace(/\s+/g, ' ').trim();
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

/** How a contact matched, best first within each tier; a contact is ranked by its best tier, then by name. */
const KINDS: readonly { tier: number; on: CallerMatch['on']; where: CallerMatch['where']; exact: boolean }[] = [
  { tier: 0, on: 'number', where: 'whole', exact: true },
  { tier: 1, on: 'number', where: 'whole', exact: false }, // another extension than the one typed
  { tier: 1, on: 'number', where: 'end', exact: false },
  { tier: 2, on: 'number', where: 'start', exact: false },
  { tier: 3, on: 'number', where: 'inside', exact: false },
  { tier: 0, on: 'name', where: 'whole', exact: true },
  { tier: 0, on: 'name', where: 'start', exact: false },
  { tier: 0, on: 'email', where: 'whole', exact: true },
  { tier: 1, on: 'name', where: 'start', exact: false }, // a word of the name
  { tier: 2, on: 'email', where: 'start', exact: false },
  { tier: 3, on: 'name', where: 'inside', exact: false },
  { tier: 4, on: 'email', where: 'inside', exact: false },
];
const [NUMBER_EXACT, NUMBER_WHOLE, NUMBER_END, NUMBER_START, NUMBER_INSIDE] = [0, 1, 2, 3, 4] as const;
const [NAME_WHOLE, NAME_START, EMAIL_WHOLE, NAME_WORD, EMAIL_START, NAME_INSIDE, EMAIL_INSIDE] = [5, 6, 7, 8, 9, 10, 11] as const;
const TIERS = 5;

export function buildCallerIndex(candidates: readonly CallerCandidate[], defaultCountry?: CountryCode): CallerIndex {
  const names = candidates.map((c) => foldText(c.name));
  // Contacts in name order, once: a query then ranks by comparing integers, and a name search walks this order and
  // stops as soon as the best tier is full.
  const order = [...names.keys()].sort((a, b) => compare(names[a]!, names[b]!) || a - b);
  const rank = new Int32Array(names.length);
  order.forEach((at, r) => (rank[at] = r));
  // Names, and emails, in that order as one text each, one per line: a search is one indexOf pass over it (fast in
  // every engine, and reading memory in order) instead of a call per contact. Folding leaves no newline in a query.
  const nameBlob = new Blob(order.map((at) => [names[at]!]));
  const emailBlob = new Blob(order.map((at) => candidates[at]!.emails.map((e) => e.trim().toLowerCase())));

  // Numbers, one slot each: the owner, the E.164 digits, where the national number starts in them.
  const owner: number[] = [];
  const keys: string[] = [];
  const nationalAt: number[] = [];
  const e164s: string[] = [];
  const extensions: (string | null)[] = [];
  candidates.forEach((c, at) => {
    for (const p of c.phones) {
      // Stored numbers are E.164 ("+" and digits); anything else is read for its digits all the same.
      const key = /^\+\d+$/.test(p.e164) ? p.e164.slice(1) : phoneDigits(p.e164);
      owner.push(at);
      keys.push(key);
      nationalAt.push(callingCodeLength(key));
      e164s.push(p.e164);
      extensions.push(p.extension);
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

  /** The numbers that may hold these digits (4 or more): those holding its rarest window. */
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

  // Each contact's best match in the current query; reused across queries (a stamp says which query wrote it),
  // so a keystroke allocates nothing per contact.
  const stamp = new Uint32Array(candidates.length);
  const bestKind = new Uint8Array(candidates.length);
  const bestNum = new Int32Array(candidates.length);
  let query = 0;
  let touched: number[] = [];
  const start = () => {
    query = (query + 1) >>> 0 || 1;
    touched = [];
  };
  const hit = (at: number, kind: number, num: number) => {
    if (stamp[at] !== query) {
      stamp[at] = query;
      touched.push(at);
    } else if (KINDS[kind]!.tier >= KINDS[bestKind[at]!]!.tier) return;
    bestKind[at] = kind;
    bestNum[at] = num;
  };

  /** The first `limit` contacts by tier, then name; only the few shown are sorted. */
  function ranked(limit: number): CallerMatch[] {
    const buckets: number[][] = Array.from({ length: TIERS }, () => []);
    for (const at of touched) buckets[KINDS[bestKind[at]!]!.tier]!.push(at);
    const out: CallerMatch[] = [];
    for (const bucket of buckets) {
      if (out.length >= limit) break;
      for (const at of smallest(bucket, limit - out.length, (a, b) => rank[a]! - rank[b]!))
        out.push(toMatch(at, bestKind[at]!, bestNum[at]!));
    }
    return out;
  }

  const toMatch = (at: number, kindAt: number, num: number): CallerMatch => {
    const kind = KINDS[kindAt]!;
    return {
      contactId: candidates[at]!.contactId,
      clientId: candidates[at]!.clientId,
      on: kind.on,
      number: num < 0 ? null : e164s[num]!,
      extension: num < 0 ? null : extensions[num]!,
      exact: kind.exact,
      where: kind.where,
    };
  };

  function byNumber(query: string): void {
    const ext = EXTENSION.exec(query);
    const body = ext ? query.slice(0, ext.index) : query;
    const digits = phoneDigits(body);
    if (digits.length < MIN_DIGITS || digits.length > MAX_QUERY_DIGITS) return;
    const parsed = parsePhone(query, defaultCountry);
    const wholeKey = parsed.ok ? parsed.e164.slice(1) : null;
    const wantExtension = parsed.ok ? parsed.extension : (ext?.[1] ?? null);

    // The whole number, and the extension when one was typed.
    if (wholeKey !== null)
      for (const num of numbersHolding(wholeKey))
        if (keys[num] === wholeKey)
          hit(owner[num]!, wantExtension === null || wantExtension === extensions[num] ? NUMBER_EXACT : NUMBER_WHOLE, num);

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
          if (key === p.digits) hit(at, NUMBER_WHOLE, num);
          else if (key.startsWith(p.digits)) hit(at, NUMBER_START, num);
        } else if (key.endsWith(p.digits)) hit(at, NUMBER_END, num);
        else if (key.startsWith(p.digits, nationalAt[num]) || key.startsWith(p.digits)) hit(at, NUMBER_START, num);
        else if (key.includes(p.digits)) hit(at, NUMBER_INSIDE, num);
      }
    }
  }

  // Tiers fill in name order (the texts are in name order); once the best tier is full nothing later can be shown.
  function byText(query: string, limit: number): CallerMatch[] {
    const q = foldText(query);
    if (q.length < 2) return [];
    // Emails first and whole: an email that is the query is as good as a name starting with it.
    const emailHits: [number, number][] = [];
    if (q.includes('@') || q.length >= 3)
      for (const { owner: r, entry, at } of emailBlob.find(q)) {
        const kind = at > 0 ? EMAIL_INSIDE : entry.length === q.length ? EMAIL_WHOLE : EMAIL_START;
        const last = emailHits[emailHits.length - 1];
        if (last?.[0] !== r) emailHits.push([r, kind]);
        else if (KINDS[kind]!.tier < KINDS[last[1]]!.tier) last[1] = kind;
      }
    const nameHits: [number, number][] = [];
    let firstTier = 0;
    for (const { owner: r, entry: name, at } of nameBlob.find(q)) {
      const kind = at === 0 ? (name.length === q.length ? NAME_WHOLE : NAME_START) : name.includes(` ${q}`) ? NAME_WORD : NAME_INSIDE;
      nameHits.push([r, kind]);
      if (KINDS[kind]!.tier === 0 && ++firstTier >= limit) break;
    }
    // Merge the two lists (both in name order), each contact once at its best.
    const tiers: number[][][] = Array.from({ length: TIERS }, () => []);
    for (let i = 0, j = 0; i < nameHits.length || j < emailHits.length;) {
      const n = nameHits[i];
      const e = emailHits[j];
      // The one earlier in name order, or both when they are the same contact.
      const takeName = n !== undefined && (e === undefined || n[0] <= e[0]);
      const takeEmail = e !== undefined && (n === undefined || e[0] <= n[0]);
      if (takeName) i++;
      if (takeEmail) j++;
      const [r, kind] = !takeName ? e! : !takeEmail ? n! : KINDS[e![1]]!.tier < KINDS[n![1]]!.tier ? e! : n!;
      const tier = tiers[KINDS[kind]!.tier]!;
      if (tier.length < limit) tier.push([r, kind]);
    }
    return tiers
      .flat()
      .slice(0, limit)
      .map(([r, kind]) => toMatch(order[r!]!, kind!, -1));
  }

  return {
    size: candidates.length,
    find(text, limit = DEFAULT_LIMIT) {
      if (text.length > MAX_QUERY_LENGTH || limit < 1) return [];
      if (!looksLikeNumber(text)) return byText(text, limit);
      start();
      byNumber(text.trim());
      return ranked(limit);
    },
  };
}

/**
 * Short texts, each owned by an entry (here: a contact's rank), joined into one string, one per line; find() walks
 * the occurrences of a query, at most one per text (the first), in the texts' order.
 */
class Blob {
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly owners: Int32Array;
  constructor(byOwner: readonly (readonly string[])[]) {
    const texts: string[] = [];
    const owners: number[] = [];
    byOwner.forEach((list, owner) => {
      for (const t of list) {
        texts.push(t);
        owners.push(owner);
      }
    });
    this.text = texts.join('\n');
    this.starts = new Int32Array(texts.length + 1);
    let at = 0;
    texts.forEach((t, i) => {
      this.starts[i] = at;
      at += t.length + 1;
    });
    this.starts[texts.length] = at;
    this.owners = Int32Array.from(owners);
  }

  *find(q: string): Generator<{ owner: number; entry: string; at: number }> {
    const { text, starts, owners } = this;
    for (let pos = q.includes('\n') ? -1 : text.indexOf(q); pos >= 0;) {
      // The text holding pos: the last start at or before it.
      let lo = 0;
      let hi = starts.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      const entry = text.slice(starts[lo]!, starts[lo + 1]! - 1);
      yield { owner: owners[lo]!, entry, at: pos - starts[lo]! };
      pos = text.indexOf(q, starts[lo + 1]!);
    }
  }
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
