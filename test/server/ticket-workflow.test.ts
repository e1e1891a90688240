// The status workflow on the server (docs/domain/ticket-workflow.md): closing
// writes its resolution note with the status change, reopening its reason, in
// one transaction; each bad change sent straight to push is refused with a
// message that says what to do, and writes nothing (no row, no change-log entry).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

describe.each(BACKENDS)('ticket workflow on %s', (backend) => {
  const server = useTestServer(backend);

  async function setup() {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    expect((await desk.apply('createTicket', ticket)).status).toBe('applied');
    return { ws, desk, ticket: ticket.id };
  }

  /** Everything a change could have written for the workspace: rows and change-log entries. */
  async function written(tenantId: string) {
    const { rows } = await sql<{ status: string; events: number; notes: number; changes: number }>`
      select (select string_agg(status, ',') from tickets where tenant_id = ${tenantId}::uuid) as status,
        (select count(*)::int from ticket_events where tenant_id = ${tenantId}::uuid) as events,
        (select count(*)::int from notes where tenant_id = ${tenantId}::uuid) as notes,
        (select count(*)::int from changes where tenant_id = ${tenantId}::uuid) as changes`.execute(server().database.db);
    return rows[0]!;
  }

  it('closes with a resolution note and reopens with a reason, each note in the timeline with its kind', async () => {
    const { desk, ticket } = await setup();
    const resolution = { id: ticket, noteId: uuidv7(), resolution: 'Replaced the failed switch.' };
    const reopening = { id: ticket, noteId: uuidv7(), reason: 'The customer says the phones dropped again.' };
    expect(await desk.apply('closeTicket', resolution)).toMatchObject({ status: 'applied' });
    expect(await desk.apply('reopenTicket', reopening)).toMatchObject({ status: 'applied' });
    const { body } = await desk.pull(0);
    const notes = body.changes.filter((c) => c.entity === 'note').map((c) => c.data);
    expect(notes).toEqual([
      expect.objectContaining({ id: resolution.noteId, kind: 'resolution', body: resolution.resolution }),
      expect.objectContaining({ id: reopening.noteId, kind: 'reopening', body: reopening.reason }),
    ]);
    const statuses = body.changes.flatMap((c) => (c.entity === 'ticket_event' && c.data?.type === 'status_changed' ? [c.data.status] : []));
    expect(statuses).toEqual(['closed', 'open']);
    const record = body.changes.find((c) => c.entity === 'ticket' && c.id === ticket)!.data as { status: string };
    expect(record.status).toBe('open');
  });

  it('says who did each event: the opening, a status change and a priority change pulled back carry their actor', async () => {
    const { ws, desk, ticket } = await setup();
    const supervisor = new Desk(server().app, ws.users.supervisor.token);
    expect(await supervisor.apply('setStatus', { id: ticket, status: 'on_hold' })).toMatchObject({ status: 'applied' });
    expect(await supervisor.apply('updateTicket', { id: ticket, priority: 'critical' })).toMatchObject({ status: 'applied' });
    const { body } = await desk.pull(0);
    const events = body.changes.flatMap((c) => (c.entity === 'ticket_event' && c.data ? [[c.data.type, c.data.actorId]] : []));
    expect(events).toEqual([
      ['opened', ws.users.technician.id],
      ['status_changed', ws.users.supervisor.id],
      ['priority_changed', ws.users.supervisor.id],
    ]);
  });

  const malformed: [string, (ticket: string) => Mutation['args'], Mutation['name'], RegExp][] = [
    ['closing without a resolution', (t) => ({ id: t, noteId: uuidv7() }), 'closeTicket', /resolution/],
    ['closing with an empty resolution', (t) => ({ id: t, noteId: uuidv7(), resolution: '  \n ' }), 'closeTicket', /Write the resolution/],
    ['reopening with an empty reason', (t) => ({ id: t, noteId: uuidv7(), reason: '' }), 'reopenTicket', /Say why the ticket is reopened/],
    ['an empty internal note', (t) => ({ id: uuidv7(), ticketId: t, kind: 'internal_note', body: ' ' }), 'addNote', /the note is empty/],
    ['an empty public reply', (t) => ({ id: uuidv7(), ticketId: t, kind: 'public_reply', body: '' }), 'addNote', /the note is empty/],
    [
      'a resolution note added as a plain note',
      (t) => ({ id: uuidv7(), ticketId: t, kind: 'resolution', body: 'Fixed.' }),
      'addNote',
      /closing and reopening write their own notes/,
    ],
  ];

  it.each(malformed)('refuses %s as malformed, naming what to write, and writes nothing', async (_label, args, name, message) => {
    const { ws, desk, ticket } = await setup();
    const before = await written(ws.tenantId);
    const { status, body } = await desk.push([
      { ...desk.mutation('setStatus', { id: ticket, status: 'open' }), name, args: args(ticket) } as Mutation,
    ]);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    expect(await written(ws.tenantId)).toEqual(before);
  });

  const refused: [string, string[], (desk: Desk, ticket: string) => Mutation, RegExp][] = [
    ['an illegal transition (open -> new)', [], (d, t) => d.mutation('setStatus', { id: t, status: 'new' }), /cannot go from open to new/],
    [
      'a status change to closed',
      [],
      (d, t) => d.mutation('setStatus', { id: t, status: 'closed' }),
      /Close the ticket with a resolution note/,
    ],
    [
      'a status change out of closed',
      ['close'],
      (d, t) => d.mutation('setStatus', { id: t, status: 'open' }),
      /Reopen the ticket with a reason/,
    ],
    ['closed -> on_hold', ['close'], (d, t) => d.mutation('setStatus', { id: t, status: 'on_hold' }), /allowed next: open/],
    [
      'reopening a ticket that is not closed',
      [],
      (d, t) => d.mutation('reopenTicket', { id: t, noteId: uuidv7(), reason: 'Again.' }),
      /Only a closed ticket can be reopened; this one is Open/,
    ],
  ];

  it.each(refused)('refuses %s with what to do instead, and writes nothing', async (_label, before, make, message) => {
    const { ws, desk, ticket } = await setup();
    await desk.apply('setStatus', { id: ticket, status: 'open' });
    if (before.includes('close')) await desk.apply('closeTicket', { id: ticket, noteId: uuidv7(), resolution: 'Done.' });
    const stored = await written(ws.tenantId);
    const { body } = await desk.push([make(desk, ticket)]);
    expect(body.results).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'invalid_transition', message: expect.stringMatching(message) }),
    ]);
    expect(await written(ws.tenantId)).toEqual(stored);
  });

  it('keeps a second closing from another desk as a resolution note, with no second status change', async () => {
    const { ws, desk, ticket } = await setup();
    const other = new Desk(server().app, ws.users.engineer.token);
    await desk.apply('closeTicket', { id: ticket, noteId: uuidv7(), resolution: 'Reset the router.' });
    const before = await written(ws.tenantId);
    expect(await other.apply('closeTicket', { id: ticket, noteId: uuidv7(), resolution: 'Replaced the router.' })).toMatchObject({
      status: 'applied',
    });
    const after = await written(ws.tenantId);
    expect(after).toEqual({ ...before, notes: before.notes + 1, changes: before.changes + 1 });
  });
});
