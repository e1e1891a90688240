// Exactly-once push survives the server dying mid-push. The real server runs
// as a child process (on a private PostgreSQL, and on PGlite in a data
// directory); desks push over HTTP under their own device sequences and, when a
// connection drops, send the same batch again from the first mutation without
// an answer, as the console does (src/sync/push.ts). The server is SIGKILLed at
// seeded random moments and restarted on the same database. Wherever a kill
// lands (before the transaction, inside it, between COMMIT and the answer),
// each mutation must be recorded and take effect exactly once, and a puller
// must never see the change sequence go back or skip a commit
// (docs/sync-protocol.md, "Push" and "The change log").
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, pick } from '../../resources/demo/prng';
import type { TicketStatus } from '../../src/domain/ticket';
import {
  decodePullPage,
  type Change,
  type Mutation,
  type MutationArgs,
  type MutationName,
  type PullPage,
  type PullResponse,
  type PushResponse,
  type PushResult,
} from '../../src/protocol';
import { migrateToLatest } from '../../src/server/db/migrate';
import { openDatabase, type Backend } from '../../src/server/db/open-database';
import type { Database } from '../../src/server/db/schema';
import { freePort } from '../setup/postgres-cluster';
import { newTicketArgs, uuidv7 } from './desk';
import { BACKENDS, createTestWorkspace, openTestDatabase, PROTOCOL_HEADERS, stopTestCluster, type TestWorkspace } from './harness';
import { serverProcess, type ServerProcess } from './server-process';

const SEED = 20_240_917;
/**
 * Kills per run. A PGlite restart costs about 2.5 s on 2 cores (it opens its data
 * directory), a PostgreSQL one 1 s; PostgreSQL is what CI must prove, PGlite
 * shows its data directory comes back after a kill.
 */
const KILLS: Record<Backend, number> = { postgres: 6, pglite: 3 };
const DESK_ROLES = ['technician', 'engineer', 'service_coordinator'] as const;
const MUTATIONS_PER_DESK = 100;
const TOTAL = DESK_ROLES.length * MUTATIONS_PER_DESK;
/** Largest push: small, so a run has many pushes for the kills to land in. */
const BATCH_MAX = 12;
/** A desk or puller that has not finished by then is stuck, not slow. */
const RUN_DEADLINE_MS = 100_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each status's next one in a desk's cycle; every step is an allowed transition, so every setStatus changes something. */
const NEXT_STATUS: Partial<Record<TicketStatus, TicketStatus>> = { new: 'open', open: 'on_hold', on_hold: 'open' };

interface TicketPlan {
  status: TicketStatus;
  setStatuses: number;
  notes: string[];
  publicReplies: number;
}

/** What a request came to: a body, an HTTP error, or no answer at all (the server died). */
type Outcome<T> = { kind: 'ok'; body: T } | { kind: 'http'; status: number; text: string } | { kind: 'network' };

/** Pushes waiting for an answer, and how many of them kills cut off. */
const pushes = { inFlight: 0, interrupted: 0 };

async function request<T>(base: string, token: string, path: string, body?: unknown): Promise<Outcome<T>> {
  if (body !== undefined) pushes.inFlight++;
  try {
    const res = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...PROTOCOL_HEADERS,
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    return res.status === 200 ? { kind: 'ok', body: JSON.parse(text) as T } : { kind: 'http', status: res.status, text };
  } catch {
    return { kind: 'network' };
  } finally {
    if (body !== undefined) pushes.inFlight--;
  }
}

/** A desk over HTTP: makes changes to its own tickets and pushes its outbox in order. */
class HttpDesk {
  readonly clientId = `desk-${randomUUID()}`;
  /** Every mutation made, in order: `outbox[i].seq === i + 1`. */
  readonly outbox: Mutation[] = [];
  /** Every answer the server gave, per seq (a retry may bring several). */
  readonly answers = new Map<number, PushResult[]>();
  /** Mutations at the head of the outbox with a final answer. */
  acked = 0;
  readonly tickets = new Map<string, TicketPlan>();
  /** Anything a desk never expects: an HTTP error, an out_of_order, an answer that does not match the batch. */
  readonly unexpected: string[] = [];

  constructor(
    readonly token: string,
    readonly clientOf: string,
    readonly rand: () => number,
  ) {}

