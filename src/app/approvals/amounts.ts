// Hours and dollars as people type them, to the minutes and cents the records
// keep; and cents back to money in the user's locale. Money is US dollars
// (the contracts' currency) and only the display follows the locale.
import { MAX_CENTS, MAX_MINUTES } from '../../domain/approval-requests';

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** "2.5" or "2:30" hours → 150 minutes; empty → null. */
export function parseHours(text: string): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(t);
  const minutes = clock
    ? Number(clock[1]) * 60 + Number(clock[2])
    : /^\d{0,4}([.,]\d{1,2})?$/.test(t)
      ? Math.round(Number(t.replace(',', '.')) * 60)
      : NaN;
  if (!Number.isFinite(minutes)) return { ok: false, message: `"${text}" is not a number of hours: enter e.g. 2.5 or 2:30.` };
  if (minutes < 1) return { ok: false, message: 'Enter at least a minute of work, or leave the hours empty.' };
  if (minutes > MAX_MINUTES)
    return { ok: false, message: `Enter at most ${MAX_MINUTES / 60} hours; split larger work into several requests.` };
  return { ok: true, value: minutes };
}

/** "$1,234.50", "1234.5", "450" dollars → cents; empty → null. */
export function parseDollars(text: string): Parsed {
  const t = text
    .trim()
    .replace(/^\$\s*/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (t === '') return { ok: true, value: null };
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(t)) return { ok: false, message: `"${text}" is not an amount in dollars: enter e.g. 450 or 1,234.50.` };
  const [whole, fraction = ''] = t.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents < 1) return { ok: false, message: 'Enter an amount of at least one cent, or leave the amount empty.' };
  if (cents > MAX_CENTS)
    return { ok: false, message: `Enter at most $${(MAX_CENTS / 100).toLocaleString('en-US')}; split larger work into several requests.` };
  return { ok: true, value: cents };
}

/** Cents as money in the user's locale: "$1,234.50" (en-US), "1 234,50 $US" (fr-FR); one formatter for every screen. */
export { formatCents as formatMoney } from '../../domain/money';

/** Minutes as hours for a form's field: 150 → "2.5". */
export function hoursText(minutes: number | null): string {
  return minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100);
}

/** Cents as dollars for a form's field: 45000 → "450.00". */
export function dollarsText(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2);
}
