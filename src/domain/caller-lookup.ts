// Finding the caller while the phone rings (docs/domain/phone-intake.md,
// "Finding the caller"): by number — whole or in part, however it is written
// (913-555-0142, (913) 555 0142, +1 913 555 0142, 913/555-0142, the last 4 or
// more digits) — or by name or email. Numbers are compared by their E.164
// digits, so the punctuation people type never matters.
import { parsePhone, phoneDigits, type CountryCode } from './phone';

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
  /** The whole number matched (not just part of it): the caller is very likely this contact. */
  exact: boolean;
}

/** Fewer digits than this match too many numbers to mean anything. */
export const MIN_DIGITS = 4;
export const DEFAULT_LIMIT = 10;

/** Does the text look like (part of) a phone number rather than a name? */
export function looksLikeNumber(query: string): boolean {
  return /^[\d\s()+\-./]+(?:\s*(?:x|ext\.?|#)\s*\d+)?$/i.test(query.trim()) && phoneDigits(query).length > 0;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export interface CallerIndex {
  readonly size: number;
  find(query: string, limit?: number): CallerMatch[];
}

export function buildCallerIndex(candidates: readonly CallerCandidate[], defaultCountry?: CountryCode): CallerIndex {
  const numbers: { key: string; e164: string; at: number }[] = [];
  candidates.forEach((c, at) => {
    for (const p of c.phones) numbers.push({ key: phoneDigits(p.e164), e164: p.e164, at });
  });
  const names = candidates.map((c) => fold(c.name));
  const emails = candidates.map((c) => c.emails.map(fold));

  const match = (at: number, on: CallerMatch['on'], number: string | null, exact: boolean): CallerMatch => ({
    contactId: candidates[at]!.contactId,
    clientId: candidates[at]!.clientId,
    on,
    number,
    exact,
  });

  function byNumber(query: string, limit: number): CallerMatch[] {
    const digits = phoneDigits(query.replace(/(?:x|ext\.?|#)\s*\d+\s*$/i, ''));
    if (digits.length < MIN_DIGITS) return [];
    const parsed = parsePhone(query, defaultCountry);
    const whole = parsed.ok ? phoneDigits(parsed.e164) : null;
    const exact: CallerMatch[] = [];
    const partial: CallerMatch[] = [];
    const seen = new Set<number>();
    for (const n of numbers) {
      if (seen.has(n.at)) continue;
      if (whole !== null && n.key === whole) {
        exact.push(match(n.at, 'number', n.e164, true));
        seen.add(n.at);
      } else if (n.key.includes(digits)) {
        partial.push(match(n.at, 'number', n.e164, false));
        seen.add(n.at);
      }
    }
    return [...exact, ...partial].slice(0, limit);
  }

  function byText(query: string, limit: number): CallerMatch[] {
    const q = fold(query);
    if (q.length < 2) return [];
    const out: CallerMatch[] = [];
    for (let at = 0; at < candidates.length && out.length < limit; at++) {
      if (names[at]!.includes(q)) out.push(match(at, 'name', null, names[at] === q));
      else if (q.includes('@') || q.length >= 3) {
        if (emails[at]!.some((e) => e.includes(q))) out.push(match(at, 'email', null, emails[at]!.includes(q)));
      }
    }
    return out;
  }

  return {
    size: candidates.length,
    find: (query, limit = DEFAULT_LIMIT) => (looksLikeNumber(query) ? byNumber(query, limit) : byText(query, limit)),
  };
}
