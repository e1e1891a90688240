// The server decides when a change counts. Before: only the future was capped,
// and a technician's public reply and close dated 1999 on a ticket opened that
// day rewrote its SLA record.
import { describe, expect, it } from 'vitest';
import { BACKENDS, createTestWorkspace, useTestServer, type TestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const HOUR = 3600 * 1000;
const iso = (d: Date) => d.toISOString();

async function eventsOf(server: TestServer, ticketId: string) {
  const rows = await server.database.db
    .selectFrom('ticket_events')
    .select(['type', 'at', 'recorded_at'])
    .where('ticket_id', '=', ticketId)
    .orderBy('at')
    .orderBy('type')
    .execute();
  return rows.map((r) => ({ type: r.type, at: iso(r.at), recordedAt: iso(r.recorded_at) }));
}

async function openedAt(server: TestServer, ticketId: string) {
  return iso(
    (await server.database.db.selectFrom('tickets').select('opened_at').where('id', '=', ticketId).executeTakeFirstOrThrow()).opened_at,
  );
}

describe.each(BACKENDS)('when a change counts, on %s', (backend) => {
  const server = useTestServer(backend);

  it("counts a change on a ticket no earlier than its opening, and keeps both the desk's time and the server's", async () => {
    const ws = await createTestWorkspace(server());
    const opened = server().clock.now();
    const ticket = newTicketArgs(ws.clients['four-tier']);
    await new Desk(server().app, ws.users.intake.token).apply('createTicket', ticket, iso(opened));
    server().clock.advance(HOUR);
    const received = server().clock.now();

    const technician = new Desk(server().app, ws.users.technician.token);
    const backdated = '2001-01-01T09:00:00Z';
    const note = { id: uuidv7(), ticketId: ticket.id, kind: 'public_reply' as const, body: 'Fixed it.' };
    const { body } = await technician.push([
      technician.mutation('addNote', note, backdated),
      technician.mutation('closeTicket', { id: ticket.id, noteId: uuidv7(), resolution: 'Fixed it.' }, backdated),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    expect(await eventsOf(server(), ticket.id)).toEqual([
      { type: 'opened', at: iso(opened), recordedAt: iso(opened) },
      { type: 'public_reply', at: iso(opened), recordedAt: iso(received) },
      { type: 'status_changed', at: iso(opened), recordedAt: iso(received) },
    ]);
    const stored = await server()
      .database.db.selectFrom('notes')
      .select(['performed_at', 'recorded_at'])
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow();
    expect({ performedAt: iso(stored.performed_at), recordedAt: iso(stored.recorded_at) }).toEqual({
      performedAt: iso(opened),
      recordedAt: iso(received),
    });
    // What the desk said stays on record with the mutation.
    const sent = await server()
      .database.db.selectFrom('client_mutations')
      .select('performed_at')
      .where('client_id', '=', technician.clientId)
      .execute();
    expect(sent.map((r) => iso(r.performed_at))).toEqual([new Date(backdated).toISOString(), new Date(backdated).toISOString()]);
  });

  it("never counts a desk's change before one it has already had applied (a clock set back)", async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const earlier = new Date(server().clock.now().getTime() - HOUR);
    const first = newTicketArgs(ws.clients['four-tier']);
    await desk.apply('createTicket', first, iso(earlier));
    // Then its clock goes back three days, in a later push and within one.
    const setBack = iso(new Date(earlier.getTime() - 72 * HOUR));
    const second = newTicketArgs(ws.clients['four-tier']);
    await desk.apply('createTicket', second, setBack);
    const third = newTicketArgs(ws.clients['four-tier']);
    await desk.push([
      desk.mutation('setStatus', { id: first.id, status: 'open' }, iso(earlier)),
      desk.mutation('createTicket', third, setBack),
    ]);
    expect([await openedAt(server(), first.id), await openedAt(server(), second.id), await openedAt(server(), third.id)]).toEqual([
      iso(earlier),
      iso(earlier),
      iso(earlier),
    ]);
  });

  it('keeps the real times of a desk that worked offline for days', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const start = server().clock.now().getTime() - 72 * HOUR;
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const { body } = await desk.push([
      desk.mutation('createTicket', ticket, iso(new Date(start))),
      desk.mutation('setStatus', { id: ticket.id, status: 'open' }, iso(new Date(start + HOUR))),
      desk.mutation('setStatus', { id: ticket.id, status: 'on_hold' }, iso(new Date(start + 30 * HOUR))),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await eventsOf(server(), ticket.id)).map((e) => e.at)).toEqual(
      [start, start + HOUR, start + 30 * HOUR].map((ms) => iso(new Date(ms))),
    );
  });
});
