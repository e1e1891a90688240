// Exactly-once push. A desk's mutations apply in one transaction together with
// its device's last applied sequence (row-locked), so mutations and the fact
// that they were applied commit or vanish together:
//   seq <= last      a repeat (lost response, retry): answer with the stored result,
//                    if it is the mutation stored under that number (repeats.ts)
//   seq >  last + 1  a gap: refuse, record nothing, stop the batch
//   seq == last + 1  apply; a broken rule, or data the database refuses for good,
//                    is recorded as rejected and the sequence still advances, so
//                    one bad change never blocks an outbox.
// A device id belongs to the person who first pushed under it (devices.ts).
// One transaction per push rather than per mutation: the tenant row, whose lock
// orders every writer's change sequence, is then taken once per push, and the
// push's tickets are locked and read once (mutations/unit-of-work.ts).
// A refused mutation keeps its neighbours' effects. Handlers check their rules
// before writing, so a refusal normally has nothing to undo and is recorded in
// place; one refused after writing rolls the transaction back, and the push is
// redone in steps: the mutations before it, then the refusal on its own. (A new
// ticket or note id that is already taken is found when the push writes, at
// the end: the transaction is redone to learn whose it was, and refuses that one.)
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Mutation, PushResult } from '../../protocol';
import { clockAheadBy, describeDuration } from '../../protocol/clock';
import type { ChangeBus } from '../db/change-bus';
import type { Backend } from '../db/open-database';
import type { Database } from '../db/schema';
import type { SessionUser } from '../auth/sessions';
import { appendChanges, appendChangesAndCommit, withoutChanges, type AuditStamp, type ChangeWrite } from '../changes/changes';
import { mutationHandlers, type MutationHandlers } from './index';
import { addNamedIds, type MutationArgs, type MutationName, type NamedIds } from '../../mutations';
import { MutationRejected, type MutationContext } from './context';
import { claimDevice, recycleDevices, requireOwner, type ClaimedDevice } from './devices';
import { repeatOf, reused, sameMutation, storedResults } from './repeats';
import { UnitOfWork } from './unit-of-work';
import { unprocessable } from './unprocessable';
import { ApiError } from '../http/errors';

/** Most mutations in one transaction: bounds its statements' size and how long it holds its tickets. */
const MUTATIONS_PER_TRANSACTION = 50;

export interface PushDeps {
  db: Kysely<Database>;
  bus: ChangeBus;
  now: () => Date;
  /** On PostgreSQL the last statement and COMMIT share a round trip (changes.ts). */
  backend?: Backend;
  /** Where a mutation the database refused is described in full (its answer says only the error code). */
  log?: { warn: (details: object, message: string) => void };
}

const UNIQUE_VIOLATION = '23505';

/** A mutation refused after it had written: its transaction must roll back. */
class RefusedAfterWriting extends Error {
  constructor(
    readonly index: number,
    readonly refusal: MutationRejected,
  ) {
    super(refusal.message);
  }
}

/** A result whose change sequence is known once the transaction has recorded it. */
type Answer = (seqBefore: number) => PushResult;

/** One row of client_mutations; `at` is the count of the push's writes up to this mutation's last (applied only). */
interface Recorded {
  seq: number;
  name: string;
  /** Sent whole: stored for applied mutations, only fingerprinted for refused ones (repeats.ts). */
  args: unknown;
  performed_at: string;
  /** The stored result; an applied one gets its changeSeq in SQL. */
  result: Record<string, unknown>;
  at: number | null;
}

function gapAt(m: Mutation, expected: number): PushResult {
  const last = expected - 1;
  return {
    clientId: m.clientId,
    seq: m.seq,
    status: 'out_of_order',
    expectedSeq: expected,
    message: `Mutation ${m.seq} from this desk arrived before ${expected}; nothing after ${last} was applied. Push the outbox again in order, starting at ${expected}.`,
  };
}

