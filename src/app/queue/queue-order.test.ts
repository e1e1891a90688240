import { describe, expect, it } from 'vitest';
import type { QueueRow } from './queue-rows';
import { filterRows, sortRows } from './queue-order';
import type { QueueFilters } from './queue-store';

function row(id: string, patch: Partial<QueueRow>): QueueRow {
  return {
    id,
    clientId: 'c',
    title: 'T',
    description: '',
    status: 'open',
    priority: 'high',
    channel: 'phone',
    assigneeId: null,
    openedAt: '2026-03-02T15:00:00.000Z',
    updatedAt: '2026-03-02T15:00:00.000Z',
    sla: [{ type: 'opened', at: '2026-03-02T15:00:00.000Z', priority: 'high', status: 'new' }],
    clientName: 'Acme',
    clientTimeZone: 'America/Chicago',
    assigneeName: '',
    priorityLabel: 'High',
    priorityRank: 2,
    search: undefined,
    ...patch,
  };
}

const rows = [
  row('a', { priorityRank: 2, openedAt: '2026-03-02T10:00:00Z', status: 'open', assigneeId: 'u1', title: 'VPN drops', clientName: 'Acme' }),
  row('b', { priorityRank: 1, openedAt: '2026-03-03T10:00:00Z', status: 'new', title: 'Phones down', clientName: 'Acme' }),
  row('c', {
    priorityRank: 1,
    openedAt: '2026-03-01T10:00:00Z',
    status: 'closed',
    assigneeId: 'u2',
    title: 'Printer offline',
    clientName: 'Beta',
  }),
  row('d', {
    priorityRank: 2,
    openedAt: '2026-03-02T10:00:00Z',
    status: 'on_hold',
    assigneeId: 'u1',
    title: 'VPN slow',
    clientName: 'Beta',
  }),
];
const all: QueueFilters = { view: 'all', status: 'any', priority: 'any', assignee: 'any', text: '' };

describe('sortRows', () => {
  it.each([
    [
      'priority then oldest first',
      [
        { id: 'priority', desc: false },
        { id: 'openedAt', desc: false },
      ],
      ['c', 'b', 'a', 'd'],
    ],
    ['newest first', [{ id: 'openedAt', desc: true }], ['b', 'a', 'd', 'c']],
    ['no rules: by id', [], ['a', 'b', 'c', 'd']],
    ['unknown column ignored', [{ id: 'nope', desc: true }], ['a', 'b', 'c', 'd']],
  ])('%s', (_n, sorting, ids) => {
    expect(sortRows(rows, sorting).map((r) => r.id)).toEqual(ids);
  });
});

describe('filterRows keeps the sorted order', () => {
  const sorted = sortRows(rows, [
    { id: 'priority', desc: false },
    { id: 'openedAt', desc: false },
  ]);
  it.each([
    ['everything', all, null, ['c', 'b', 'a', 'd']],
    ['active hides closed', { ...all, status: 'active' }, null, ['b', 'a', 'd']],
    ['one status', { ...all, status: 'on_hold' }, null, ['d']],
    ['unassigned', { ...all, assignee: 'unassigned' }, null, ['b']],
    ['mine', { ...all, view: 'mine', assignee: 'u2' }, 'u1', ['a', 'd']],
    ['mine with nobody signed in', { ...all, view: 'mine' }, null, []],
    ['every word must match', { ...all, text: 'VPN  beta' }, null, ['d']],
    ['text and status', { ...all, text: 'acme', status: 'new' }, null, ['b']],
  ] as const)('%s', (_n, filters, me, ids) => {
    expect(filterRows(sorted, filters as QueueFilters, me).map((r) => r.id)).toEqual(ids);
  });
});
