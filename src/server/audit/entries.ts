// Reading the audit log: filtered pages, newest first, keyed by seq (stable while entries are appended).
import { sql, type Kysely } from 'kysely';
import type { AuditEntry } from '../../protocol/audit';
import type { Database } from '../db/schema';

export interface AuditQuery {
  clientId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Entries with a lower seq only. */
  before?: number | undefined;
}

interface Row {
  seq: number;
  at: Date | string;
  performed_at: Date | string | null;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_id: string | null;
  before: string | null;
  after: string | null;
  hash: string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

function toEntry(r: Row): AuditEntry {
  return {
    seq: Number(r.seq),
    at: iso(r.at),
    performedAt: r.performed_at === null ? null : iso(r.performed_at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    clientId: r.client_id,
    before: r.before,
    after: r.after,
    hash: r.hash,
  };
}

export async function auditEntries(db: Kysely<Database>, tenantId: string, query: AuditQuery, limit: number): Promise<AuditEntry[]> {
  const { rows } = await sql<Row>`
    select a.seq, a.at, a.performed_at, a.actor_id, u.name as actor_name, a.action, a.entity, a.entity_id, a.client_id, a.before, a.after, a.hash
    from audit_log a left join users u on u.id = a.actor_id
    where a.tenant_id = ${tenantId}::uuid
      and (${query.clientId ?? null}::uuid is null or a.client_id = ${query.clientId ?? null}::uuid)
      and (${query.actorId ?? null}::uuid is null or a.actor_id = ${query.actorId ?? null}::uuid)
      and (${query.from ?? null}::timestamptz is null or a.at >= ${query.from ?? null}::timestamptz)
      and (${query.to ?? null}::timestamptz is null or a.at < ${query.to ?? null}::timestamptz)
      and (${query.before ?? null}::bigint is null or a.seq < ${query.before ?? null}::bigint)
    order by a.seq desc
    limit ${limit}`.execute(db);
  return rows.map(toEntry);
}

const CSV_COLUMNS = [
  'seq',
  'at',
  'performedAt',
  'actorId',
  'actorName',
  'action',
  'entity',
  'entityId',
  'clientId',
  'before',
  'after',
  'hash',
] as const;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The filtered entries as CSV, oldest first, a page at a time so a long log streams in flat memory. */
export async function* auditCsv(db: Kysely<Database>, tenantId: string, query: AuditQuery, pageSize = 2000): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  let after = 0;
  for (;;) {
    const { rows } = await sql<Row>`
      select a.seq, a.at, a.performed_at, a.actor_id, u.name as actor_name, a.action, a.entity, a.entity_id, a.client_id, a.before, a.after, a.hash
      from audit_log a left join users u on u.id = a.actor_id
      where a.tenant_id = ${tenantId}::uuid and a.seq > ${after}::bigint
        and (${query.clientId ?? null}::uuid is null or a.client_id = ${query.clientId ?? null}::uuid)
        and (${query.actorId ?? null}::uuid is null or a.actor_id = ${query.actorId ?? null}::uuid)
        and (${query.from ?? null}::timestamptz is null or a.at >= ${query.from ?? null}::timestamptz)
        and (${query.to ?? null}::timestamptz is null or a.at < ${query.to ?? null}::timestamptz)
      order by a.seq
      limit ${pageSize}`.execute(db);
    if (rows.length === 0) return;
    yield rows
      .map(toEntry)
      .map((e) => `${CSV_COLUMNS.map((c) => csvField(e[c])).join(',')}\r\n`)
      .join('');
    after = Number(rows[rows.length - 1]!.seq);
  }
}
