// Request types on the desk (docs/domain/lead-times.md): a bad type is refused
// naming the rule and nothing is written or queued; a good one and a ticket
// naming it are written with their outbox entries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SwitchboardDb } from '../../../src/data/db';
import { RequestTypeRepository } from '../../../src/data/request-type-repository';
import { TicketRepository } from '../../../src/data/ticket-repository';
import { newClient } from '../../../src/domain/client';

const C1 = '019a0000-0000-7000-8000-0000000000c1';
let db: SwitchboardDb;
let types: RequestTypeRepository;
let tickets: TicketRepository;

beforeEach(async () => {
  db = openDb(`test-${crypto.randomUUID()}`);
  await db.clients.put(newClient({ id: C1, name: 'Harbor Dental', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' }, 's1'));
  types = new RequestTypeRepository(db);
  tickets = new TicketRepository(db);
});
afterEach(async () => {
  tickets.close();
  await db.delete();
});

const license = { name: 'License request', unit: 'business_days' as const, minDays: 2, maxDays: 2, parameter: null, note: '' };

describe('RequestTypeRepository.save', () => {
  it('refuses a minimum over the maximum, naming the rule, and writes nothing', async () => {
    await expect(types.save({ ...license, minDays: 5, maxDays: 3 })).rejects.toThrow(/the minimum \(5\) exceeds the maximum \(3\)/);
    expect(await db.requestTypes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes a good type with its outbox entry, and a ticket naming it carries the request', async () => {
    const saved = await types.save(license);
    expect(await db.requestTypes.get(saved.id)).toEqual({ ...license, id: saved.id, position: 10, archived: false });
    const created = await tickets.create(
      { clientId: C1, title: 'Two Visio licenses', description: '', priority: 'standard', channel: 'email', assigneeId: null },
      new Date('2026-03-02T16:00:00Z'),
      { requestTypeId: saved.id, requestParam: null, customerWantedDate: '2026-03-03' },
    );
    expect(created.ok && created.ticket.leadTime).toEqual({
      requestTypeId: saved.id,
      requestParam: null,
      customerWantedDate: '2026-03-03',
    });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['upsertRequestType', 'createTicket']);
  });

  it('archives, keeping the row', async () => {
    const saved = await types.save(license);
    await types.setArchived(saved.id, true);
    expect(await db.requestTypes.get(saved.id)).toMatchObject({ archived: true, name: 'License request' });
  });
});