function clockRefusal(performedAt: Date, now: Date): MutationRejected | null {
  const ahead = clockAheadBy(performedAt, now);
  if (ahead === 0) return null;
  return new MutationRejected(
    'clock_ahead',
    `This change is stamped ${performedAt.toISOString()}, ${describeDuration(ahead)} ahead of the server's clock (${now.toISOString()}). ` +
      `Set this computer's date and time correctly and make the change again; it was not applied.`,
  );
}

const handlers: MutationHandlers = mutationHandlers;

/** The handler for `m.name` called with `m.args`: the generic keeps name and arguments paired without a cast. */
function runNamed<N extends MutationName>(ctx: MutationContext, m: { name: N; args: MutationArgs[N] }): Promise<ChangeWrite[]> {
  return handlers[m.name](ctx, m.args);
}

/**
 * When a change counts: the desk's time, but never later than the server's now,
 * nor earlier than a change this device has already had applied (a desk's
 * changes happen in sequence order; a clock set back does not make them earlier).
 * Handlers also keep it from before the ticket's opening (context.ts actedOn).
 */
function countsAt(performedAt: Date, actedUntil: Date | null, now: Date): Date {
  const floor = actedUntil && actedUntil > performedAt ? actedUntil : performedAt;
  return floor > now ? now : floor;
}

function contextFor(rows: UnitOfWork, auth: SessionUser, at: { performedAt: Date; now: Date }): MutationContext {
  return {
    trx: rows.trx,
    rows,
    tenantId: auth.tenantId,
    user: { id: auth.userId, role: auth.role },
    performedAt: at.performedAt,
    now: at.now,
  };
}

/** A refusal and the record it keeps (MutationRejected.keep), written in the mutation's place. */
interface Refused {
  refusal: MutationRejected;
  kept: ChangeWrite[];
}

async function refused(refusal: MutationRejected, ctx: MutationContext): Promise<Refused> {
  return { refusal, kept: refusal.keep ? await refusal.keep(ctx) : [] };
}

/** Runs one mutation's handler; returns its writes, or the refusal when it refused before writing anything. */
async function runHandler(
  rows: UnitOfWork,
  auth: SessionUser,
  m: Mutation,
  at: { performedAt: Date; now: Date },
  index: number,
): Promise<ChangeWrite[] | Refused> {
  const before = rows.writes;
  rows.mutation = index;
  const ctx = contextFor(rows, auth, at);
  try {
    return await runNamed(ctx, m);
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    if (rows.writes !== before) throw new RefusedAfterWriting(index, error);
    return refused(error, ctx);
  }
}

/**
 * Records the push's mutations and advances the device's sequence, as CTEs of
 * the statement that appends the changes, so stored results carry their change
 * sequence without another round trip while the tenant's lock is held; then
 * commits. Returns the tenant's change sequence before this push's writes.
 */
async function recordAndCommit(
  trx: Kysely<Database>,
  deps: PushDeps,
  auth: SessionUser,
  clientId: string,
  push: { records: Recorded[]; writes: ChangeWrite[]; stamps: AuditStamp[]; rows: RawBuilder<unknown>; actedUntil: Date | null },
  now: Date,
): Promise<number> {
  const { records, writes } = push;
  const k = writes.length;
  const lastSeq = records[records.length - 1]!.seq;
  const record = sql`${push.rows}, m as (
      insert into client_mutations (tenant_id, client_id, seq, user_id, name, args, fingerprint, performed_at, applied_at, result)
      select ${auth.tenantId}::uuid, ${clientId}, r.seq, ${auth.userId}::uuid, r.name,
        case when r.at is null then null else r.args end, case when r.at is null then md5(jsonb_build_array(r.name, r.args)::text) end,
        r.performed_at, ${now.toISOString()}::timestamptz,
        case when r.at is null then r.result else r.result || jsonb_build_object('changeSeq', t.change_seq - ${k}::bigint + r.at) end
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(seq bigint, name text, args jsonb, performed_at timestamptz, result jsonb, at bigint)
        cross join t
    ), s as (
      update sync_clients set last_seq = ${lastSeq}::bigint, acted_until = greatest(acted_until, ${push.actedUntil?.toISOString() ?? null}::timestamptz)
      where tenant_id = ${auth.tenantId}::uuid and client_id = ${clientId}
    )`;
  if (k > 0 && deps.backend === 'postgres') return (await appendChangesAndCommit(trx, auth.tenantId, writes, now, record, push.stamps)) - k;
  const after =
    k === 0 ? await withoutChanges(trx, auth.tenantId, record) : await appendChanges(trx, auth.tenantId, writes, now, record, push.stamps);
  await sql`commit`.execute(trx);
  return after - k;
}

