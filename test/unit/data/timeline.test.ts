// The ticket's timeline on the desk: notes written here and events pulled from
// the server are found by their ticket (timeline-index.ts), a deleted one goes,
// and a refusal writes nothing; the store upgrade builds the index from what it holds.
import Dexie from 'dexie';
import { newClient } from '../../../src/domain/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SwitchboardDb } from '../../../src/data/db';
import { writeRows } from '../../../src/data/local-rows';
import { writeRecords } from '../../../src/data/record-buckets';
import { applyReferenceChanges } from '../../../src/data/sync-reference';
import { TicketRepository } from '../../../src/data/ticket-repository';
import { TimelineRepository } from '../../../src/data/timeline-repository';
import { CallRepository } from '../../../src/data/call-repository';
import type { NoteRecord, TicketEventRecord } from '../../../src/protocol/records';
import { groupByBucket } from '../../../src/data/ticket-buckets';
import { syncTables } from '../../../src/data/local-rows';

const C1 = '019a0000-0000-7000-8000-0000000000c1';
let db: SwitchboardDb;
let tickets: TicketRepository;
let timeline: TimelineRepository;

beforeEach(async () => {
  db = openDb(`test-${crypto.randomUUID()}`);
  await db.clients.put(newClient({ id: C1, name: 'Harbor Dental', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' }, 's1'));
  tickets = new TicketRepository(db);
  timeline = new TimelineRepository(db);
});
afterEach(async () => {
  tickets.close();
  await db.delete();
});

async function newTicket(title = 'Phones down'): Promise<string> {
  const created = await tickets.create(
    { clientId: C1, title, description: '', priority: 'high', channel: 'phone', assigneeId: null },
    new Date('2026-03-03T15:00:00Z'),
  );
  if (!created.ok) throw new Error('setup');
  return created.ticket.id;
}

const event = (ticketId: string, i: number): TicketEventRecord => ({
  id: `019a0000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  ticketId,
  type: 'status_changed',
  at: '2026-03-03T16:00:00.000Z',
  status: i % 2 ? 'on_hold' : 'open',
});

describe('a ticket timeline', () => {
  it("holds the ticket's own notes, closing and reopening notes and pulled events, and no other ticket's", async () => {
    const mine = await newTicket();
    const other = await newTicket('Printer');
    await tickets.addNote(mine, 'public_reply', 'On it.', new Date('2026-03-03T15:05:00Z'));
    await tickets.addNote(other, 'internal_note', 'Not mine.', new Date('2026-03-03T15:05:00Z'));
    await tickets.closeTicket(mine, 'Replaced the switch.', new Date('2026-03-03T15:10:00Z'));
    await tickets.reopenTicket(mine, 'Dropped again.', new Date('2026-03-03T15:20:00Z'));
    await db.transaction('rw', syncTables(db), () =>
      applyReferenceChanges(db, [{ seq: 1, entity: 'ticket_event', id: event(mine, 1).id, op: 'upsert', data: event(mine, 1) }]),
    );
    const history = await timeline.forTicket(mine);
    expect(history.notes.map((n) => [n.kind, n.body])).toEqual([
      ['public_reply', 'On it.'],
      ['resolution', 'Replaced the switch.'],
      ['reopening', 'Dropped again.'],
    ]);
    expect(history.events).toEqual([event(mine, 1)]);
    expect((await tickets.get(mine))?.status).toBe('open');
  });

  it("holds the calls about the ticket, logged here or pulled, and no other ticket's; the client's recent calls newest first", async () => {
    const mine = await newTicket();
    const other = await newTicket('Printer');
    const calls = new CallRepository(db);
    const call = (id: string, ticketId: string | null, startedAt: string) => ({
      id,
      clientId: C1,
      ticketId,
      contactId: null,
      callerName: 'Dana Whitfield',
      callerNumber: '913-555-0142',
      direction: 'inbound' as const,
      startedAt,
      endedAt: new Date(Date.parse(startedAt) + 120_000).toISOString(),
      outcome: ticketId ? ('added_to_ticket' as const) : ('no_ticket' as const),
      summary: 'Still down.',
      callbackId: null,
    });
    await calls.log(call('019a0000-0000-7000-8000-0000000001a1', mine, '2026-03-03T15:01:00.000Z'), new Date('2026-03-03T15:03:00Z'));
    await calls.log(call('019a0000-0000-7000-8000-0000000001a2', other, '2026-03-03T15:04:00.000Z'), new Date('2026-03-03T15:06:00Z'));
    const pulled = {
      ...call('019a0000-0000-7000-8000-0000000001a3', mine, '2026-03-03T15:07:00.000Z'),
      callerNumber: null,
      callerExtension: null,
      takenBy: 'them',
    };
    await db.transaction('rw', syncTables(db), () => writeRows(db, [{ entity: 'call', id: pulled.id, data: pulled }]));
    await calls.log(call('019a0000-0000-7000-8000-0000000001a4', null, '2026-03-03T15:10:00.000Z'), new Date('2026-03-03T15:12:00Z'));
    const history = await timeline.forTicket(mine);
    expect(history.calls.map((c) => c.id).sort()).toEqual(['019a0000-0000-7000-8000-0000000001a1', '019a0000-0000-7000-8000-0000000001a3']);
    expect((await calls.recentForClient(C1, 3)).map((c) => c.id)).toEqual([
      '019a0000-0000-7000-8000-0000000001a4',
      '019a0000-0000-7000-8000-0000000001a3',
      '019a0000-0000-7000-8000-0000000001a2',
    ]);
  });

  it('drops a deleted note, which names only its id', async () => {
    const mine = await newTicket();
    await tickets.addNote(mine, 'internal_note', 'Typo.');
    const [note] = (await timeline.forTicket(mine)).notes;
    await db.transaction('rw', syncTables(db), () => writeRows(db, [{ entity: 'note', id: note!.id, data: null }]));
    expect((await timeline.forTicket(mine)).notes).toEqual([]);
  });

  it('writes nothing for an empty note or reply, or reopening a ticket that is not closed', async () => {
    const mine = await newTicket();
    await expect(tickets.addNote(mine, 'public_reply', '   ')).rejects.toThrow(/the note is empty/);
    await expect(tickets.reopenTicket(mine, 'Why not.')).rejects.toThrow(/Only a closed ticket can be reopened/);
    await expect(tickets.closeTicket(mine, '')).rejects.toThrow(/Write the resolution/);
    expect(await timeline.forTicket(mine)).toEqual({ notes: [], events: [], timeEntries: [], escalations: [], calls: [] });
    expect(await db.outbox.count()).toBe(1);
  });

  it('is built by the upgrade to version 9 from the notes and events stored before it', async () => {
    const name = `upgrade-v8-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(7).stores({ noteBuckets: 'id', eventBuckets: 'id', ticketBuckets: 'id', meta: 'key', firstScreen: 'id' });
    const T = '019a0000-0000-7000-8000-0000000000d1';
    const events = Array.from({ length: 40 }, (_, i) => event(T, i));
    const note: NoteRecord = {
      id: '019a0000-0000-7000-8000-0000000000e1',
      ticketId: T,
      kind: 'internal_note',
      authorId: '019a0000-0000-7000-8000-0000000000a1',
      body: 'Old.',
      performedAt: '2026-03-03T16:00:00.000Z',
      recordedAt: '2026-03-03T16:00:00.000Z',
    };
    await old.table('eventBuckets').bulkPut([...groupByBucket(events)].map(([id, rows]) => ({ id, rows })));
    await writeRecords(old.table('noteBuckets'), new Map([[note.id, note]]));
    old.close();
    const upgraded = openDb(name);
    const history = await new TimelineRepository(upgraded).forTicket(T);
    expect(history.notes).toEqual([note]);
    expect(new Set(history.events.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    upgraded.close();
    await Dexie.delete(name);
  });
});