  #make<N extends MutationName>(name: N, args: MutationArgs[N]): void {
    this.outbox.push({
      clientId: this.clientId,
      seq: this.outbox.length + 1,
      name,
      args,
      performedAt: new Date().toISOString(),
    } as Mutation);
  }

  /** One change a person might make: a new ticket, a status change or a note on one of this desk's tickets. */
  work(): void {
    const r = this.rand();
    const mine = [...this.tickets.entries()];
    if (mine.length === 0 || r < 0.3) {
      const args = newTicketArgs(this.clientOf, { title: `Desk ticket ${this.outbox.length + 1}` });
      this.tickets.set(args.id, { status: 'new', setStatuses: 0, notes: [], publicReplies: 0 });
      return this.#make('createTicket', args);
    }
    const [id, plan] = pick(this.rand, mine);
    if (r < 0.65) {
      plan.status = NEXT_STATUS[plan.status]!;
      plan.setStatuses++;
      return this.#make('setStatus', { id, status: plan.status });
    }
    const kind = this.rand() < 0.3 ? 'public_reply' : 'internal_note';
    const note = uuidv7();
    plan.notes.push(note);
    if (kind === 'public_reply') plan.publicReplies++;
    this.#make('addNote', { id: note, ticketId: id, kind, body: `Note ${this.outbox.length + 1} from ${this.clientId}` });
  }

  /** Makes changes between syncs and pushes until all of them have a final answer. */
  async run(base: string, onAcked: (n: number) => void, until: { deadline: number; stopped: () => boolean }): Promise<void> {
    let answered = true;
    while (this.acked < MUTATIONS_PER_DESK) {
      if (until.stopped()) return;
      if (Date.now() > until.deadline) throw new Error(`desk ${this.clientId} stuck at ${this.acked}/${MUTATIONS_PER_DESK}`);
      // A person works while the desk syncs; while the server is down the same batch goes again, unchanged.
      if (answered) for (let k = 1 + Math.floor(this.rand() * 5); k > 0 && this.outbox.length < MUTATIONS_PER_DESK; k--) this.work();
      const batch = this.outbox.slice(this.acked, this.acked + BATCH_MAX);
      const outcome = await request<PushResponse>(base, this.token, '/api/sync/push', { mutations: batch });
      answered = outcome.kind === 'ok';
      if (outcome.kind === 'network') {
        await sleep(20 + this.rand() * 60);
        continue;
      }
      if (outcome.kind === 'http') {
        this.unexpected.push(`push answered ${outcome.status}: ${outcome.text.slice(0, 300)}`);
        if (this.unexpected.length > 10) return;
        await sleep(100);
        continue;
      }
      const before = this.acked;
      for (const [i, result] of outcome.body.results.entries()) {
        if (result.seq !== batch[i]?.seq || result.status === 'out_of_order') {
          this.unexpected.push(`seq ${batch[i]?.seq} answered ${JSON.stringify(result)}`);
          return;
        }
        this.answers.set(result.seq, [...(this.answers.get(result.seq) ?? []), result]);
        this.acked = result.seq;
      }
      if (this.acked !== before + batch.length) {
        this.unexpected.push(`a push of ${batch.length} got ${outcome.body.results.length} answers`);
        return;
      }
      onAcked(batch.length);
    }
  }
}

/** A console pulling all along, across the restarts: its cursor only moves forward. */
class Puller {
  readonly rows = new Map<string, Change>();
  cursor = 0;
  /** Changes that came at or behind the sequence number before them. */
  readonly regressions: string[] = [];

  constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  /** One page; null when the server did not answer. */
  async poll(limit: number): Promise<PullResponse | null> {
    const outcome = await request<PullPage>(this.base, this.token, `/api/sync/pull?cursor=${this.cursor}&limit=${limit}`);
    if (outcome.kind === 'network') return null;
    if (outcome.kind === 'http') throw new Error(`pull answered ${outcome.status}: ${outcome.text}`);
    const page = decodePullPage(outcome.body);
    let previous = this.cursor;
    for (const change of page.changes) {
      if (change.seq <= previous) this.regressions.push(`seq ${change.seq} after ${previous} (cursor ${this.cursor})`);
      previous = change.seq;
      this.rows.set(`${change.entity}:${change.id}`, change);
    }
    this.cursor = page.nextCursor;
    return page;
  }

  /** Pages until one brings nothing more. */
  async drain(limit: number, deadline: number): Promise<void> {
    for (;;) {
      if (Date.now() > deadline) throw new Error('pull never settled');
      const page = await this.poll(limit);
      if (page === null) await sleep(50);
      else if (page.changes.length === 0 && !page.hasMore) return;
    }
  }
}

const count = <T>(xs: readonly T[], keep: (x: T) => boolean) => xs.filter(keep).length;

/**
 * Where the server keeps its data, and how the test reads it. PGlite is one
 * process's: the test opens its data directory only while no server runs.
 */
