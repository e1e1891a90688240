// Which protocol a sync request speaks, and what the server answers when it
// is not the server's own (the rule: the header comment of ./index.ts).
// Browser-safe: the console sends the version, the server checks it.

/**
 * 2: pull pages carry records as value arrays, and a fresh console downloads /api/sync/snapshot.
 * 3: tickets carry their compact SLA history (`sla`); the workspace's mutations grow with issue 10.
 * 4: clients carry their service record, contacts their numbers in E.164 and several emails; request types and
 *    approval requests are synced, with their mutations (issue 11). A version-3 desk would send contacts the
 *    server now refuses and could not read the new records.
 * 5: calls and callbacks are synced with their mutations, and tickets may carry a phone intake block (issue 12).
 *    A version-4 desk could not read the new records or the new refusal codes.
 * 6: onsite visits are synced with their mutations, and sites may carry a travel zone and a location (issue 13).
 *    A version-5 desk could not read visit records or the new refusal codes.
 */
export const PROTOCOL_VERSION = 6;

/** On every fetch to /api/sync/*: `Switchboard-Protocol: 2`. */
export const PROTOCOL_HEADER = 'switchboard-protocol';
/** On the event stream's URL instead (EventSource cannot set headers): `?protocol=2`. */
export const PROTOCOL_QUERY = 'protocol';

/**
 * How the version a console sent compares with the server's. A console that
 * sent none, or nothing readable, predates versioned requests: it is older.
 */
export function compareProtocol(sent: unknown, server: number): 'same' | 'older' | 'newer' {
  const version = typeof sent === 'string' && /^\d{1,9}$/.test(sent.trim()) ? Number(sent) : null;
  if (version === server) return 'same';
  return version !== null && version > server ? 'newer' : 'older';
}

export const CONSOLE_OLDER_MESSAGE = 'This console is older than the server: update it; your unsynced changes are kept.';
export const CONSOLE_NEWER_MESSAGE =
  'This console is newer than the server: the server must be updated before this console can sync; your unsynced changes are kept.';
