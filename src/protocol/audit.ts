// The audit log's HTTP contract (docs/domain/audit.md), shared by the server and
// the console. Not part of sync: the log lives only on the server.
import { z } from 'zod';

/** Who may read the log (the server's `audit.read`); the console uses it only to show the screen. */
export { AUDIT_READ_ROLES } from '../domain/staff-permissions';

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 500;
/** Entries younger than this cannot be purged (docs/domain/audit.md, rule 2). */
export const AUDIT_RETENTION_YEARS = 3;

const isoInstant = z.iso.datetime({ offset: true, message: 'must be a date and time like 2024-05-01T00:00:00Z' });

/** Filters shared by the list and the CSV export; dates are instants (the console converts the person's local dates). */
export const auditFilterSchema = z.strictObject({
  clientId: z.uuid('clientId must be a client id').optional(),
  actorId: z.uuid('actorId must be a staff member id').optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});

export const auditListQuerySchema = auditFilterSchema.extend({
  /** The `nextBefore` of the previous page: entries with a lower seq (newest first). */
  before: z
    .string()
    .regex(/^\d{1,15}$/, 'before must be a whole number')
    .transform(Number)
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(AUDIT_PAGE_MAX, `limit must be at most ${AUDIT_PAGE_MAX}`))
    .optional()
    .default(AUDIT_PAGE_DEFAULT),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const auditPurgeRequestSchema = z.strictObject({
  /** Entries recorded before this instant are purged; it must be at least 3 years ago. */
  before: isoInstant,
});

export interface AuditEntry {
  seq: number;
  /** Server time, ISO. */
  at: string;
  /** The person's desk time, ISO; null when no person's clock applies. */
  performedAt: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  clientId: string | null;
  /** The record's JSON text before and after; null when it did not exist (before) or was deleted (after). */
  before: string | null;
  after: string | null;
  hash: string;
}

export interface AuditListResponse {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: number | null;
}

export interface AuditVerifyResponse {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  firstBroken?: { seq: number; reason: 'modified' | 'missing' | 'reordered' | 'head mismatch' };
}

export interface AuditPurgeResponse {
  purged: number;
  /** The purge's own entry, or null when nothing was old enough. */
  entrySeq: number | null;
  head: { seq: number; hash: string };
}
