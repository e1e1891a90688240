// One definition per mutation, and a server handler for each: the compiler
// checks the pairing (the @ts-expect-error lines below fail typechecking if the
// check ever stops catching a gap), and the tables check what each definition says.
import { describe, expect, it } from 'vitest';
import { addNamedIds, MUTATION_NAMES, mutationTarget, type LocalMutation, type NamedIds } from '../../src/mutations';
import { mutationHandlers, type MutationHandlers } from '../../src/server/mutations/index';

const T = '019a0000-0000-7000-8000-000000000001';
const C = '019a0000-0000-7000-8000-0000000000c1';
const S = '019a0000-0000-7000-8000-0000000000a1';
const N = '019a0000-0000-7000-8000-0000000000d1';

describe('the handler map', () => {
  it('has exactly one server handler per mutation name', () => {
    expect(Object.keys(mutationHandlers).sort()).toEqual([...MUTATION_NAMES].sort());
    expect(MUTATION_NAMES.length).toBeGreaterThan(0);
  });

  it('does not compile with a name missing or a handler under the wrong name', () => {
    const { createTicket: _omitted, ...rest } = mutationHandlers;
    // @ts-expect-error createTicket has no handler
    const incomplete: MutationHandlers = rest;
    // @ts-expect-error addNote's handler takes addNote's arguments, not setStatus's
    const swapped: MutationHandlers = { ...mutationHandlers, setStatus: mutationHandlers.addNote };
    expect([incomplete, swapped]).toHaveLength(2);
  });
});

type Example = [string, Omit<LocalMutation, 'performedAt'>, { entity: string; id: string }, NamedIds];
const none: NamedIds = { tickets: [], clients: [], staff: [] };

describe('each definition names the row it changes and the rows the server reads', () => {
  it.each<Example>([
    [
      'createTicket',
      {
        name: 'createTicket',
        args: { id: T, clientId: C, title: 'x', description: '', priority: 'high', channel: 'phone', assigneeId: S },
      },
      { entity: 'ticket', id: T },
      { ...none, clients: [C], staff: [S] },
    ],
    [
      'createTicket unassigned',
      {
        name: 'createTicket',
        args: { id: T, clientId: C, title: 'x', description: '', priority: 'high', channel: 'phone', assigneeId: null },
      },
      { entity: 'ticket', id: T },
      { ...none, clients: [C] },
    ],
    [
      'updateTicket reassigning',
      { name: 'updateTicket', args: { id: T, assigneeId: S } },
      { entity: 'ticket', id: T },
      { ...none, tickets: [T], staff: [S] },
    ],
    [
      'updateTicket unassigning',
      { name: 'updateTicket', args: { id: T, assigneeId: null } },
      { entity: 'ticket', id: T },
      { ...none, tickets: [T] },
    ],
    ['setStatus', { name: 'setStatus', args: { id: T, status: 'open' } }, { entity: 'ticket', id: T }, { ...none, tickets: [T] }],
    [
      'addNote',
      { name: 'addNote', args: { id: N, ticketId: T, kind: 'internal_note', body: 'b' } },
      { entity: 'note', id: N },
      { ...none, tickets: [T] },
    ],
    [
      'upsertContact',
      {
        name: 'upsertContact',
        args: {
          id: N,
          clientId: C,
          name: 'K',
          phones: [{ raw: '913-555-0142', label: 'work' }],
          emails: [],
          approvalLimitCents: null,
          role: 'portal_admin',
        },
      },
      { entity: 'contact', id: N },
      { ...none, clients: [C] },
    ],
    ['deleteContact', { name: 'deleteContact', args: { id: N } }, { entity: 'contact', id: N }, none],
  ])('%s', (_label, m, target, named) => {
    expect(mutationTarget(m)).toEqual(target);
    const into: NamedIds = { tickets: [], clients: [], staff: [] };
    addNamedIds(m, into);
    expect(into).toEqual(named);
  });
});
