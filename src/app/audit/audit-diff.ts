// A readable before → after of an audit entry: the fields that changed, in the
// order the records list them. Entries carry whole records as JSON text.

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function parse(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: text };
  }
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Fields whose values differ; a created record lists all its fields from "—", a deleted one all to "—". */
export function auditDiff(beforeText: string | null, afterText: string | null): FieldChange[] {
  const before = parse(beforeText) ?? {};
  const after = parse(afterText) ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
}

/** A local calendar date (yyyy-mm-dd, as a date input gives it) as the instant it starts, or the next day's start. */
export function localDayStart(date: string, nextDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  return day.toISOString();
}
