import { describe, expect, it } from 'vitest';
import type { QueueRow } from './queue-rows';
import { filterRows, sortRows } from './queue-order';
import { URGENCY_SORTING, type QueueFilters } from './queue-store';

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
    prioritySchemeId: 'four-tier',
    customPolicy: null,
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
const all: QueueFilters = { view: 'all', status: 'any', priority: 'any', assignee: 'any', text: '', sla: 'any' };
const NOW = Date.parse('2026-03-04T15:00:00Z');

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
    expect(sortRows(rows, sorting, NOW).map((r) => r.id)).toEqual(ids);
  });
});

describe('filterRows keeps the sorted order', () => {
  const sorted = sortRows(
    rows,
    [
      { id: 'priority', desc: false },
      { id: 'openedAt', desc: false },
    ],
    NOW,
  );
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
    expect(filterRows(sorted, filters as QueueFilters, me, { nowMs: NOW, soonMs: 3_600_000 }).rows.map((r) => r.id)).toEqual(ids);
  });
});

describe('sortRows by urgency: time to breach from each ticket’s own SLA history, then priority', () => {
  // Four-tier contract: Chicago, Mon–Fri 07:00–17:00; Critical 1 h around the clock; High 2 h target, 4 h limit in business hours.
  const at = '2026-03-04T17:00:00.000Z'; // a Wednesday, 11:00 in Chicago
  const opened = (priority: string, iso: string) => ({ type: 'opened' as const, at: iso, priority });
  const slaRow = (id: string, priority: string, rank: number, sla: QueueRow['sla']) =>
    row(id, { priority, priorityRank: rank, sla, status: sla.some((e) => e.type === 'status_changed') ? 'open' : 'new' });
  const table = [
    slaRow('high-met', 'high', 2, [
      opened('high', '2026-03-04T14:00:00.000Z'),
      { type: 'status_changed', at: '2026-03-04T14:30:00.000Z', status: 'open' },
    ]),
    slaRow('med-on-target', 'medium', 3, [opened('medium', '2026-03-04T16:00:00.000Z')]),
    slaRow('crit-met', 'critical', 1, [
      opened('critical', '2026-03-04T14:00:00.000Z'),
      { type: 'public_reply', at: '2026-03-04T14:10:00.000Z' },
    ]),
    slaRow('high-on-target', 'high', 2, [opened('high', '2026-03-04T16:00:00.000Z')]),
    slaRow('high-late', 'high', 2, [opened('high', '2026-03-04T13:30:00.000Z')]),
    slaRow('no-sla', 'high', 2, []),
    slaRow('crit-breached', 'critical', 1, [opened('critical', '2026-03-04T15:00:00.000Z')]),
  ];

  it('breached, late, on target (sooner breach first), then met with ties by priority rank, then no SLA', () => {
    expect(sortRows(table, URGENCY_SORTING, Date.parse(at)).map((r) => r.id)).toEqual([
      'crit-breached',
      'high-late',
      'high-on-target',
      'med-on-target',
      'crit-met',
      'high-met',
      'no-sla',
    ]);
  });

  it('an hour earlier the Critical one is still on target, so the late High comes first', () => {
    const earlier = Date.parse('2026-03-04T16:00:00.000Z');
    expect(sortRows(table, URGENCY_SORTING, earlier).map((r) => r.id)).toEqual([
      'high-late',
      'crit-breached',
      'high-on-target',
      'med-on-target',
      'crit-met',
      'high-met',
      'no-sla',
    ]);
  });

  it('the views count and keep the tickets breached or breaching within the threshold', () => {
    const sorted = sortRows(table, URGENCY_SORTING, Date.parse(at));
    const window = { nowMs: Date.parse(at), soonMs: 3_600_000 };
    const breached = filterRows(sorted, { ...all, sla: 'breached' }, null, window);
    expect(breached.rows.map((r) => r.id)).toEqual(['crit-breached']);
    expect(breached.counts).toEqual({ breached: 1, breachingSoon: 1 });
    expect(filterRows(sorted, { ...all, sla: 'breaching-soon' }, null, window).rows.map((r) => r.id)).toEqual(['high-late']);
  });

  it('ties in urgency and priority go by id, as a string comparison would order them', () => {
    const met = [opened('high', '2026-03-04T14:00:00.000Z'), { type: 'public_reply' as const, at: '2026-03-04T14:10:00.000Z' }];
    const ids = ['019a0000-0001-7000-8000-000000000002', '019a0000-0000-7fff-8000-000000000001', '019a0000-0001-7000-8000-000000000001'];
    const tied = ids.map((id) => slaRow(id, 'high', 2, met));
    expect(sortRows(tied, URGENCY_SORTING, Date.parse(at)).map((r) => r.id)).toEqual([...ids].sort());
  });
});
