// Pull: the query, the page as the console uses it, and the page on the wire.
import { z } from 'zod';
import { ENTITIES, recordSchemas, type Change, type Entity } from './records';

export const PULL_LIMIT_DEFAULT = 500;
export const PULL_LIMIT_MAX = 5000;

const nonNegativeInt = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a whole number')
  .transform(Number);

/** Changes per page, for pulls and snapshots alike. */
const pageLimit = nonNegativeInt
  .pipe(z.number().int().min(1).max(PULL_LIMIT_MAX, `limit must be at most ${PULL_LIMIT_MAX}`))
  .optional()
  .default(PULL_LIMIT_DEFAULT);

export const pullQuerySchema = z.strictObject({
  /** The `nextCursor` of the previous pull; 0 (or absent) downloads the whole workspace. */
  cursor: nonNegativeInt.optional().default(0),
  limit: pageLimit,
});

export interface PullResponse {
  changes: Change[];
  /** Store it once this page is applied locally and pull from it next time. */
  nextCursor: number;
  /** More pages are ready: pull again right away. */
  hasMore: boolean;
  /**
   * Changes after nextCursor at the time of this pull, for a progress bar:
   * exact on the first page of a full download, an upper bound otherwise
   * (compaction can fold several sequence numbers into one row).
   */
  remaining: number;
  /** On an initial sync (cursor 0): how many records the whole download holds. */
  total?: number;
}

/**
 * `GET /api/sync/pull` answers with this; decodePullPage turns it into a
 * PullResponse. Records travel as value arrays in the order `fields` gives,
 * so a page names each field once instead of once per row: a 100,000-ticket
 * download shrank by half, and in Chromium the bytes, not the parsing, were
 * most of its time (170 MB took 7 s to arrive; parsing it, 0.4 s).
 */
export interface PullPage extends Omit<PullResponse, 'changes'> {
  /** Per entity, its record's fields in value order (`id` first); `name?` is left out of the record when null. */
  fields: Partial<Record<Entity, string[]>>;
  changes: WireChange[];
}

/** An upsert carries the record's values; a delete, null and the id. */
export type WireChange = [seq: number, entity: Entity, values: unknown[]] | [seq: number, entity: Entity, values: null, id: string];

/** The fields the server sends for each entity, from the record schemas (so a new field cannot be forgotten). */
export const WIRE_FIELDS = Object.fromEntries(ENTITIES.map((e) => [e, wireFields(recordSchemas[e])])) as Record<Entity, string[]>;

function wireFields(schema: z.ZodObject): string[] {
  const names = ['id', ...Object.keys(schema.shape).filter((k) => k !== 'id')];
  return names.map((k) => (schema.shape[k]!.safeParse(undefined).success ? `${k}?` : k));
}

/** A record field's name without its `?`. */
export const fieldName = (field: string): string => (field.endsWith('?') ? field.slice(0, -1) : field);

export class PullPageError extends Error {}

export function decodePullPage(page: PullPage): PullResponse {
  const response: PullResponse = {
    changes: decodeChanges(page.fields, page.changes),
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
    remaining: page.remaining,
  };
  if (page.total !== undefined) response.total = page.total;
  return response;
}

function decodeChanges(fields: PullPage['fields'], wire: readonly WireChange[]): Change[] {
  const decoders = new Map<string, (values: unknown[]) => Record<string, unknown>>();
  for (const [entity, names] of Object.entries(fields)) decoders.set(entity, recordDecoder(names ?? []));
  return wire.map(([seq, entity, values, id]): Change => {
    if (values === null) return { seq, entity, id: id!, op: 'delete', data: null } as Change;
    const decode = decoders.get(entity);
    if (!decode)
      throw new PullPageError(
        `The server sent ${entity} records without naming their fields; update the console or the server so they match.`,
      );
    const data = decode(values);
    return { seq, entity, id: data.id as string, op: 'upsert', data } as Change;
  });
}

// --- snapshot: the first download ---

/**
 * Entity by entity in this order, each in sequence order: a console can
 * store each kind as soon as the snapshot moves past it (every bucket written
 * once), and the queue shows tickets with their clients' and people's names before the
 * history has arrived.
 */
export const SNAPSHOT_ORDER = [
  'user',
  'client',
  'contact',
  'ticket',
  'ticket_event',
  'note',
  'time_entry',
  'escalation',
  'request_type',
  'approval_request',
  'call',
  'callback',
  'visit',
] as const satisfies readonly Entity[];

const snapshotAfter = z
  .string()
  .regex(new RegExp(`^(${SNAPSHOT_ORDER.join('|')}):\\d{1,15}$`), 'must be the `next` of the previous snapshot page')
  .transform((s) => ({ entity: snapshotEntityOf(s), seq: Number(s.slice(s.indexOf(':') + 1)) }));

export const snapshotQuerySchema = z.strictObject({
  /** The previous page's `next`; absent on the first page. */
  after: snapshotAfter.optional(),
  limit: pageLimit,
});

/**
 * `GET /api/sync/snapshot`: every live row of the workspace, paged. Once the
 * last page is stored, pull from the first page's `cursor`: it brings what
 * changed during the download (again, if a page already had it: upserts are
 * idempotent) and the deletes (a snapshot has no tombstones).
 */
export interface SnapshotPage {
  changes: Change[];
  /** The workspace's change sequence when the first page was read (every page says its own; keep the first). */
  cursor: number;
  /** Ask for `?after=<next>` next; null: this was the last page. */
  next: string | null;
  /** First page only: how many rows the snapshot holds, for the progress bar. */
  total?: number;
}

export interface SnapshotWirePage extends Omit<SnapshotPage, 'changes'> {
  fields: PullPage['fields'];
  changes: WireChange[];
}

export function decodeSnapshotPage(page: SnapshotWirePage): SnapshotPage {
  const decoded: SnapshotPage = { changes: decodeChanges(page.fields, page.changes), cursor: page.cursor, next: page.next };
  if (page.total !== undefined) decoded.total = page.total;
  return decoded;
}

/** The entity a `next` token is still in the middle of. */
export function snapshotEntityOf(next: string): Entity {
  return next.slice(0, next.indexOf(':')) as Entity;
}

function recordDecoder(fields: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  const names = fields.map(fieldName);
  const omitNull = fields.map((f) => f.endsWith('?'));
  return (values) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = values[i] ?? null;
      if (value !== null || !omitNull[i]) record[names[i]!] = value;
    }
    return record;
  };
}
