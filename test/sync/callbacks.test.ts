// Callbacks on desks against the real server (PGlite, in-process): two desks
// offline work the same callback; the first to reach the server wins, the other
// is told who closed it and when, and both end with the server's copy.
import { afterEach, describe, expect, it } from 'vitest';
import { callbackRecord } from '../../src/server/changes/records';
import { createTestWorkspace, useTestServer } from '../server/harness';
import { SimDesk } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

function desk(token: string): SimDesk {
  const d = new SimDesk(server().app, token, () => 0.5);
  desks.push(d);
  return d;
}

describe('callbacks on two desks', () => {
  it('promised on one desk and worked offline on two: one completion wins, the other gets a reason, both converge', async () => {
    const ws = await createTestWorkspace(server());
    const intake = desk(ws.users.intake.token);
    const tech = desk(ws.users.technician.token);
    await intake.tab.engine.syncNow();
    await tech.tab.engine.syncNow();

    const promised = await intake.tab.repos.callbacks.promise(
      {
        clientId: ws.clients['four-tier'],
        contactId: null,
        callerName: 'Rachel Adams',
        number: '913-555-0142',
        reason: 'Wants the arrival time.',
        promisedBy: new Date(Date.now() + 30 * 60_000).toISOString(),
        timeZone: 'America/Chicago',
        ticketId: null,
      },
      intake.now(),
    );
    await intake.tab.engine.syncNow();
    await tech.tab.engine.syncNow();
    expect(await tech.tab.repos.sync.pendingCount()).toBe(0);

    intake.link.fault = 'offline';
    tech.link.fault = 'offline';
    await intake.tab.repos.callbacks.complete(promised.id, 'Told her 14:00.', null, intake.now());
    await tech.tab.repos.callbacks.complete(promised.id, 'Left a voicemail.', null, tech.now());

    intake.link.heal();
    await intake.tab.engine.syncNow();
    tech.link.heal();
    await tech.tab.engine.syncNow();
    await tech.tab.engine.syncNow();
    await intake.tab.engine.syncNow();

    const { db } = server().database;
    const onServer = (await db.selectFrom('callbacks').selectAll().where('tenant_id', '=', ws.tenantId).execute()).map(callbackRecord);
    expect(onServer).toMatchObject([{ id: promised.id, status: 'done', outcome: 'Told her 14:00.', closedBy: ws.users.intake.id }]);

    const techLocal = await tech.local();
    expect(techLocal.rejections).toMatchObject([
      {
        name: 'completeCallback',
        code: 'invalid_callback',
        reason: expect.stringMatching(/already called back by intake person on .*\(America\/Chicago\)/),
      },
    ]);
    expect(techLocal.outbox).toEqual([]);
    for (const d of [intake, tech]) {
      expect(await d.tab.repos.sync.pendingCount()).toBe(0);
      const row = await new Promise((resolve) => {
        const sub = d.tab.repos.callbacks.liveForClient(ws.clients['four-tier']).subscribe({
          next: (v) => {
            resolve(v);
            setTimeout(() => sub.unsubscribe());
          },
        });
      });
      expect(row).toEqual({ open: [], closed: onServer });
    }
  });

  it('refuses on the desk to complete a callback this desk already knows is closed, queuing nothing', async () => {
    const ws = await createTestWorkspace(server());
    const intake = desk(ws.users.intake.token);
    await intake.tab.engine.syncNow();
    const promised = await intake.tab.repos.callbacks.promise(
      {
        clientId: ws.clients['four-tier'],
        contactId: null,
        callerName: 'Rachel Adams',
        number: '913-555-0142',
        reason: 'Wants the arrival time.',
        promisedBy: new Date(Date.now() + 30 * 60_000).toISOString(),
        timeZone: 'America/Chicago',
        ticketId: null,
      },
      intake.now(),
    );
    await intake.tab.repos.callbacks.cancel(promised.id, 'She emailed instead.', intake.now());
    const pending = await intake.tab.repos.sync.pendingCount();
    await expect(intake.tab.repos.callbacks.complete(promised.id, 'Called.', null, intake.now())).rejects.toThrow(
      /already cancelled by intake person/,
    );
    expect(await intake.tab.repos.sync.pendingCount()).toBe(pending);
  });
});
