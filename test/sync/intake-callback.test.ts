// "Call back later" on the intake screen (docs/domain/phone-intake.md,
// "Callbacks"): the callback and the call on the log are saved in one local
// transaction, so a refusal of either leaves neither, and both sync.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDraft } from '../../src/data/callback-repository';
import type { CallToLog } from '../../src/data/intake-repository';
import { createTestWorkspace, useTestServer } from '../server/harness';
import { SimDesk } from './sim';

const server = useTestServer('pglite');
const desks: SimDesk[] = [];
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

async function intakeDesk() {
  const ws = await createTestWorkspace(server());
  const d = new SimDesk(server().app, ws.users.intake.token, () => 0.5);
  desks.push(d);
  await d.tab.engine.syncNow();
  const clientId = ws.clients['four-tier'];
  const now = d.now();
  const callback: CallbackDraft = {
    clientId,
    contactId: null,
    callerName: 'Jordan Lee',
    number: '913-555-0142',
    reason: 'Wants the quote for new handsets.',
    promisedBy: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
    timeZone: 'America/Chicago',
    ticketId: null,
  };
  const call: CallToLog = {
    clientId,
    contactId: null,
    callerName: 'Jordan Lee',
    callerNumber: '913-555-0142',
    startedAt: new Date(now.getTime() - 60_000).toISOString(),
    summary: '',
  };
  return { ws, d, callback, call };
}

describe('Call back later from intake', () => {
  it('saves the callback and the call against it together, and both sync', async () => {
    const { ws, d, callback, call } = await intakeDesk();
    const { callback: promised, callId } = await d.tab.repos.intake.promiseCallback(callback, call, d.now());
    await d.tab.engine.syncNow();
    expect(await d.tab.repos.sync.pendingCount()).toBe(0);
    const { db } = server().database;
    const calls = await db.selectFrom('calls').select(['id', 'callback_id', 'outcome']).where('tenant_id', '=', ws.tenantId).execute();
    expect(calls).toEqual([{ id: callId, callback_id: promised.id, outcome: 'callback_promised' }]);
    const callbacks = await db.selectFrom('callbacks').select(['id']).where('tenant_id', '=', ws.tenantId).execute();
    expect(callbacks).toEqual([{ id: promised.id }]);
  });

  it.each<[string, (c: CallbackDraft, l: CallToLog) => [CallbackDraft, CallToLog], RegExp]>([
    ['the callback is refused', (c, l) => [{ ...c, timeZone: 'Mars/Olympus' }, l], /zone/i],
    ['the call is refused after the callback passed its checks', (c, l) => [c, { ...l, callerNumber: 'call me' }], /Caller's number/],
  ])('writes neither when %s', async (_label, spoil, message) => {
    const { d, callback, call } = await intakeDesk();
    const pending = await d.tab.repos.sync.pendingCount();
    const [c, l] = spoil(callback, call);
    await expect(d.tab.repos.intake.promiseCallback(c, l, d.now())).rejects.toThrow(message);
    expect(await d.tab.repos.sync.pendingCount()).toBe(pending);
  });
});
