// What the server keeps of the answers it gave. Before: a refused mutation was
// stored with its arguments (40 pushes of forbidden 20 KB tickets grew the
// table tenfold in 18 s) and nothing was ever pruned.
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/protocol';
import { createSession } from '../../src/server/auth/sessions';
import { runMaintenance } from '../../src/server/maintenance';
import { DEFAULT_TOMBSTONE_HORIZON_MS } from '../../src/server/changes/tombstones';
import { BACKENDS, createTestWorkspace, useTestServer, type TestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const DAY = 24 * 3600 * 1000;

async function recordedSeqs(server: TestServer, clientId: string) {
  const rows = await server.database.db
    .selectFrom('client_mutations')
    .select('seq')
    .where('client_id', '=', clientId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => Number(r.seq));
}

describe.each(BACKENDS)('stored answers on %s', (backend) => {
  const server = useTestServer(backend);

  it("keeps a refused mutation's answer but not its arguments", async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.scheduler.token);
    const forbidden = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { description: 'x'.repeat(20_000) }));
    const first = await desk.push([forbidden]);
    expect(first.body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const row = await server()
      .database.db.selectFrom('client_mutations')
      .select(['name', 'args', 'result'])
      .where('client_id', '=', desk.clientId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'createTicket', args: null, result: first.body.results[0] });
    // Its repeat is still recognised as the same mutation, and answered the same.
    expect((await desk.push([forbidden])).body.results).toEqual([{ ...first.body.results[0], duplicate: true }]);
  });

  it("prunes refusals older than 30 days beyond the last 500 of a device, and answers their repeats 'expired'", async () => {
    const ws = await createTestWorkspace(server());
    const admin = new Desk(server().app, ws.users.admin.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    await admin.apply('createTicket', ticket);
    // A scheduler may add notes (applied) but not open tickets (refused).
    const desk = new Desk(server().app, ws.users.scheduler.token);
    const note = desk.mutation('addNote', { id: uuidv7(), ticketId: ticket.id, kind: 'internal_note', body: 'Visit booked.' });
    const noteAnswer = (await desk.push([note])).body.results[0];
    const refused: Mutation[] = Array.from({ length: 600 }, () => desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'])));
    const answers = [...(await desk.push(refused.slice(0, 500))).body.results, ...(await desk.push(refused.slice(500))).body.results];
    expect(new Set(answers.map((r) => (r.status === 'rejected' ? r.code : r.status)))).toEqual(new Set(['forbidden']));
    const all = await recordedSeqs(server(), desk.clientId);
    expect(all).toHaveLength(601);

    server().clock.advance(29 * DAY);
    await runMaintenance(server().database.db, backend, DEFAULT_TOMBSTONE_HORIZON_MS, server().clock.now());
    expect(await recordedSeqs(server(), desk.clientId)).toEqual(all);

    server().clock.advance(2 * DAY);
    await runMaintenance(server().database.db, backend, DEFAULT_TOMBSTONE_HORIZON_MS, server().clock.now());
    // The applied note is the audit trail and stays; of the refusals, the device's last 500 stay.
    const kept = await recordedSeqs(server(), desk.clientId);
    expect(kept).toEqual([note.seq, ...refused.slice(100).map((m) => m.seq)]);

    // A month later the desk signs in again and resends (its answers were lost).
    desk.token = (
      await createSession(server().database.db, { id: ws.users.scheduler.id, tenantId: ws.tenantId }, server().clock.now(), DAY)
    ).token;
    const repeats = await desk.push([note, refused[0]!, refused[100]!]);
    expect(repeats.body.results).toEqual([
      { ...noteAnswer, duplicate: true },
      {
        clientId: desk.clientId,
        seq: refused[0]!.seq,
        status: 'rejected',
        code: 'expired',
        message: expect.stringMatching(/more than 30 days ago.*not applied/),
        duplicate: true,
      },
      { ...answers[100], duplicate: true },
    ]);
    // And the device carries on after them.
    const later = server().clock.now().toISOString();
    expect(
      await desk.apply('addNote', { id: uuidv7(), ticketId: ticket.id, kind: 'internal_note', body: 'Parts arrived.' }, later),
    ).toMatchObject({ seq: 602, status: 'applied' });
  });
});
