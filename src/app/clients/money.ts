// Contract amounts are integer cents (docs/domain/clients.md); people read and
// type dollars. Shown in the user's locale; typed as dollars with up to two decimals.

/** Shown in the user's locale (the runtime's default: the browser's language); one formatter for every screen. */
export { formatCents } from '../../domain/money';

/** "350", "350.5", "$1,200.00" → cents; null when it is not an amount in dollars and cents. */
export function parseDollars(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** How a cents amount is shown in its input: plain dollars, no grouping, so it reads back the same. */
export function centsToInput(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2);
}
