// The one definition of what each mutation does locally, as a table.
import { describe, expect, it } from 'vitest';
import { applyMutation, mutationEffects, mutationTarget, type LocalMutation } from '../../src/mutations';
import { clockAheadError } from '../../src/protocol/clock';
import { Backoff } from '../../src/sync/backoff';
import type { Ticket } from '../../src/domain/ticket';

const T = '019a0000-0000-7000-8000-000000000001';
const C = '019a0000-0000-7000-8000-0000000000c1';
const at = '2026-03-02T15:00:00.000Z';
const ticket: Ticket = {
  id: T,
  clientId: C,
  title: 'Printer',
  description: '',
  status: 'new',
  priority: 'high',
  channel: 'phone',
  assigneeId: null,
  openedAt: '2026-03-01T09:00:00.000Z',
  sla: [{ type: 'opened', at: '2026-03-01T09:00:00.000Z', priority: 'high', status: 'new' }],
  updatedAt: '2026-03-01T09:00:00.000Z',
};
const ctx = { actorId: 'me' };
const N = '019a0000-0000-7000-8000-0000000000n1'.replace('n', 'a');

describe('applyMutation', () => {
  it.each<[string, Ticket | null, LocalMutation, Partial<Ticket> | null]>([
    [
      'creates a New ticket opened when the person acted',
      null,
      {
        name: 'createTicket',
        args: { id: T, clientId: C, title: 'Printer', description: '', priority: 'high', channel: 'phone', assigneeId: null },
        performedAt: at,
      },
      { status: 'new', openedAt: at, updatedAt: at },
    ],
    [
      'keeps the server copy when the ticket already exists',
      { ...ticket, status: 'open' },
      {
        name: 'createTicket',
        args: { id: T, clientId: C, title: 'Other', description: '', priority: 'high', channel: 'phone', assigneeId: null },
        performedAt: at,
      },
      { status: 'open', title: 'Printer' },
    ],
    [
      'moves status along the workflow',
      ticket,
      { name: 'setStatus', args: { id: T, status: 'on_hold' }, performedAt: at },
      { status: 'on_hold', updatedAt: at },
    ],
    [
      'predicts no change for a plain status change to closed (closing needs its note)',
      ticket,
      { name: 'setStatus', args: { id: T, status: 'closed' }, performedAt: at },
      { status: 'new', updatedAt: ticket.updatedAt },
    ],
    [
      'closes with closeTicket, the status change in the SLA history',
      ticket,
      { name: 'closeTicket', args: { id: T, noteId: N, resolution: 'Fixed.' }, performedAt: at },
      { status: 'closed', updatedAt: at, sla: [...ticket.sla, { type: 'status_changed', at, status: 'closed' }] },
    ],
    [
      'reopens a closed ticket with reopenTicket',
      { ...ticket, status: 'closed' },
      { name: 'reopenTicket', args: { id: T, noteId: N, reason: 'Back.' }, performedAt: at },
      { status: 'open', updatedAt: at },
    ],
    [
      'predicts no change for reopening a ticket that is not closed',
      { ...ticket, status: 'on_hold' },
      { name: 'reopenTicket', args: { id: T, noteId: N, reason: 'Back.' }, performedAt: at },
      { status: 'on_hold', updatedAt: ticket.updatedAt },
    ],
    [
      'predicts no change for a move the server would refuse',
      { ...ticket, status: 'closed' },
      { name: 'setStatus', args: { id: T, status: 'on_hold' }, performedAt: at },
      { status: 'closed', updatedAt: ticket.updatedAt },
    ],
    [
      'changes only the fields given',
      ticket,
      { name: 'updateTicket', args: { id: T, priority: 'critical' }, performedAt: at },
      { priority: 'critical', title: 'Printer' },
    ],
    ['cannot edit a ticket it does not have', null, { name: 'updateTicket', args: { id: T, title: 'x' }, performedAt: at }, null],
  ])('%s', (_name, row, m, expected) => {
    const out = applyMutation(row, m, ctx);
    if (expected === null) expect(out).toBeNull();
    else expect(out).toMatchObject(expected);
  });

  it('names the row each mutation changes', () => {
    expect(mutationTarget({ name: 'addNote', args: { id: 'n1', ticketId: T, kind: 'internal_note', body: 'x' } })).toEqual({
      entity: 'note',
      id: 'n1',
    });
    expect(mutationTarget({ name: 'deleteContact', args: { id: 'c9' } })).toEqual({ entity: 'contact', id: 'c9' });
  });

  it('deletes a contact, and predicts an upsert with its numbers read into E.164 on the desk', () => {
    const phone = { raw: '913-555-0142', e164: '+19135550142', extension: null, label: 'work' as const };
    const contact = {
      id: 'c9',
      clientId: C,
      name: 'K',
      phones: [phone],
      emails: [],
      approvalLimitCents: null,
      role: 'portal_admin' as const,
    };
    expect(applyMutation(contact, { name: 'deleteContact', args: { id: 'c9' }, performedAt: at }, ctx)).toBeNull();
    expect(
      applyMutation(
        null,
        {
          name: 'upsertContact',
          args: {
            id: 'c9',
            clientId: C,
            name: 'K',
            phones: [{ raw: '(913) 555 0142 x 7', label: 'mobile' }],
            emails: [],
            approvalLimitCents: null,
            role: 'portal_admin',
          },
          performedAt: at,
        },
        ctx,
      ),
    ).toEqual({ ...contact, phones: [{ raw: '(913) 555 0142 x 7', e164: '+19135550142', extension: '7', label: 'mobile' }] });
  });
});

describe('closing and reopening write their note with the ticket', () => {
  it.each([
    ['closeTicket', { id: T, noteId: N, resolution: 'Replaced the toner.' }, 'resolution', 'Replaced the toner.'],
    ['reopenTicket', { id: T, noteId: N, reason: 'Jammed again.' }, 'reopening', 'Jammed again.'],
  ] as const)('%s', (name, args, kind, body) => {
    const effects = mutationEffects({ name, args, performedAt: at } as LocalMutation, ctx);
    expect(effects.map((e) => e.ref)).toEqual([
      { entity: 'ticket', id: T },
      { entity: 'note', id: N },
    ]);
    expect(effects[1]!.apply(null)).toEqual({ id: N, ticketId: T, kind, body, authorId: 'me', performedAt: at, recordedAt: at });
  });
});

describe('clockAheadError', () => {
  it.each([
    ['no server seen yet', null, null],
    ['server 4 minutes behind', -4 * 60_000, null],
    ['server 2 days behind', -2 * 86_400_000, "clock is 2 days ahead of the server's"],
    ['server ahead (desk clock late): fine, it is only data', 3 * 86_400_000, null],
  ] as const)('%s', (_n, offset, expected) => {
    const error = clockAheadError(new Date(at), offset);
    if (expected === null) expect(error).toBeNull();
    else expect(error).toContain(expected);
  });
});

describe('Backoff', () => {
  it('doubles the ceiling up to the maximum, with jitter in the upper half', () => {
    const b = new Backoff({ baseMs: 1000, maxMs: 8000, random: () => 1 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([1000, 2000, 4000, 8000, 8000]);
    b.reset();
    expect(new Backoff({ baseMs: 1000, random: () => 0 }).next()).toBe(500);
  });
});
