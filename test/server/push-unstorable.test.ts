// A mutation the server cannot apply must get a final answer. Before: a
// performedAt that passed the schema but not PostgreSQL answered 500, the desk
// sent the same sequence again, and everything after it waited for ever.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BACKENDS, createTestWorkspace, useTestServer, type TestServer } from './harness';
import { Desk, newTicketArgs } from './desk';

async function recorded(server: TestServer, clientId: string) {
  return server.database.db
    .selectFrom('client_mutations')
    .select(['seq', 'args', 'result'])
    .where('client_id', '=', clientId)
    .orderBy('seq')
    .execute();
}

describe.each(BACKENDS)('mutations the server cannot apply, on %s', (backend) => {
  const server = useTestServer(backend);

  it.each([
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 1', '0001-01-01T00:00:00Z'],
    ['a year before 2000', '1999-12-31T23:59:59Z'],
    ['an offset of +16:00', '2026-03-01T09:30:00+16:00'],
    ['an offset of -23:59', '2026-03-01T09:30:00-23:59'],
    ['an offset of +14:01', '2026-03-01T09:30:00+14:01'],
  ])("refuses a performedAt of %s as malformed, writes nothing, and takes the desk's next change", async (_, performedAt) => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const odd = await desk.push([desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']), performedAt)]);
    expect(odd.status).toBe(400);
    expect(odd.body).toEqual({
      error: { code: 'invalid_request', message: expect.stringMatching(/mutations\[0\]\.performedAt: .*2000.*-14:00.*\+14:00/) },
    });
    expect(await recorded(server(), desk.clientId)).toEqual([]);
    // The desk sets the change aside and renumbers (src/sync/push.ts): its next change is 1 again.
    desk.seq = 0;
    expect(await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']))).toMatchObject({ seq: 1, status: 'applied' });
  });

  it.each([
    ['the first instant of 2000', '2000-01-01T00:00:00Z'],
    ['an offset of +14:00', '2026-03-01T09:30:00+14:00'],
    ['an offset of -12:00', '2026-03-01T09:30:00-12:00'],
  ])('accepts a performedAt of %s', async (_, performedAt) => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    expect(await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']), performedAt)).toMatchObject({ status: 'applied' });
  });

  describe('when the database refuses what the schema let through', () => {
    // Stands in for any value PostgreSQL refuses (SQLSTATE class 22, data exception) or a
    // transient failure (40001): a trigger on tickets raises it for one title.
    const refusing = async (db: TestServer['database']['db']) => {
      await sql`create or replace function refuse_some_titles() returns trigger language plpgsql as $$
        begin
          if new.title = 'Database refuses this' then raise exception 'value out of range' using errcode = '22003'; end if;
          if new.title = 'Database is busy' then raise exception 'could not serialize access' using errcode = '40001'; end if;
          return new;
        end $$`.execute(db);
      await sql`drop trigger if exists refuse_some_titles on tickets`.execute(db);
      await sql`create trigger refuse_some_titles before insert on tickets for each row execute function refuse_some_titles()`.execute(db);
    };

    it('answers that mutation rejected for good, keeps its neighbours, and takes the next sequence', async () => {
      await refusing(server().database.db);
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const batch = [
        desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'])),
        desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { title: 'Database refuses this' })),
        desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'])),
      ];
      const first = await desk.push(batch);
      expect(first.status).toBe(200);
      expect(first.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'unprocessable', 'applied']);
      expect(first.body.results[1]).toMatchObject({ message: expect.stringMatching(/could not store this change.*not applied/) });
      // Final: the same answer when sent again, and the sequence has moved past it.
      const again = await desk.push(batch);
      expect(again.body.results).toEqual(first.body.results.map((r) => ({ ...r, duplicate: true })));
      expect(await desk.apply('createTicket', newTicketArgs(ws.clients['four-tier']))).toMatchObject({ seq: 4, status: 'applied' });
    });

    it('answers a transient failure with a 500 and records nothing, so the desk sends it again', async () => {
      await refusing(server().database.db);
      const ws = await createTestWorkspace(server());
      const desk = new Desk(server().app, ws.users.technician.token);
      const busy = desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { title: 'Database is busy' }));
      const { status } = await desk.push([busy]);
      expect(status).toBe(500);
      expect(await recorded(server(), desk.clientId)).toEqual([]);
    });
  });
});
