// A mutation under a sequence number the device has used before. A resend (the
// answer was lost) gets the stored answer again. Before answering so, the
// server checks it is the same mutation: the same name, arguments and
// performedAt. A different one under a used number is refused, never answered
// with another mutation's 'applied'. A refusal whose record was pruned
// (retention.ts) is answered 'expired'.
import { sql, type Kysely } from 'kysely';
import type { Mutation, PushResult } from '../../protocol';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { REFUSALS_KEPT_DAYS } from './retention';

export interface StoredResult {
  result: PushResult;
  /** The stored mutation is the one sent now. */
  same: boolean;
}

/** What a device's repeats were first answered, and whether each is the mutation stored under its number. */
export async function storedResults(
  trx: Kysely<Database>,
  auth: SessionUser,
  clientId: string,
  repeats: readonly Mutation[],
): Promise<Map<number, StoredResult>> {
  if (repeats.length === 0) return new Map();
  const sent = repeats.map((m) => ({ seq: m.seq, name: m.name, args: m.args, performed_at: m.performedAt }));
  // jsonb equality, and the fingerprint made of jsonb text, are canonical: key order and spacing as sent do not matter.
  const { rows } = await sql<{ seq: number; result: PushResult; same: boolean }>`
    select c.seq, c.result, c.performed_at = i.performed_at and c.name = i.name
        and coalesce(c.args = i.args, c.fingerprint = md5(jsonb_build_array(i.name, i.args)::text)) as same
    from jsonb_to_recordset(${JSON.stringify(sent)}::jsonb) as i(seq bigint, name text, args jsonb, performed_at timestamptz)
    join client_mutations c on c.tenant_id = ${auth.tenantId}::uuid and c.client_id = ${clientId} and c.seq = i.seq`.execute(trx);
  return new Map(rows.map((r) => [Number(r.seq), { result: r.result, same: r.same }]));
}

export function repeatOf(m: Mutation, stored: StoredResult | undefined): PushResult {
  if (!stored) return expired(m);
  if (!stored.same) return reused(m);
  // Only applied and rejected answers are stored.
  return { ...stored.result, duplicate: true } as PushResult;
}

/** The in-push counterpart of the fingerprint: the same mutation sent twice in one push. */
export function sameMutation(a: Mutation, b: Mutation): boolean {
  return a.name === b.name && Date.parse(a.performedAt) === Date.parse(b.performedAt) && canonical(a.args) === canonical(b.args);
}

export function reused(m: Mutation): PushResult {
  return {
    clientId: m.clientId,
    seq: m.seq,
    status: 'rejected',
    code: 'sequence_reused',
    message: `Number ${m.seq} from this desk was already used for a different change, which the server keeps. This change was not applied; make it again.`,
    duplicate: true,
  };
}

function expired(m: Mutation): PushResult {
  return {
    clientId: m.clientId,
    seq: m.seq,
    status: 'rejected',
    code: 'expired',
    message: `The server refused change ${m.seq} from this desk more than ${REFUSALS_KEPT_DAYS} days ago and no longer keeps its reason. It was not applied.`,
    duplicate: true,
  };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
