// A push applies a desk's mutations in one transaction (src/server/mutations/push.ts):
// these pin down that each mutation still behaves as if applied on its own.
import { describe, expect, it } from 'vitest';
import type { PushResult } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const outcome = (r: PushResult) => (r.status === 'rejected' ? r.code : r.status);

describe.each(BACKENDS)('batched push on %s', (backend) => {
  const server = useTestServer(backend);

  it('keeps the effects of the mutations around a refused one, in one push', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const { body } = await desk.push([
      desk.mutation('createTicket', ticket),
      desk.mutation('closeTicket', { id: ticket.id, noteId: uuidv7(), resolution: 'Reset the router.' }),
      desk.mutation('setStatus', { id: ticket.id, status: 'on_hold' }), // closed -> on_hold is refused
      desk.mutation('reopenTicket', { id: ticket.id, noteId: uuidv7(), reason: 'Still failing.' }),
      desk.mutation('addNote', { id: uuidv7(), ticketId: ticket.id, kind: 'public_reply', body: 'Reopened: still failing.' }),
    ]);
    expect(body.results.map(outcome)).toEqual(['applied', 'applied', 'invalid_transition', 'applied', 'applied']);
    const row = await server().database.db.selectFrom('tickets').select('status').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
    const events = await server().database.db.selectFrom('ticket_events').select('type').where('ticket_id', '=', ticket.id).execute();
    expect(events.map((e) => e.type).sort()).toEqual(['opened', 'public_reply', 'status_changed', 'status_changed']);
  });

  it('refuses an id already taken, by an earlier mutation of the same push or by another workspace, and applies the rest', async () => {
    const ws = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const theirs = newTicketArgs(other.clients['four-tier']);
    await new Desk(server().app, other.users.admin.token).apply('createTicket', theirs);
    const theirNote = uuidv7();
    await new Desk(server().app, other.users.admin.token).apply('addNote', {
      id: theirNote,
      ticketId: theirs.id,
      kind: 'internal_note',
      body: 'theirs',
    });

    const desk = new Desk(server().app, ws.users.technician.token);
    const mine = newTicketArgs(ws.clients['four-tier']);
    const note = uuidv7();
    const { body } = await desk.push([
      desk.mutation('createTicket', mine),
      desk.mutation('createTicket', { ...newTicketArgs(ws.clients['four-tier']), id: theirs.id }),
      desk.mutation('createTicket', mine),
      desk.mutation('addNote', { id: note, ticketId: mine.id, kind: 'internal_note', body: 'first' }),
      desk.mutation('addNote', { id: note, ticketId: mine.id, kind: 'internal_note', body: 'again' }),
      desk.mutation('addNote', { id: theirNote, ticketId: mine.id, kind: 'internal_note', body: 'stolen id' }),
      desk.mutation('setStatus', { id: mine.id, status: 'open' }),
    ]);
    expect(body.results.map(outcome)).toEqual(['applied', 'conflict', 'conflict', 'applied', 'conflict', 'conflict', 'applied']);
    expect(body.results.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const { db } = server().database;
    expect(await db.selectFrom('tickets').select(['tenant_id', 'title']).where('id', '=', theirs.id).executeTakeFirstOrThrow()).toEqual({
      tenant_id: other.tenantId,
      title: theirs.title,
    });
    expect(await db.selectFrom('notes').select(['ticket_id', 'body']).where('id', '=', theirNote).executeTakeFirstOrThrow()).toEqual({
      ticket_id: theirs.id,
      body: 'theirs',
    });
    expect(await db.selectFrom('notes').select('body').where('ticket_id', '=', mine.id).execute()).toEqual([{ body: 'first' }]);
    expect(await db.selectFrom('tickets').select('status').where('id', '=', mine.id).executeTakeFirstOrThrow()).toEqual({ status: 'open' });

    const retry = await desk.push([desk.mutation('setStatus', { id: mine.id, status: 'on_hold' })]);
    expect(retry.body.results.map(outcome)).toEqual(['applied']);
    const last = await db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', desk.clientId).executeTakeFirstOrThrow();
    expect(last.last_seq).toBe(8);
  });

  it('answers a sequence repeated inside one push with the result it just got', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const create = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']));
    const { body } = await desk.push([create, create]);
    expect(body.results).toEqual([
      { clientId: desk.clientId, seq: 1, status: 'applied', changeSeq: expect.any(Number) },
      {
        clientId: desk.clientId,
        seq: 1,
        status: 'applied',
        changeSeq: (body.results[0] as { changeSeq: number }).changeSeq,
        duplicate: true,
      },
    ]);
  });

  it('gives each applied mutation the change sequence that brings it back, and stores those results', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const { body: start } = await desk.pull(0, 1000);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const batch = [
      desk.mutation('createTicket', ticket),
      desk.mutation('setStatus', { id: ticket.id, status: 'new' }), // nothing to change
      desk.mutation('setStatus', { id: ticket.id, status: 'open' }),
    ];
    const { body } = await desk.push(batch);
    const seqs = body.results.map((r) => (r.status === 'applied' ? r.changeSeq : -1));
    expect(seqs).toEqual([start.nextCursor + 2, start.nextCursor + 2, start.nextCursor + 4]);
    const { body: pulled } = await desk.pull(start.nextCursor, 1000);
    expect(pulled.nextCursor).toBe(seqs[2]);
    const again = await desk.push(batch);
    expect(again.body.results).toEqual(body.results.map((r) => ({ ...r, duplicate: true })));
  });

  it('accepts ids in upper case as the same rows', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const upper = ticket.id.toUpperCase();
    const { body } = await desk.push([
      desk.mutation('createTicket', { ...ticket, id: upper }),
      desk.mutation('setStatus', { id: upper, status: 'open' }),
      desk.mutation('addNote', { id: uuidv7().toUpperCase(), ticketId: ticket.id, kind: 'public_reply', body: 'On it.' }),
    ]);
    expect(body.results.map(outcome)).toEqual(['applied', 'applied', 'applied']);
    const later = await desk.apply('updateTicket', { id: upper, title: 'Renamed' });
    expect(outcome(later)).toBe('applied');
    const { body: pulled } = await desk.pull(0, 1000);
    const mine = pulled.changes.filter((c) => c.id === ticket.id);
    expect(mine).toMatchObject([{ entity: 'ticket', data: { id: ticket.id, status: 'open', title: 'Renamed' } }]);
  });

  it('applies a push mixing device ids, and a push longer than one transaction takes, in order', async () => {
    const ws = await createTestWorkspace(server());
    const a = new Desk(server().app, ws.users.technician.token);
    const b = new Desk(server().app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const mutations = [
      a.mutation('createTicket', ticket),
      b.mutation('addNote', { id: uuidv7(), ticketId: ticket.id, kind: 'internal_note', body: 'b' }),
    ];
    for (let i = 0; i < 120; i++) mutations.push(a.mutation('updateTicket', { id: ticket.id, title: `Title ${i}` }));
    const { body } = await a.push(mutations);
    expect(body.results.map(outcome)).toEqual(Array(mutations.length).fill('applied'));
    expect(body.results.map((r) => [r.clientId, r.seq])).toEqual(mutations.map((m) => [m.clientId, m.seq]));
    const row = await server().database.db.selectFrom('tickets').select('title').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Title 119');
  });
});
