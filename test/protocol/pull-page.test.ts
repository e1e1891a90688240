import { describe, expect, it } from 'vitest';
import { decodePullPage, ENTITIES, PullPageError, SNAPSHOT_ORDER, WIRE_FIELDS, type PullPage } from '../../src/protocol';

const ticketId = '01a1b8d1-d7e4-7f60-a8ac-d89fd8bcdf81';
const eventId = '01a1bd3e-33f7-7dc4-8046-a6c80d4f9a26';
const clientId = '01a1b8d1-d7e4-7f60-a8ac-d89fd8bcdf82';
const actorId = '01a1b8d1-d7e4-7f60-a8ac-d89fd8bcdf83';

describe('the pull page on the wire', () => {
  it('lists every record field once per entity, id first, with optional fields marked', () => {
    expect(WIRE_FIELDS.ticket_event).toEqual(['id', 'ticketId', 'type', 'at', 'priority?', 'status?', 'actorId?']);
    expect(WIRE_FIELDS.ticket).toEqual([
      'id',
      'clientId',
      'title',
      'description',
      'status',
      'priority',
      'channel',
      'assigneeId',
      'openedAt',
      'updatedAt',
      'sla',
      'leadTime?',
      'intake?',
    ]);
    for (const fields of Object.values(WIRE_FIELDS)) expect(fields[0]).toBe('id');
  });

  it.each([
    [
      'an optional field that is null is left out',
      'ticket_event',
      [eventId, ticketId, 'opened', '2026-11-08T22:18:52.791Z', null, null, null],
      { id: eventId, ticketId, type: 'opened', at: '2026-11-08T22:18:52.791Z' },
    ],
    [
      'an optional field with a value is kept',
      'ticket_event',
      [eventId, ticketId, 'status_changed', '2026-11-08T22:18:52.791Z', null, 'open', actorId],
      { id: eventId, ticketId, type: 'status_changed', at: '2026-11-08T22:18:52.791Z', status: 'open', actorId },
    ],
    [
      'a required field that is null stays null',
      'ticket',
      [
        ticketId,
        clientId,
        'Printer offline',
        '',
        'new',
        'high',
        'phone',
        null,
        '2026-11-08T22:18:52.791Z',
        '2026-11-08T22:18:52.791Z',
        [{ type: 'opened', at: '2026-11-08T22:18:52.791Z', priority: 'high', status: 'new' }],
      ],
      {
        id: ticketId,
        clientId,
        title: 'Printer offline',
        description: '',
        status: 'new',
        priority: 'high',
        channel: 'phone',
        assigneeId: null,
        openedAt: '2026-11-08T22:18:52.791Z',
        updatedAt: '2026-11-08T22:18:52.791Z',
        sla: [{ type: 'opened', at: '2026-11-08T22:18:52.791Z', priority: 'high', status: 'new' }],
      },
    ],
  ] as const)('decodes an upsert: %s', (_, entity, values, record) => {
    const page: PullPage = { fields: WIRE_FIELDS, changes: [[7, entity, [...values]]], nextCursor: 7, hasMore: false, remaining: 0 };
    expect(decodePullPage(page)).toEqual({
      changes: [{ seq: 7, entity, id: values[0], op: 'upsert', data: record }],
      nextCursor: 7,
      hasMore: false,
      remaining: 0,
    });
  });

  it('decodes a delete as a tombstone with its id, and keeps the download total', () => {
    const page: PullPage = { fields: {}, changes: [[9, 'note', null, eventId]], nextCursor: 12, hasMore: true, remaining: 3, total: 4 };
    expect(decodePullPage(page)).toEqual({
      changes: [{ seq: 9, entity: 'note', id: eventId, op: 'delete', data: null }],
      nextCursor: 12,
      hasMore: true,
      remaining: 3,
      total: 4,
    });
  });

  it('refuses records whose fields the page does not name, saying what to do', () => {
    const page: PullPage = {
      fields: { ticket: WIRE_FIELDS.ticket },
      changes: [[1, 'note', [eventId]]],
      nextCursor: 1,
      hasMore: false,
      remaining: 0,
    };
    expect(() => decodePullPage(page)).toThrow(PullPageError);
    expect(() => decodePullPage(page)).toThrow(/note records without naming their fields/);
  });
});

describe('the first download', () => {
  // A kind missing here would never reach a desk that downloads from scratch:
  // it would see only the rows changed after its download.
  it('carries every kind of record', () => {
    expect([...SNAPSHOT_ORDER].sort()).toEqual([...ENTITIES].sort());
  });
});