interface Storage {
  env: Record<string, string>;
  read<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function prepareStorage(backend: Backend): Promise<{ storage: Storage; ws: TestWorkspace }> {
  if (backend === 'postgres') {
    const database = await openTestDatabase('postgres');
    const ws = await createTestWorkspace({ database });
    return {
      ws,
      storage: {
        env: { DATABASE_URL: database.url! },
        read: (work) => work(database.db),
        async close() {
          await database.close();
          await stopTestCluster();
        },
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-kill-'));
  const open = async () => openDatabase({ dataDir: dir });
  const database = await open();
  await migrateToLatest(database.db);
  const ws = await createTestWorkspace({ database });
  await database.close();
  return {
    ws,
    storage: {
      env: { SWITCHBOARD_DATA_DIR: dir, SWITCHBOARD_NO_DEMO: '1' },
      async read(work) {
        const reopened = await open();
        try {
          return await work(reopened.db);
        } finally {
          await reopened.close();
        }
      },
      async close() {
        rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}

describe.each(BACKENDS)('push across server crashes on %s', (backend) => {
  let storage: Storage | undefined;
  let server: ServerProcess | undefined;
  let ws: TestWorkspace;

  beforeAll(async () => {
    const prepared = await prepareStorage(backend);
    storage = prepared.storage;
    ws = prepared.ws;
    server = serverProcess(await freePort(), { ...storage.env, LOG_LEVEL: 'warn' });
    await server.start();
  });

  afterAll(async () => {
    await server?.kill();
    await storage?.close();
  });

  it(`applies every mutation exactly once through ${KILLS[backend]} SIGKILLs of the server`, { timeout: 120_000 }, async () => {
    const rand = createRandom(SEED);
    pushes.interrupted = 0;
    const deadline = Date.now() + RUN_DEADLINE_MS;
    const base = server!.baseUrl;
    const desks = DESK_ROLES.map((role, i) => new HttpDesk(ws.users[role].token, ws.clients['four-tier'], createRandom(SEED + 1 + i)));
    const puller = new Puller(base, ws.users.intake.token);

    let acked = 0;
    let writing = true;
    const pulling = (async () => {
      while (writing) {
        if (Date.now() > deadline) throw new Error('pull never settled');
        // Small pages: many page boundaries for a commit to race with.
        if ((await puller.poll(7)) === null) await sleep(50);
        else await sleep(15);
      }
      await puller.drain(50, deadline);
    })();
    // Awaited below; until then a failure must not count as unhandled.
    pulling.catch(() => {});

    // Kill i lands in the i-th part of the run (by mutations answered), at a random point within it and a random few ms later.
    const killsPlanned = KILLS[backend];
    const thresholds = Array.from({ length: killsPlanned }, (_, i) => Math.floor(((i + 0.15 + 0.7 * rand()) / killsPlanned) * TOTAL));
    let kills = 0;
    const killing = (async () => {
      for (const threshold of thresholds) {
        while (acked < threshold) {
          // Desks that gave up (see their `unexpected`) leave the rest of the kills undone.
          if (!writing) return;
          await sleep(2);
        }
        await sleep(rand() * 20);
        pushes.interrupted += pushes.inFlight;
        await server!.kill();
        kills++;
        await server!.start();
      }
    })();

    // A server that does not come back stops the desks rather than leave them retrying until the deadline.
    let restartFailed = false;
    killing.catch(() => (restartFailed = true));
    try {
      await Promise.all(desks.map((desk) => desk.run(base, (n) => (acked += n), { deadline, stopped: () => restartFailed })));
    } finally {
      writing = false;
      await killing;
    }
    await pulling;

    expect(desks.map((d) => d.unexpected)).toEqual(desks.map(() => []));
    expect(kills).toBe(killsPlanned);
    // The kills cut off pushes on their way, not an idle server.
    expect(pushes.interrupted).toBeGreaterThan(0);

    // Every answer a desk got, first or repeat, says applied, with one changeSeq per mutation.
    const changeSeqs: number[] = [];
    for (const desk of desks) {
      expect(desk.outbox).toHaveLength(MUTATIONS_PER_DESK);
      for (const m of desk.outbox) {
        const answers = desk.answers.get(m.seq) ?? [];
        expect(
          answers.map((a) => a.status),
          `answers to seq ${m.seq}: ${JSON.stringify(answers)}`,
        ).toEqual(['applied', ...answers.slice(1).map(() => 'applied')]);
        const distinct = new Set(answers.map((a) => (a.status === 'applied' ? a.changeSeq : null)));
        expect(distinct.size).toBe(1);
        changeSeqs.push(...[...distinct].filter((n) => n !== null));
      }
    }
    // Each applied mutation wrote, so no two share a change sequence number.
    expect(new Set(changeSeqs).size).toBe(TOTAL);

    // A fresh download in small pages: sequence numbers strictly increase and each row comes once.
    const fresh = new Puller(base, ws.users.intake.token);
    const seen: string[] = [];
    for (;;) {
      const page = await fresh.poll(23);
      if (page === null) throw new Error('the server stopped answering');
      seen.push(...page.changes.map((c) => `${c.entity}:${c.id}`));
      if (!page.hasMore) break;
    }
    expect(fresh.regressions).toEqual([]);
    expect(new Set(seen).size).toBe(seen.length);
    // The puller that ran through every crash ends with the same log and never went back: no commit slipped behind its cursor.
    expect(puller.regressions).toEqual([]);
    expect(puller.cursor).toBe(fresh.cursor);
    expect(new Map([...puller.rows].map(([k, c]) => [k, c.seq]))).toEqual(new Map([...fresh.rows].map(([k, c]) => [k, c.seq])));

    // One last crash, then the database itself.
    await server!.kill();
    const stored = await storage!.read(async (db) => ({
      tenant: await db.selectFrom('tenants').select('change_seq').where('id', '=', ws.tenantId).executeTakeFirstOrThrow(),
      mutations: await db
        .selectFrom('client_mutations')
        .select(['client_id', 'seq', 'name', 'args', 'result'])
        .where('tenant_id', '=', ws.tenantId)
        .orderBy('client_id')
        .orderBy('seq')
        .execute(),
      devices: await db.selectFrom('sync_clients').select(['client_id', 'last_seq']).where('tenant_id', '=', ws.tenantId).execute(),
      tickets: await db.selectFrom('tickets').select(['id', 'status']).where('tenant_id', '=', ws.tenantId).execute(),
      events: await db.selectFrom('ticket_events').select(['ticket_id', 'type']).where('tenant_id', '=', ws.tenantId).execute(),
      notes: await db.selectFrom('notes').select(['id', 'ticket_id']).where('tenant_id', '=', ws.tenantId).execute(),
    }));

    // Each mutation recorded once, as sent, as applied; each device's sequence at its last.
    for (const desk of desks) {
      const recorded = stored.mutations.filter((r) => r.client_id === desk.clientId);
      expect(recorded.map((r) => ({ seq: Number(r.seq), name: r.name, args: r.args }))).toEqual(
        desk.outbox.map((m) => ({ seq: m.seq, name: m.name, args: m.args })),
      );
      expect(recorded.map((r) => (r.result as PushResult).status)).toEqual(desk.outbox.map(() => 'applied'));
      expect(stored.devices.filter((d) => d.client_id === desk.clientId).map((d) => Number(d.last_seq))).toEqual([MUTATIONS_PER_DESK]);
    }
    const lastChange = Number(stored.tenant.change_seq);
    expect(fresh.cursor).toBe(lastChange);
    expect(Math.max(...changeSeqs)).toBeLessThanOrEqual(lastChange);

    // Each ticket exists once, with exactly the effects its desk sent.
    const plans = new Map(desks.flatMap((d) => [...d.tickets]));
    const { tickets, events, notes } = stored;
    expect(tickets.map((t) => t.id).sort()).toEqual([...plans.keys()].sort());
    const actual = tickets.map((t) => ({
      id: t.id,
      status: t.status,
      opened: count(events, (e) => e.ticket_id === t.id && e.type === 'opened'),
      statusChanges: count(events, (e) => e.ticket_id === t.id && e.type === 'status_changed'),
      publicReplies: count(events, (e) => e.ticket_id === t.id && e.type === 'public_reply'),
      notes: notes
        .filter((n) => n.ticket_id === t.id)
        .map((n) => n.id)
        .sort(),
    }));
    const planned = tickets.map((t) => {
      const plan = plans.get(t.id)!;
      return {
        id: t.id,
        status: plan.status,
        opened: 1,
        statusChanges: plan.setStatuses,
        publicReplies: plan.publicReplies,
        notes: [...plan.notes].sort(),
      };
    });
    expect(actual).toEqual(planned);

    // And the download says the same as the database.
    const pulledTickets = [...fresh.rows.values()].filter((c) => c.entity === 'ticket' && c.op === 'upsert');
    expect(pulledTickets.map((c) => [c.id, c.entity === 'ticket' && c.data?.status]).sort()).toEqual(
      tickets.map((t) => [t.id, t.status]).sort(),
    );
    const pulledNotes = [...fresh.rows.values()].filter((c) => c.entity === 'note');
    expect(pulledNotes.map((c) => c.id).sort()).toEqual(notes.map((n) => n.id).sort());
  });
});
