// Ids are global, workspaces are not: an id that exists in another workspace
// must be answered as if it existed nowhere, or as one taken in one's own,
// never in a way that says it exists somewhere. Before: a new ticket, note or
// contact under another workspace's id was told the id "already exists".
import { describe, expect, it } from 'vitest';
import type { MutationArgs, MutationName, PushResult } from '../../src/protocol';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

/** The answer with the id it names taken out, to compare answers about different ids. */
function shape(result: PushResult, id: string) {
  if (result.status !== 'rejected') return { status: result.status };
  return { code: result.code, message: result.message.split(id).join('<id>') };
}

describe.each(BACKENDS)('ids of another workspace, on %s', (backend) => {
  const server = useTestServer(backend);

  async function theirs() {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const note = uuidv7();
    const contact = uuidv7();
    await desk.apply('createTicket', ticket);
    await desk.apply('addNote', { id: note, ticketId: ticket.id, kind: 'internal_note', body: 'Theirs.' });
    await desk.apply('upsertContact', {
      id: contact,
      clientId: ws.clients['four-tier'],
      name: 'Owen Brooks',
      phones: [{ raw: '913-555-0142', label: 'work' }],
      emails: [],
      approvalLimitCents: null,
      role: 'portal_admin',
    });
    return { ws, ticket: ticket.id, note, contact };
  }

  it("answers a reference to another workspace's row exactly as one to an id that exists nowhere", async () => {
    const other = await theirs();
    const mine = await createTestWorkspace(server());
    const desk = new Desk(server().app, mine.users.admin.token);
    const myTicket = newTicketArgs(mine.clients['four-tier']);
    await desk.apply('createTicket', myTicket);
    const cases: [MutationName, (id: string) => MutationArgs[MutationName], string][] = [
      ['setStatus', (id) => ({ id, status: 'open' }), other.ticket],
      ['updateTicket', (id) => ({ id, title: 'pwned' }), other.ticket],
      ['addNote', (id) => ({ id: uuidv7(), ticketId: id, kind: 'public_reply', body: 'hello' }), other.ticket],
      ['deleteContact', (id) => ({ id }), other.contact],
      ['createTicket', (id) => newTicketArgs(id), other.ws.clients['four-tier']],
      ['updateTicket', (id) => ({ id: myTicket.id, assigneeId: id }), other.ws.users.technician.id],
    ];
    for (const [name, args, foreignId] of cases) {
      const nowhere = uuidv7();
      const asForeign = await desk.apply(name, args(foreignId) as never);
      const asAbsent = await desk.apply(name, args(nowhere) as never);
      expect(asForeign.status, `${name} ${foreignId}`).toBe('rejected');
      expect(shape(asForeign, foreignId), name).toEqual(shape(asAbsent, nowhere));
    }
  });

  it("refuses a new row under another workspace's id as it refuses its own taken ids, without saying the id exists", async () => {
    const other = await theirs();
    const mine: TestWorkspace = await createTestWorkspace(server());
    const desk = new Desk(server().app, mine.users.admin.token);
    const myTicket = newTicketArgs(mine.clients['four-tier']);
    const myNote = uuidv7();
    await desk.apply('createTicket', myTicket);
    await desk.apply('addNote', { id: myNote, ticketId: myTicket.id, kind: 'internal_note', body: 'Mine.' });

    const ticketAnswers = [
      [await desk.apply('createTicket', { ...newTicketArgs(mine.clients['four-tier']), id: other.ticket }), other.ticket],
      [await desk.apply('createTicket', { ...newTicketArgs(mine.clients['four-tier']), id: myTicket.id }), myTicket.id],
    ] as const;
    const noteAnswers = [
      [await desk.apply('addNote', { id: other.note, ticketId: myTicket.id, kind: 'internal_note', body: 'x' }), other.note],
      [await desk.apply('addNote', { id: myNote, ticketId: myTicket.id, kind: 'internal_note', body: 'x' }), myNote],
    ] as const;
    const contactAnswer = await desk.apply('upsertContact', {
      id: other.contact,
      clientId: mine.clients['four-tier'],
      name: 'Stolen',
      phones: [{ raw: '913-555-0142', label: 'work' }],
      emails: [],
      approvalLimitCents: null,
      role: 'billing_contact',
    });

    for (const [[foreign, foreignId], [own, ownId]] of [ticketAnswers, noteAnswers])
      expect(shape(foreign, foreignId)).toEqual(shape(own, ownId));
    for (const [result] of [ticketAnswers[0], noteAnswers[0], [contactAnswer]] as const) {
      expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
      expect(result.status === 'rejected' && result.message).not.toMatch(/exist|already|taken|workspace/i);
    }
  });
});
