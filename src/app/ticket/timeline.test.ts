import { describe, expect, it } from 'vitest';
import type { CallRecord, EscalationRecord, NoteRecord, TicketEventRecord, TimeEntryRecord } from '../../protocol/records';
import { buildTimeline } from './timeline';

const T = '019a0000-0000-7000-8000-000000000001';
const U = '019a0000-0000-7000-8000-0000000000f1';
const S = '019a0000-0000-7000-8000-0000000000f2';
const at = (hh: string) => `2026-03-03T${hh}:00.000Z`;
const event = (id: string, e: Partial<TicketEventRecord>): TicketEventRecord => ({
  id,
  ticketId: T,
  type: 'opened',
  at: at('09:00'),
  ...e,
});
const note = (id: string, n: Partial<NoteRecord>): NoteRecord => ({
  id,
  ticketId: T,
  kind: 'internal_note',
  authorId: U,
  body: 'x',
  performedAt: at('09:00'),
  recordedAt: at('09:00'),
  ...n,
});

describe('buildTimeline', () => {
  const events = [
    event('e1', { type: 'opened', priority: 'high', status: 'new', at: at('09:00'), actorId: U }),
    event('e2', { type: 'public_reply', at: at('09:10'), actorId: U }),
    event('e3', { type: 'status_changed', status: 'on_hold', at: at('09:20'), actorId: S }),
    event('e4', { type: 'priority_changed', priority: 'critical', at: at('09:30'), actorId: S }),
    // Stored before events carried their actor: who is unknown.
    event('e5', { type: 'status_changed', status: 'closed', at: at('10:00') }),
  ];
  const notes = [
    note('n2', { kind: 'resolution', body: 'Replaced the switch.', performedAt: at('10:00') }),
    note('n1', { kind: 'public_reply', body: 'On it.', performedAt: at('09:10') }),
  ];
  const time: TimeEntryRecord[] = [
    {
      id: 't1',
      ticketId: T,
      authorId: U,
      startedAt: at('09:00'),
      endedAt: at('09:45'),
      workType: 'included',
      cause: 'none',
      note: 'Diagnosed.',
      performedAt: at('09:45'),
      recordedAt: at('09:45'),
    },
  ];

  const escalations: EscalationRecord[] = [
    {
      id: 'x1',
      ticketId: T,
      level: 2,
      toRole: 'supervisor',
      reason: 'Customer down for an hour.',
      escalatedBy: U,
      escalatedAt: at('09:50'),
      acknowledgedBy: S,
      acknowledgedAt: at('09:55'),
    },
  ];

  const call = (id: string, c: Partial<CallRecord>): CallRecord => ({
    id,
    clientId: '019a0000-0000-7000-8000-0000000000c1',
    ticketId: T,
    contactId: null,
    callerName: 'Dana Whitfield',
    callerNumber: '+19135550142',
    callerExtension: null,
    direction: 'inbound',
    startedAt: at('09:05'),
    endedAt: '2026-03-03T09:09:05.000Z',
    takenBy: S,
    outcome: 'added_to_ticket',
    summary: 'Still no dial tone.',
    callbackId: null,
    ...c,
  });
  const calls = [
    call('c2', {
      direction: 'outbound',
      startedAt: at('09:40'),
      endedAt: '2026-03-03T09:40:58.000Z',
      outcome: 'callback_made',
      summary: '',
    }),
    call('c1', {}),
  ];

  it('puts every kind of record in time order, with what changed from what, who and the text', () => {
    const timeline = buildTimeline({ events, notes, timeEntries: time, escalations, calls });
    expect(timeline.map((e) => [e.kind, e.summary, e.actorId])).toEqual([
      ['opened', 'Opened at High priority', U],
      ['call', 'Inbound call from Dana Whitfield, 4 min 05 s: Added to the ticket', S],
      ['public_reply', 'Public reply', U],
      ['status', 'Status: New → On-Hold', S],
      ['priority', 'Priority: High → Critical', S],
      ['call', 'Outbound call to Dana Whitfield, 58 s: Called back', S],
      ['time_entry', 'Logged 45 min included', U],
      ['escalation', 'Escalated to the Help Desk Supervisor (step 2)', U],
      ['acknowledgement', 'Escalation acknowledged by the Help Desk Supervisor', S],
      ['status', 'Status: On-Hold → Closed', null],
      ['resolution', 'Closed with resolution', U],
    ]);
    expect(timeline.find((e) => e.kind === 'resolution')?.body).toBe('Replaced the switch.');
    expect(timeline.find((e) => e.kind === 'escalation')?.body).toBe('Customer down for an hour.');
  });

  it('shows when a call started and ended, and what the person wrote about it', () => {
    const timeline = buildTimeline({ events: [], notes: [], timeEntries: [], escalations: [], calls });
    expect(timeline.map((e) => [e.at, e.endAt, e.body])).toEqual([
      [at('09:05'), '2026-03-03T09:09:05.000Z', 'Still no dial tone.'],
      [at('09:40'), '2026-03-03T09:40:58.000Z', undefined],
    ]);
  });

  it('shows a public reply once: its note, not the SLA event that mirrors it', () => {
    const timeline = buildTimeline({ events, notes: [], timeEntries: [], escalations: [], calls: [] });
    expect(timeline.map((e) => e.kind)).not.toContain('public_reply');
  });
});
