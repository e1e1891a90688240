// logCall's definition and createTicket's intake block: the arguments refused
// before anything is queued (naming the field), and the desk's prediction.
import { describe, expect, it } from 'vitest';
import type { TicketIntake } from '../../src/domain/intake';
import type { Ticket } from '../../src/domain/ticket';
import { addNamedIds, applyMutation, mutationTarget, parseMutationArgs, type MutationArgs, type NamedIds } from '../../src/mutations';

const ID = '019a0000-0000-7000-8000-0000000000e1';
const C = '019a0000-0000-7000-8000-0000000000c1';
const T = '019a0000-0000-7000-8000-000000000001';
const good: MutationArgs['logCall'] = {
  id: ID,
  clientId: C,
  ticketId: null,
  contactId: null,
  callerName: 'Dana Whitfield',
  callerNumber: '(913) 555-0142 x204',
  direction: 'inbound',
  startedAt: '2026-03-03T15:00:00Z',
  endedAt: '2026-03-03T15:04:05Z',
  outcome: 'no_ticket',
  summary: 'Asked about the voicemail PIN.',
  callbackId: null,
};

describe('logCall arguments', () => {
  it('accepts a good call, trimming its text', () => {
    expect(parseMutationArgs('logCall', { ...good, callerName: ' Dana Whitfield ', summary: 'Asked about the voicemail PIN. ' })).toEqual({
      ok: true,
      args: good,
    });
  });

  it.each<[string, Partial<Record<keyof MutationArgs['logCall'], unknown>>, string, RegExp]>([
    ['a number that does not read as one', { callerNumber: '913-555' }, 'callerNumber', /^Caller's number: /],
    ['a call that ends before it starts', { endedAt: '2026-03-03T14:59:59Z' }, 'endedAt', /ends before it starts/],
    ['an opened ticket without the ticket', { outcome: 'ticket_opened' }, 'ticketId', /Name the ticket the call opened/],
    ['a call added to a ticket without the ticket', { outcome: 'added_to_ticket' }, 'ticketId', /Name the ticket/],
    ['no caller name', { callerName: '  ' }, 'callerName', /Enter the caller's name/],
    ['a time without an offset', { startedAt: '2026-03-03 15:00' }, 'startedAt', /ISO-8601 instant/],
    ['an unknown outcome', { outcome: 'hung_up' }, 'outcome', /./],
  ])('refuses %s, naming the field', (_label, over, field, message) => {
    expect(parseMutationArgs('logCall', { ...good, ...over })).toEqual({ ok: false, field, message: expect.stringMatching(message) });
  });
});

describe('logCall on the desk', () => {
  it('targets the call and names its client and ticket for the server', () => {
    const named: NamedIds = { tickets: [], clients: [], staff: [] };
    const args = { ...good, ticketId: T, outcome: 'added_to_ticket' as const };
    addNamedIds({ name: 'logCall', args }, named);
    expect(mutationTarget({ name: 'logCall', args })).toEqual({ entity: 'call', id: ID });
    expect(named).toEqual({ tickets: [T], clients: [C], staff: [] });
  });

  it('predicts the call in E.164, taken by the person signed in', () => {
    expect(applyMutation(null, { name: 'logCall', args: good, performedAt: good.endedAt }, { actorId: 'me' })).toEqual({
      ...good,
      callerNumber: '+19135550142',
      callerExtension: '204',
      takenBy: 'me',
    });
  });

  it('predicts no number for a withheld one', () => {
    const args = { ...good, callerNumber: null };
    expect(applyMutation(null, { name: 'logCall', args, performedAt: good.endedAt }, { actorId: 'me' })).toMatchObject({
      callerNumber: null,
      callerExtension: null,
    });
  });

  it('keeps the server copy of a call that exists', () => {
    const stored = applyMutation(null, { name: 'logCall', args: good, performedAt: good.endedAt }, { actorId: 'them' });
    expect(
      applyMutation(stored, { name: 'logCall', args: { ...good, summary: 'changed' }, performedAt: good.endedAt }, { actorId: 'me' }),
    ).toBe(stored);
  });
});

const intake: TicketIntake = {
  callerContactId: null,
  callerName: 'Dana Whitfield',
  callbackNumber: { raw: '(913) 555-0142 x204', e164: '+19135550142', extension: '204' },
  callerEmail: 'dana@whitfield.example',
  siteId: null,
  siteAddress: '1200 Main St',
  systemNumber: null,
  requestKind: 'issue',
  impact: 'one',
  workaround: true,
  suggestedPriority: 'medium',
  overrideReason: null,
  afterHours: null,
  callId: ID,
};
const ticketArgs: MutationArgs['createTicket'] = {
  id: T,
  clientId: C,
  title: 'Handset dead',
  description: 'No dial tone on the front desk phone.',
  priority: 'medium',
  channel: 'phone',
  assigneeId: null,
  intake,
};

describe("createTicket's intake block", () => {
  it('is optional: a ticket without one is as before', () => {
    const { intake: _left, ...plain } = ticketArgs;
    const parsed = parseMutationArgs('createTicket', plain);
    expect(parsed).toEqual({ ok: true, args: plain });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'a callback number not in E.164',
      { callbackNumber: { raw: '913-555-0142', e164: '913-555-0142', extension: null } },
      'intake.callbackNumber.e164',
      /E\.164/,
    ],
    ['an unknown impact', { impact: 'some' }, 'intake.impact', /./],
    ['a field it does not know', { mood: 'calm' }, 'intake', /./],
  ])('refuses %s, naming the field', (_label, over, field, message) => {
    expect(parseMutationArgs('createTicket', { ...ticketArgs, intake: { ...intake, ...over } })).toEqual({
      ok: false,
      field,
      message: expect.stringMatching(message),
    });
  });

  it('is on the ticket the desk predicts', () => {
    const ticket = applyMutation(null, { name: 'createTicket', args: ticketArgs, performedAt: '2026-03-03T15:05:00Z' }, { actorId: 'me' });
    expect((ticket as Ticket).intake).toEqual(intake);
  });
});
