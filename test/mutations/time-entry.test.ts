// logTime's definition: the arguments it refuses before anything is queued,
// the row it targets and names, and the desk's prediction of the entry.
import { describe, expect, it } from 'vitest';
import { applyMutation, mutationTarget, parseMutationArgs, type MutationArgs, type NamedIds, addNamedIds } from '../../src/mutations';

const T = '019a0000-0000-7000-8000-000000000001';
const E = '019a0000-0000-7000-8000-0000000000e1';
const good: MutationArgs['logTime'] = {
  id: E,
  ticketId: T,
  startedAt: '2026-03-03T15:00:00Z',
  endedAt: '2026-03-03T16:30:00Z',
  workType: 'included',
  cause: 'none',
  note: 'Replaced the toner.',
};

describe('logTime arguments', () => {
  it('accepts a good entry, trimming its note', () => {
    expect(parseMutationArgs('logTime', { ...good, note: '  Replaced the toner. ' })).toEqual({ ok: true, args: good });
  });

  it.each<[string, Partial<Record<keyof MutationArgs['logTime'], unknown>>, string, RegExp]>([
    ['zero length', { endedAt: good.startedAt }, 'endedAt', /zero minutes long/],
    ['ending before it starts', { endedAt: '2026-03-03T14:00:00Z' }, 'endedAt', /ends before it starts/],
    ['longer than 24 hours', { endedAt: '2026-03-04T15:00:01Z' }, 'endedAt', /more than 24 hours/],
    ['a start before 2000', { startedAt: '1999-12-31T23:00:00Z' }, 'startedAt', /from 2000-01-01 on/],
    ['an offset PostgreSQL cannot store', { startedAt: '2026-03-03T15:00:00+16:00' }, 'startedAt', /UTC offset from -14:00 to \+14:00/],
    ['an empty note', { note: '  ' }, 'note', /the note is empty/],
    ['an unknown work type', { workType: 'free' }, 'workType', /./],
    ['an unknown cause', { cause: 'weather' }, 'cause', /./],
  ])('refuses %s, naming the field', (_label, over, field, message) => {
    const parsed = parseMutationArgs('logTime', { ...good, ...over });
    expect(parsed).toEqual({ ok: false, field, message: expect.stringMatching(message) });
  });
});

describe('logTime on the desk', () => {
  it('targets the entry and names its ticket for the server', () => {
    const named: NamedIds = { tickets: [], clients: [], staff: [] };
    addNamedIds({ name: 'logTime', args: good }, named);
    expect(mutationTarget({ name: 'logTime', args: good })).toEqual({ entity: 'time_entry', id: E });
    expect(named).toEqual({ tickets: [T], clients: [], staff: [] });
  });

  it('predicts the entry, written by the person signed in, when they acted', () => {
    const performedAt = '2026-03-03T16:31:00.000Z';
    expect(applyMutation(null, { name: 'logTime', args: good, performedAt }, { actorId: 'me' })).toEqual({
      ...good,
      authorId: 'me',
      performedAt,
      recordedAt: performedAt,
    });
  });

  it('keeps the server copy of an entry that exists', () => {
    const stored = { ...good, authorId: 'them', performedAt: good.endedAt, recordedAt: good.endedAt };
    expect(
      applyMutation(stored, { name: 'logTime', args: { ...good, note: 'changed' }, performedAt: good.endedAt }, { actorId: 'me' }),
    ).toBe(stored);
  });
});
