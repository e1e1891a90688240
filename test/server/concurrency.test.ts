// Many desks writing at once while others pull: every desk's outbox applies
// exactly once, and a puller that keeps polling until quiet ends up with
// exactly the server's state, which it cannot if a cursor ever skipped a commit.
import { describe, expect, it } from 'vitest';
import type { Change, PushResult } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const DESKS = Number(process.env.DESKS ?? 20);
const BATCHES = 4;
const WRITER_ROLES = ['technician', 'engineer', 'service_coordinator', 'supervisor', 'site_director', 'admin'] as const;

class Puller {
  readonly rows = new Map<string, Change>();
  cursor = 0;
  constructor(readonly desk: Desk) {}
  /** One page; returns whether it brought anything. */
  async poll(limit: number): Promise<boolean> {
    const { status, body } = await this.desk.pull(this.cursor, limit);
    expect(status).toBe(200);
    let previous = this.cursor;
    for (const change of body.changes) {
      // Seqs only grow across pages: a page never goes back behind the cursor.
      expect(change.seq).toBeGreaterThan(previous);
      previous = change.seq;
      this.rows.set(`${change.entity}:${change.id}`, change);
    }
    this.cursor = body.nextCursor;
    return body.changes.length > 0 || body.hasMore;
  }
  live() {
    return new Map([...this.rows].filter(([, c]) => c.op === 'upsert').map(([k, c]) => [k, c.data]));
  }
}

describe.each(BACKENDS)('concurrency on %s', (backend) => {
  const server = useTestServer(backend);

  it(`applies ${DESKS} desks' outboxes exactly once while pullers never skip a change`, async () => {
    const ws = await createTestWorkspace(server());
    const { app } = server();
    const shared = Array.from({ length: 3 }, () => newTicketArgs(ws.clients['four-tier']));
    const setup = new Desk(app, ws.users.admin.token);
    for (const t of shared) await setup.apply('createTicket', t);

    const desks = Array.from({ length: DESKS }, (_, i) => new Desk(app, ws.users[WRITER_ROLES[i % WRITER_ROLES.length]!].token));
    const pullers = Array.from({ length: 4 }, () => new Puller(new Desk(app, ws.users.intake.token)));
    const contact = uuidv7();
    await setup.apply('upsertContact', {
      id: contact,
      clientId: ws.clients['four-tier'],
      name: 'Ken Ellis',
      phones: [{ raw: '913-555-0142', label: 'work' }],
      emails: [],
      approvalLimitCents: null,
      role: 'billing_contact',
    });

    let writing = true;
    const pulling = pullers.map(async (p, i) => {
      // Poll while writers run, then until a poll brings nothing: quiescent.
      // (Yield to the event loop between polls: inject() with PGlite can resolve in
      // microtasks alone, and a tight loop would starve the writers' I/O.)
      while (writing) {
        await p.poll(3 + i * 4);
        await new Promise((resolve) => setImmediate(resolve));
      }
      while (await p.poll(50));
    });

    const results: PushResult[][] = await Promise.all(
      desks.map(async (desk, d) => {
        const all: PushResult[] = [];
        for (let b = 0; b < BATCHES; b++) {
          const own = newTicketArgs(ws.clients['four-severity'], { priority: 'sev2', title: `Desk ${d} batch ${b}` });
          const target = shared[(d + b) % shared.length]!;
          const batch = [
            desk.mutation('createTicket', own),
            desk.mutation('setStatus', { id: own.id, status: 'open' }),
            desk.mutation('addNote', { id: uuidv7(), ticketId: target.id, kind: 'internal_note', body: `desk ${d} was here` }),
            // Contended: every desk flips the shared tickets; some flips are refused by the workflow.
            desk.mutation('setStatus', { id: target.id, status: b % 2 === 0 ? 'open' : 'on_hold' }),
            desk.mutation('updateTicket', { id: target.id, assigneeId: ws.users.technician.id }),
          ];
          // Desk 5 is an admin: it may remove a contact mid-run, leaving a tombstone.
          if (d === 5 && b === 2) batch.push(desk.mutation('deleteContact', { id: contact }));
          const { status, body } = await desk.push(batch);
          expect(status).toBe(200);
          all.push(...body.results);
        }
        return all;
      }),
    );
    writing = false;
    await Promise.all(pulling);

    for (const [d, desk] of desks.entries()) {
      const statuses = results[d]!.map((r) => r.status);
      expect(statuses).not.toContain('out_of_order');
      expect(results[d]!.map((r) => r.seq)).toEqual(Array.from({ length: desk.seq }, (_, i) => i + 1));
    }
    const { db } = server().database;
    const lastSeqs = await db.selectFrom('sync_clients').select(['client_id', 'last_seq']).where('tenant_id', '=', ws.tenantId).execute();
    for (const desk of desks) expect(lastSeqs.find((r) => r.client_id === desk.clientId)?.last_seq).toBe(desk.seq);
    const { n: tickets } = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', ws.tenantId)
      .executeTakeFirstOrThrow();
    expect(Number(tickets)).toBe(shared.length + DESKS * BATCHES);

    // The truth: a fresh download after everything settled.
    const truth = new Puller(new Desk(app, ws.users.intake.token));
    while (await truth.poll(1000));
    expect(truth.live().size).toBeGreaterThan(DESKS * BATCHES * 3);
    expect(truth.live().has(`contact:${contact}`)).toBe(false);
    for (const p of pullers) {
      expect(p.cursor).toBe(truth.cursor);
      expect(p.live()).toEqual(truth.live());
    }
  });
});
