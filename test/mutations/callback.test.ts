// The callback mutations' definitions: the arguments refused before anything is
// queued, and the desk's prediction of the row, which closes only an open callback.
import { describe, expect, it } from 'vitest';
import { applyMutation, parseMutationArgs, type MutationArgs } from '../../src/mutations';
import type { CallbackRecord } from '../../src/protocol/records';

const C = '019a0000-0000-7000-8000-0000000000c1';
const K = '019a0000-0000-7000-8000-0000000000c2';
const good: MutationArgs['promiseCallback'] = {
  id: K,
  clientId: C,
  contactId: null,
  callerName: 'Rachel Adams',
  number: '913-555-0142 ext. 204',
  reason: 'Wants the arrival time.',
  promisedBy: '2026-03-04T20:00:00Z',
  timeZone: 'America/Chicago',
  ticketId: null,
};
const ctx = { actorId: '019a0000-0000-7000-8000-0000000000a1' };
const performedAt = '2026-03-04T19:10:00.000Z';

describe('promiseCallback arguments', () => {
  it.each<[string, Partial<Record<keyof MutationArgs['promiseCallback'], unknown>>, string, RegExp]>([
    ['a number that is not one', { number: 'call Bob' }, 'number', /Number to call/],
    ['an empty reason', { reason: '   ' }, 'reason', /the reason is empty/],
    ['nobody to call', { callerName: ' ' }, 'callerName', /Enter who to call back/],
    ['a time without an offset', { promisedBy: '2026-03-04 14:00' }, 'promisedBy', /ISO-8601/],
  ])('refuses %s, naming the field', (_label, over, field, message) => {
    expect(parseMutationArgs('promiseCallback', { ...good, ...over })).toEqual({
      ok: false,
      field,
      message: expect.stringMatching(message),
    });
  });
});

describe('callbacks on the desk', () => {
  const promised = applyMutation(null, { name: 'promiseCallback', args: good, performedAt }, ctx) as CallbackRecord;

  it('predicts an open callback with the number read as E.164 and its extension, promised by the person signed in', () => {
    expect(promised).toMatchObject({
      status: 'open',
      number: '+19135550142',
      extension: '204',
      numberRaw: good.number,
      createdBy: ctx.actorId,
      createdAt: performedAt,
      closedBy: null,
    });
  });

  it('completes an open callback with what happened, by whom and when', () => {
    const done = applyMutation(
      promised,
      { name: 'completeCallback', args: { id: K, outcome: 'Told her 14:00.', callId: null }, performedAt },
      ctx,
    );
    expect(done).toMatchObject({ status: 'done', outcome: 'Told her 14:00.', closedBy: ctx.actorId, closedAt: performedAt });
  });

  it('leaves a cancelled callback as it is when another desk completes it', () => {
    const cancelled = applyMutation(promised, { name: 'cancelCallback', args: { id: K, reason: 'Emailed.' }, performedAt }, ctx);
    const again = applyMutation(
      cancelled,
      { name: 'completeCallback', args: { id: K, outcome: 'Called.', callId: null }, performedAt },
      { actorId: 'someone-else' },
    );
    expect(again).toBe(cancelled);
    expect(again).toMatchObject({ status: 'cancelled', outcome: 'Emailed.' });
  });
});
