import { describe, expect, it } from 'vitest';
import { newClient } from './client';
import { validateNewTicket, type NewTicketDraft } from './new-ticket';
import type { Client } from './ticket';

const acme: Client = newClient({ id: 'c1', name: 'Acme Dental', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' }, 's1');
const ctx = {
  clients: new Map([[acme.id, acme]]),
  staffIds: new Set(['u1']),
  now: '2026-03-02T15:00:00.000Z',
};
const good: NewTicketDraft = {
  clientId: 'c1',
  title: 'Outlook will not open',
  description: 'Since this morning',
  priority: 'high',
  channel: 'phone',
  assigneeId: null,
};

describe('validateNewTicket', () => {
  it('accepts a complete draft and opens the ticket as New at the given time', () => {
    const r = validateNewTicket(good, ctx);
    expect(r).toEqual({
      ok: true,
      ticket: {
        clientId: 'c1',
        title: 'Outlook will not open',
        description: 'Since this morning',
        status: 'new',
        priority: 'high',
        channel: 'phone',
        assigneeId: null,
        openedAt: '2026-03-02T15:00:00.000Z',
        updatedAt: '2026-03-02T15:00:00.000Z',
        sla: [{ type: 'opened', at: '2026-03-02T15:00:00.000Z', priority: 'high', status: 'new' }],
      },
    });
  });

  it.each([
    ['empty title', { title: '' }, 'title', 'Enter a title: a short summary of the problem.'],
    ['blank title', { title: '   ' }, 'title', 'Enter a title: a short summary of the problem.'],
    ['title too long', { title: 'x'.repeat(201) }, 'title', 'Shorten the title to 200 characters (it has 201).'],
    ['no client', { clientId: '' }, 'clientId', 'Choose the client this ticket is for.'],
    [
      'priority of another contract',
      { priority: 'p1' },
      'priority',
      "'p1' is not a priority of Acme Dental's contract; choose one of Critical, High, Medium, Standard.",
    ],
    ['no priority', { priority: '' }, 'priority', 'Choose a priority: Critical, High, Medium, Standard.'],
    ['unknown channel', { channel: 'fax' }, 'channel', 'Choose how the request came in: phone, email, portal.'],
    [
      'unknown assignee',
      { assigneeId: 'ghost' },
      'assigneeId',
      'The assignee is not a member of staff; choose someone from the list or leave it unassigned.',
    ],
  ] as const)('rejects %s', (_name, patch, field, message) => {
    const r = validateNewTicket({ ...good, ...patch }, ctx);
    expect(r.ok).toBe(false);
    expect(r.ok ? {} : r.errors).toEqual({ [field]: message });
  });
});
