// Exactly-once push. Each mutation runs in its own transaction together with
// its device's last applied sequence (row-locked), so a mutation and the fact
// that it was applied commit or vanish together:
//   seq <= last      a repeat (lost response, retry): answer with the stored result
//   seq >  last + 1  a gap: refuse, record nothing, stop the batch
//   seq == last + 1  apply; a broken rule is recorded as rejected and the sequence
//                    still advances, so one bad change never blocks an outbox.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Mutation, PushResult } from '../../sync/protocol';
import type { ChangeBus } from '../db/change-bus';
import type { Database } from '../db/schema';
import type { SessionUser } from '../auth/sessions';
import { appendChanges, currentChangeSeq } from './changes';
import { mutationHandlers } from './mutations/index';
import { MutationRejected, type MutationContext } from './mutations/context';

/** Desk clocks drift; more than this ahead of the server is a wrong clock, not drift. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

export interface PushDeps {
  db: Kysely<Database>;
  bus: ChangeBus;
  now: () => Date;
}

type Gate = { kind: 'next' } | { kind: 'repeat'; result: PushResult } | { kind: 'gap'; result: PushResult };

async function claimSequence(trx: Transaction<Database>, auth: SessionUser, m: Mutation, now: Date): Promise<Gate> {
  // The upsert both creates the device's row on first contact and locks it until commit.
  const { last_seq: last } = await trx
    .insertInto('sync_clients')
    .values({ tenant_id: auth.tenantId, client_id: m.clientId, last_seq: 0, user_id: auth.userId, updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'client_id']).doUpdateSet({ updated_at: now }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  if (m.seq === last + 1) return { kind: 'next' };
  if (m.seq > last + 1) {
    return {
      kind: 'gap',
      result: {
        clientId: m.clientId,
        seq: m.seq,
        status: 'out_of_order',
        expectedSeq: last + 1,
        message: `Mutation ${m.seq} from this desk arrived before ${last + 1}; nothing after ${last} was applied. Push the outbox again in order, starting at ${last + 1}.`,
      },
    };
  }
  const stored = await trx
    .selectFrom('client_mutations')
    .select('result')
    .where('tenant_id', '=', auth.tenantId)
    .where('client_id', '=', m.clientId)
    .where('seq', '=', m.seq)
    .executeTakeFirst();
  const result = (stored?.result as PushResult | undefined) ?? { clientId: m.clientId, seq: m.seq, status: 'applied', changeSeq: 0 };
  return { kind: 'repeat', result: { ...result, duplicate: true } as PushResult };
}

async function recordResult(trx: Transaction<Database>, auth: SessionUser, m: Mutation, result: PushResult, now: Date): Promise<void> {
  await trx
    .insertInto('client_mutations')
    .values({ ...mutationRow(auth, m, now), result: JSON.stringify(result) })
    .execute();
  await trx
    .updateTable('sync_clients')
    .set({ last_seq: m.seq, user_id: auth.userId })
    .where('tenant_id', '=', auth.tenantId)
    .where('client_id', '=', m.clientId)
    .execute();
}

function mutationRow(auth: SessionUser, m: Mutation, now: Date) {
  return {
    tenant_id: auth.tenantId,
    client_id: m.clientId,
    seq: m.seq,
    user_id: auth.userId,
    name: m.name,
    args: JSON.stringify(m.args),
    performed_at: m.performedAt,
    applied_at: now.toISOString(),
  };
}

/**
 * The same record as recordResult, as CTEs of appendChanges' statement, so the
 * stored result can carry the new change sequence without another round trip
 * while the tenant's lock is held.
 */
function recordAppliedWith(auth: SessionUser, m: Mutation, now: Date) {
  const row = mutationRow(auth, m, now);
  const result = { clientId: m.clientId, seq: m.seq, status: 'applied' };
  return sql`, m as (
      insert into client_mutations (tenant_id, client_id, seq, user_id, name, args, performed_at, applied_at, result)
      select ${row.tenant_id}::uuid, ${row.client_id}, ${row.seq}::bigint, ${row.user_id}::uuid, ${row.name}, ${row.args}::jsonb,
        ${row.performed_at}::timestamptz, ${row.applied_at}::timestamptz, ${JSON.stringify(result)}::jsonb || jsonb_build_object('changeSeq', t.change_seq)
      from t
    ), s as (
      update sync_clients set last_seq = ${m.seq}::bigint, user_id = ${auth.userId}::uuid
      where tenant_id = ${auth.tenantId}::uuid and client_id = ${m.clientId}
    )`;
}

function checkClock(performedAt: Date, now: Date): void {
  const ahead = performedAt.getTime() - now.getTime();
  if (ahead <= MAX_CLOCK_AHEAD_MS) return;
  throw new MutationRejected(
    'clock_ahead',
    `This change is stamped ${performedAt.toISOString()}, ${Math.round(ahead / 60000)} minutes ahead of the server's clock (${now.toISOString()}). ` +
      `Set this computer's date and time correctly and make the change again; it was not applied.`,
  );
}

async function applyOne(deps: PushDeps, auth: SessionUser, m: Mutation): Promise<PushResult> {
  const now = deps.now();
  const performedAt = new Date(m.performedAt);
  try {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const gate = await claimSequence(trx, auth, m, now);
      if (gate.kind !== 'next') return { result: gate.result, changed: false };
      checkClock(performedAt, now);
      const ctx: MutationContext = {
        trx,
        tenantId: auth.tenantId,
        user: { id: auth.userId, role: auth.role },
        performedAt: performedAt > now ? now : performedAt,
        now,
      };
      // The handler's args type is tied to its name; the discriminated union guarantees the pairing.
      const handler = mutationHandlers[m.name] as (ctx: MutationContext, args: unknown) => ReturnType<(typeof mutationHandlers)[typeof m.name]>;
      const writes = await handler(ctx, m.args);
      if (writes.length === 0) {
        const result: PushResult = { clientId: m.clientId, seq: m.seq, status: 'applied', changeSeq: await currentChangeSeq(trx, auth.tenantId) };
        await recordResult(trx, auth, m, result, now);
        return { result, changed: false };
      }
      const changeSeq = await appendChanges(trx, auth.tenantId, writes, now, recordAppliedWith(auth, m, now));
      const result: PushResult = { clientId: m.clientId, seq: m.seq, status: 'applied', changeSeq };
      return { result, changed: true };
    });
    if (outcome.changed && outcome.result.status === 'applied') deps.bus.afterCommit(auth.tenantId, outcome.result.changeSeq);
    return outcome.result;
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    // The mutation's writes rolled back; record only the refusal, re-checking the
    // sequence because a concurrent retry of the same push may have recorded it already.
    return deps.db.transaction().execute(async (trx) => {
      const gate = await claimSequence(trx, auth, m, now);
      if (gate.kind !== 'next') return gate.result;
      const result: PushResult = { clientId: m.clientId, seq: m.seq, status: 'rejected', code: error.code, message: error.message };
      await recordResult(trx, auth, m, result, now);
      return result;
    });
  }
}

/** Applies a push in order, stopping after the first out-of-order mutation. */
export async function applyPush(deps: PushDeps, auth: SessionUser, mutations: readonly Mutation[]): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const m of mutations) {
    const result = await applyOne(deps, auth, m);
    results.push(result);
    if (result.status === 'out_of_order') break;
  }
  return results;
}
