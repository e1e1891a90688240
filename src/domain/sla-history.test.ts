import { describe, expect, it } from 'vitest';
import type { SlaEvent } from './sla';
import { appendSlaEvent, openedHistory, priorityOf, statusOf } from './sla-history';

const opened = openedHistory('2026-03-02T15:00:00.000Z', 'high');
const at = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;

describe('appendSlaEvent keeps what the SLA engine reads, in the order applied', () => {
  it.each<[string, readonly SlaEvent[], SlaEvent, readonly SlaEvent[]]>([
    [
      'a status change is added',
      opened,
      { type: 'status_changed', at: at('16:00'), status: 'open' },
      [...opened, { type: 'status_changed', at: at('16:00'), status: 'open' }],
    ],
    ['a "change" to the status in force adds nothing', opened, { type: 'status_changed', at: at('16:00'), status: 'new' }, opened],
    [
      'a priority change is added',
      opened,
      { type: 'priority_changed', at: at('16:00'), priority: 'critical' },
      [...opened, { type: 'priority_changed', at: at('16:00'), priority: 'critical' }],
    ],
    ['a "change" to the priority in force adds nothing', opened, { type: 'priority_changed', at: at('16:00'), priority: 'high' }, opened],
    [
      'the first public reply is added',
      opened,
      { type: 'public_reply', at: at('15:30') },
      [...opened, { type: 'public_reply', at: at('15:30') }],
    ],
    [
      'a second public reply adds nothing: only the first meets the clock',
      [...opened, { type: 'public_reply', at: at('15:30') }],
      { type: 'public_reply', at: at('16:30') },
      [...opened, { type: 'public_reply', at: at('15:30') }],
    ],
    [
      'an event acted on before the last one counts from the last one (the server orders)',
      [...opened, { type: 'status_changed', at: at('17:00'), status: 'on_hold' }],
      { type: 'status_changed', at: at('16:00'), status: 'open' },
      [
        ...opened,
        { type: 'status_changed', at: at('17:00'), status: 'on_hold' },
        { type: 'status_changed', at: at('17:00'), status: 'open' },
      ],
    ],
    ['a second opening adds nothing', opened, { type: 'opened', at: at('16:00'), priority: 'critical' }, opened],
    ['an unopened history stays empty', [], { type: 'status_changed', at: at('16:00'), status: 'open' }, []],
    [
      'an instant with an offset is stored in UTC',
      opened,
      { type: 'status_changed', at: '2026-03-02T10:00:00-06:00', status: 'open' },
      [...opened, { type: 'status_changed', at: at('16:00'), status: 'open' }],
    ],
  ])('%s', (_, history, event, expected) => {
    expect(appendSlaEvent(history, event)).toEqual(expected);
  });

  it('reads the status and priority in force', () => {
    const h = appendSlaEvent(appendSlaEvent(opened, { type: 'priority_changed', at: at('16:00'), priority: 'low' }), {
      type: 'status_changed',
      at: at('16:05'),
      status: 'on_hold',
    });
    expect([statusOf(h), priorityOf(h)]).toEqual(['on_hold', 'low']);
    expect([statusOf(opened), priorityOf(opened)]).toEqual(['new', 'high']);
    expect([statusOf([]), priorityOf([])]).toEqual([undefined, undefined]);
  });
});
