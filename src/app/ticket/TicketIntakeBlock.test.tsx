import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TicketIntake } from '../../domain/intake';
import type { Ticket } from '../../domain/ticket';
import { TicketIntakeBlock } from './TicketIntakeBlock';

const intake: TicketIntake = {
  callerContactId: null,
  callerName: 'Dana Whitfield',
  callbackNumber: { raw: '913 555 0142 x204', e164: '+19135550142', extension: '204' },
  callerEmail: 'dana@whitfield.example',
  siteId: null,
  siteAddress: '1200 Main St, Kansas City',
  systemNumber: { raw: '+44 20 7946 0958', e164: '+442079460958', extension: null },
  requestKind: 'issue',
  impact: 'several',
  workaround: false,
  suggestedPriority: 'high',
  overrideReason: 'Their CEO is travelling today.',
  afterHours: { told: true, agreed: false },
  callId: null,
};
const ticket: Ticket = {
  id: '019a0000-0000-7000-8000-000000000001',
  clientId: '019a0000-0000-7000-8000-0000000000c1',
  title: 'Phones down',
  description: 'No dial tone at the front desk.',
  status: 'new',
  priority: 'critical',
  channel: 'phone',
  assigneeId: null,
  openedAt: '2026-03-03T15:00:00.000Z',
  updatedAt: '2026-03-03T15:00:00.000Z',
  sla: [],
  intake,
};
/** What a reader sees: the markup without tags, apostrophes and ampersands as typed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

describe('TicketIntakeBlock', () => {
  it('shows who called, the numbers formatted, where, the priority against the suggestion with its reason, and what was said after hours', () => {
    const shown = text(renderToStaticMarkup(<TicketIntakeBlock ticket={ticket} contact={undefined} />));
    expect(shown).toContain("Dana Whitfield · not on the client's contact list");
    expect(shown).toContain('(913) 555-0142 ext. 204');
    expect(shown).toContain('+44 20 7946 0958');
    expect(shown).toContain('dana@whitfield.example');
    expect(shown).toContain('1200 Main St, Kansas City');
    expect(shown).toContain('Critical, not the suggested High: Their CEO is travelling today.');
    expect(shown).toContain('Told the work is billable; did not agree to the charge');
  });

  it('says the priority is the suggested one when it is, and leaves out what was not recorded', () => {
    const plain = { ...intake, overrideReason: null, afterHours: null, systemNumber: null, callerEmail: null };
    const shown = text(
      renderToStaticMarkup(<TicketIntakeBlock ticket={{ ...ticket, priority: 'high', intake: plain }} contact={undefined} />),
    );
    expect(shown).toContain('High, as suggested');
    expect(shown).not.toContain('After hours');
    expect(shown).not.toContain("System's main number");
    expect(shown).not.toContain('Email');
  });

  it('shows nothing for a ticket not opened from a call', () => {
    const { intake: _none, ...plain } = ticket;
    expect(renderToStaticMarkup(<TicketIntakeBlock ticket={plain} contact={undefined} />)).toBe('');
  });
});
