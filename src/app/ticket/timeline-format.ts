// Timeline instants, formatted with one Intl.DateTimeFormat per zone: a
// 500-entry timeline formats 1,000 instants on open, and a formatter made once
// formats each in microseconds.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, f);
  }
  return f;
}

/** In the user's own locale and zone. */
export function formatInUserZone(iso: string): string {
  return formatter(undefined).format(new Date(iso));
}

/** In the client's zone, naming it (for the hover text). */
export function formatInClient(iso: string, timeZone: string): string {
  return `${formatter(timeZone).format(new Date(iso))} (${timeZone})`;
}
