// Money is integer cents everywhere (docs/domain/onsite-visits.md); only the
// screen turns it into a currency string, in the user's locale.

/** "$1,234.50" in the locale given, or the runtime's default (the browser's: the user's language). */
export function formatCents(cents: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);
}

/**
 * "$1,234.50" in en-US whatever the user's locale: for refusal messages, which
 * the server sends too and every desk shows the same. Screens use formatCents.
 */
export function formatCentsForMessage(cents: number): string {
  return formatCents(cents, 'en-US');
}

/** "1234.50": cents as a plain decimal for CSV files accounting imports (no symbol, no grouping, always two places). */
export function centsAsDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Reads "350", "350.5", "$1,234.50" as cents; null when it is not an amount
 * with at most two decimal places. Works on the digits, never on floats.
 * Commas are taken only where they group thousands: "12,50" typed with a
 * decimal comma is refused rather than read as $1,250.
 */
export function parseDollars(text: string): number | null {
  const t = text.trim().replace(/^\$/, '');
  const m = /^(\d{1,9}|\d{1,3}(?:,\d{3}){1,2})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
