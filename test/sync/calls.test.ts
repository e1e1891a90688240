// The call log on the desk against the real server (PGlite, in-process): a call
// logged offline reaches the server once, whatever the network does to the push
// (sent twice at once by a retrying proxy, or its answer lost after the server
// committed), and another desk pulls it into its own call log.
import { afterEach, describe, expect, it } from 'vitest';
import type { MutationArgs } from '../../src/protocol';
import { createTestWorkspace, useTestServer } from '../server/harness';
import { uuidv7 } from '../server/desk';
import type { Fault } from './network';
import { SimDesk } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

async function setup() {
  const ws = await createTestWorkspace(server());
  const open = (role: 'intake' | 'technician') => {
    const d = new SimDesk(server().app, ws.users[role].token, () => 0.5);
    desks.push(d);
    return d;
  };
  const intake = open('intake');
  const other = open('technician');
  await intake.tab.engine.syncNow();
  await other.tab.engine.syncNow();
  return { ws, intake, other, clientId: ws.clients['four-tier'] };
}

function call(clientId: string, now: Date): MutationArgs['logCall'] {
  return {
    id: uuidv7(),
    clientId,
    ticketId: null,
    contactId: null,
    callerName: 'Dana Whitfield',
    callerNumber: '913-555-0142',
    direction: 'inbound',
    startedAt: new Date(now.getTime() - 4 * 60_000).toISOString(),
    endedAt: new Date(now.getTime() - 60_000).toISOString(),
    outcome: 'no_ticket',
    summary: 'Wrong department; gave them the billing line.',
    callbackId: null,
  };
}

async function serverCalls(tenantId: string) {
  const { db } = server().database;
  const rows = await db.selectFrom('calls').select('id').where('tenant_id', '=', tenantId).execute();
  const changes = await db.selectFrom('changes').select('id').where('tenant_id', '=', tenantId).where('entity', '=', 'call').execute();
  return { rows: rows.map((r) => r.id), changes: changes.map((c) => c.id) };
}

describe('the call log on the desk', () => {
  it.each<Fault>(['duplicate', 'drop-response'])(
    'applies a call pushed under the "%s" fault once, and another desk pulls it',
    async (fault) => {
      const { ws, intake, other, clientId } = await setup();
      intake.link.fault = 'offline';
      const args = call(clientId, intake.now());
      const logged = await intake.tab.repos.calls.log(args, intake.now());
      expect(logged).toMatchObject({ id: args.id, callerNumber: '+19135550142', takenBy: ws.users.intake.id });
      expect(await intake.tab.repos.sync.pendingCount()).toBe(1);

      intake.link.fault = fault;
      intake.link.rate = 1;
      await intake.tab.engine.syncNow().catch(() => undefined);
      intake.link.heal();
      await intake.tab.engine.syncNow();
      expect(intake.link.stats.duplicated + intake.link.stats.droppedResponses).toBeGreaterThan(0);
      // Drained, and nothing shown to the person as refused: the second copy was answered as the first.
      expect(await intake.tab.repos.sync.pendingCount()).toBe(0);
      expect((await intake.local()).rejections).toEqual([]);
      expect(await serverCalls(ws.tenantId)).toEqual({ rows: [args.id], changes: [args.id] });

      await other.tab.engine.syncNow();
      expect(await other.tab.repos.calls.recentForClient(clientId)).toEqual([logged]);
    },
  );

  it('refuses a malformed number on the desk before anything is queued', async () => {
    const { intake, clientId } = await setup();
    await expect(intake.tab.repos.calls.log({ ...call(clientId, intake.now()), callerNumber: '913-555' }, intake.now())).rejects.toThrow(
      /^callerNumber: Caller's number: /,
    );
    expect(await intake.tab.repos.sync.pendingCount()).toBe(0);
    expect(await intake.tab.repos.calls.recentForClient(clientId)).toEqual([]);
  });
});