/**
 * Runs `work` in a transaction that `work` commits (recordAndCommit); rolls
 * back when it throws. Not db.transaction(): that sends its own COMMIT.
 */
async function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      return await work(conn);
    } catch (error) {
      // After a failed COMMIT, or a failure reading back after it, there is no transaction left; PostgreSQL only warns.
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

interface Attempt {
  /** Stands in for the first mutation's handler: it refused after writing in an earlier, rolled-back attempt. */
  refusal?: MutationRejected;
  /** Write new tickets and notes in a statement of their own, to find which mutation's id is taken. */
  careful: boolean;
}

/** Applies mutations of one device in one transaction, up to the first gap. */
async function applyInOneTransaction(
  deps: PushDeps,
  auth: SessionUser,
  mutations: readonly Mutation[],
  { refusal, careful }: Attempt,
): Promise<PushResult[]> {
  const now = deps.now();
  const clientId = mutations[0]!.clientId;
  const outcome = await inTransaction(deps.db, async (trx) => {
    const rows = new UnitOfWork(trx, auth.tenantId);
    const named: NamedIds = { tickets: [], clients: [], staff: [] };
    for (const m of mutations) addNamedIds(m, named);
    const device = await rows.open<ClaimedDevice>(claimDevice(auth, clientId, now), named);
    requireOwner(device, auth);
    const last = Number(device.last_seq);
    const stored = await storedResults(
      trx,
      auth,
      clientId,
      mutations.filter((m) => m.seq <= last),
    );
    let actedUntil = device.acted_until === null ? null : new Date(device.acted_until);
    const answers: Answer[] = [];
    const thisPush = new Map<number, { m: Mutation; answer: Answer }>();
    const records: Recorded[] = [];
    const writes: ChangeWrite[] = [];
    // Each write's audit entry: who, by which mutation, at the desk's time as sent (docs/domain/audit.md).
    const stamps: AuditStamp[] = [];
    let expected = last + 1;
    for (const [i, m] of mutations.entries()) {
      if (m.seq < expected) {
        const earlier = thisPush.get(m.seq);
        if (!earlier) answers.push(() => repeatOf(m, stored.get(m.seq)));
        else if (sameMutation(earlier.m, m)) answers.push((before) => ({ ...earlier.answer(before), duplicate: true }));
        else answers.push(() => reused(m));
        continue;
      }
      if (m.seq > expected) {
        const gap = gapAt(m, expected);
        answers.push(() => gap);
        break;
      }
      expected++;
      const performedAt = new Date(m.performedAt);
      const base = { seq: m.seq, name: m.name, args: m.args, performed_at: performedAt.toISOString() };
      const at = countsAt(performedAt, actedUntil, now);
      const standIn = (i === 0 && refusal) || clockRefusal(performedAt, now);
      const done = standIn
        ? await refused(standIn, contextFor(rows, auth, { performedAt: at, now }))
        : await runHandler(rows, auth, m, { performedAt: at, now }, i);
      let answer: Answer;
      if (!Array.isArray(done)) {
        const { refusal: no, kept } = done;
        const result: PushResult = { clientId, seq: m.seq, status: 'rejected', code: no.code, message: no.message };
        // The refusal's own record goes out as changes; the mutation stays refused (no changeSeq, args only fingerprinted).
        writes.push(...kept);
        for (let j = 0; j < kept.length; j++) stamps.push({ actorId: auth.userId, action: m.name, performedAt });
        records.push({ ...base, result, at: null });
        answer = () => result;
      } else {
        writes.push(...done);
        for (let j = 0; j < done.length; j++) stamps.push({ actorId: auth.userId, action: m.name, performedAt });
        const count = writes.length;
        records.push({ ...base, result: { clientId, seq: m.seq, status: 'applied' }, at: count });
        answer = (before) => ({ clientId, seq: m.seq, status: 'applied', changeSeq: before + count });
        actedUntil = at;
      }
      thisPush.set(m.seq, { m, answer });
      answers.push(answer);
    }
    if (records.length === 0) {
      await sql`commit`.execute(trx);
      return { answers, before: 0, changed: 0, created: device.created };
    }
    if (careful) {
      const taken = await rows.flush();
      if (taken) throw new RefusedAfterWriting(taken.mutation, new MutationRejected('conflict', taken.conflict));
    }
    const before = await recordAndCommit(
      trx,
      deps,
      auth,
      clientId,
      { records, writes, stamps, rows: rows.pendingWrites(), actedUntil },
      now,
    );
    return { answers, before, changed: writes.length, created: device.created };
  });
  if (outcome.changed > 0) deps.bus.afterCommit(auth.tenantId, outcome.before + outcome.changed);
  // A new device id may put its person over the cap. Housekeeping: the push has committed, so a failure here only logs.
  if (outcome.created)
    await recycleDevices(deps.db, auth).catch((error: unknown) => deps.log?.warn({ err: error }, 'recycling device ids failed'));
  return outcome.answers.map((answer) => answer(outcome.before));
}

/** Applies consecutive mutations of one device, as few transactions as the refusals allow. */
async function applyDeviceRun(deps: PushDeps, auth: SessionUser, run: readonly Mutation[]): Promise<PushResult[]> {
  const results: PushResult[] = [];
  let pending = run;
  let size = run.length;
  let refusal: MutationRejected | undefined;
  let oneByOne = false;
  let careful = false;
  while (pending.length > 0) {
    const attempt = pending.slice(0, refusal || oneByOne ? 1 : size);
    let done: PushResult[];
    try {
      done = await applyInOneTransaction(deps, auth, attempt, { refusal, careful });
    } catch (error) {
      // Refused as a whole (another person's device id): nothing of this run was applied.
      if (error instanceof ApiError) throw error;
      if (error instanceof RefusedAfterWriting) {
        if (error.index === 0) refusal = error.refusal;
        else size = error.index;
        continue;
      }
      if (!careful && (error as { code?: unknown }).code === UNIQUE_VIOLATION) {
        careful = true;
        continue;
      }
      // Not a rule: a deadlock with another push, a lost connection, data the
      // database refuses, a bug. One mutation per transaction from here, as if
      // pushed one at a time: what can commit does, and the error surfaces at
      // the mutation that causes it.
      if (attempt.length > 1) {
        oneByOne = true;
        continue;
      }
      // That mutation alone fails: refused for good if it always will, recorded in its place.
      const refused = refusal ? null : unprocessable(error);
      if (!refused) throw error;
      deps.log?.warn(
        { err: error, clientId: attempt[0]!.clientId, seq: attempt[0]!.seq, name: attempt[0]!.name },
        'mutation refused by the database',
      );
      refusal = refused;
      continue;
    }
    results.push(...done);
    refusal = undefined;
    if (done.at(-1)?.status === 'out_of_order') break;
    pending = pending.slice(done.length);
    size = pending.length;
  }
  return results;
}

/** Applies a push in order, stopping after the first out-of-order mutation. */
export async function applyPush(deps: PushDeps, auth: SessionUser, mutations: readonly Mutation[]): Promise<PushResult[]> {
  const results: PushResult[] = [];
  let rest = mutations;
  while (rest.length > 0) {
    let n = 1;
    while (n < rest.length && n < MUTATIONS_PER_TRANSACTION && rest[n]!.clientId === rest[0]!.clientId) n++;
    const done = await applyDeviceRun(deps, auth, rest.slice(0, n));
    results.push(...done);
    if (done.at(-1)?.status === 'out_of_order') break;
    rest = rest.slice(done.length);
  }
  return results;
}
