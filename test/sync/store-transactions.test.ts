// SyncStore methods that read or change more than one table do it in one
// transaction: another tab of the same desk can never be seen half-way.
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/data/repositories';

const open: Repositories[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});

function tabs(): [Repositories, Repositories] {
  const name = `desk-${crypto.randomUUID()}`;
  const pair: [Repositories, Repositories] = [createRepositories(name), createRepositories(name)];
  open.push(...pair);
  return pair;
}

const contact = (name: string) => ({
  name: 'upsertContact' as const,
  args: {
    id: crypto.randomUUID(),
    clientId: crypto.randomUUID(),
    name,
    phones: [{ raw: '913-555-0142', label: 'work' as const }],
    emails: [],
    approvalLimitCents: null,
    role: 'billing_contact' as const,
  },
});

describe('SyncStore transactions', () => {
  it('pendingBatch sends a device id with the sequence numbers it gave, while another tab renumbers the outbox', async () => {
    const [a, b] = tabs();
    for (const name of ['Ken Ellis', 'Ana Ruiz', 'Li Wei', 'Sam Okafor']) await a.sync.perform(contact(name), new Date());
    // The first change has left the outbox (the server refused it): the outbox starts at 2.
    await a.sync.applyPushResults(
      [{ clientId: (await a.sync.state()).deviceId, seq: 1, status: 'rejected', code: 'forbidden', message: 'refused' }],
      new Date(),
    );
    const before = await a.sync.state();
    const old = (await a.sync.snapshot()).outbox.map((e) => [before.deviceId, e.seq, e.args]);
    expect(old.map(([, seq]) => seq)).toEqual([2, 3, 4]);

    // Tab B learns the server forgot this device (it expects a sequence B no longer holds): new device id, outbox from 1.
    const batch = a.sync.pendingBatch(10);
    const repaired = b.sync.applyPushResults(
      [{ clientId: before.deviceId, seq: 2, status: 'out_of_order', expectedSeq: 1, message: 'send 1 first' }],
      new Date(),
    );
    const sent = (await batch).map((m) => [m.clientId, m.seq, m.args]);
    await repaired;

    const after = await a.sync.state();
    expect(after.deviceId).not.toBe(before.deviceId);
    const renumbered = (await a.sync.snapshot()).outbox.map((e) => [after.deviceId, e.seq, e.args]);
    expect(renumbered.map(([, seq]) => seq)).toEqual([1, 2, 3]);
    // Either the outbox as it was, or as it is: never the old device id on the new numbers.
    expect([old, renumbered]).toContainEqual(sent);
  });
});
