import { describe, expect, it } from 'vitest';
import { newClient } from '../../domain/client';
import type { ContactRecord } from '../../protocol/records';
import { checkIntake } from './intake-check';
import { composeDescription, EMPTY_DRAFT, restoredDraft, type IntakeDraft } from './intake-draft';

const client = newClient(
  { id: '0190a000-0000-7000-8000-000000000001', name: 'Harbor Dental Group', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' },
  '0190a000-0000-7000-8000-000000000002',
);
/** Wednesday 10:00 in Chicago: business hours. */
const WORKING = Date.parse('2026-11-25T16:00:00Z');
const valid: IntakeDraft = {
  ...EMPTY_DRAFT,
  startedAt: '2026-11-25T15:58:00Z',
  callerName: 'Jordan Lee',
  callbackNumber: '913-555-0142',
  clientId: client.id,
  title: 'Cannot log in',
  description: 'The practice software rejects the password.',
  impact: 'one',
};
const check = (patch: Partial<IntakeDraft>) => checkIntake({ ...valid, ...patch }, { client, contact: undefined, nowMs: WORKING });

describe('checkIntake: bad input is named by its field', () => {
  it.each([
    ['callbackNumber', { callbackNumber: 'call me after lunch' }, 'is not a phone number'],
    ['callerEmail', { callerEmail: 'jordan@' }, 'has no domain'],
    ['description', { impact: 'everyone', description: 'down' }, 'at least 10 characters'],
    ['overrideReason', { priority: 'high', overrideReason: '' }, 'Say why'],
    ['impact', { impact: '' }, 'Choose who the problem affects'],
    ['systemNumber', { systemNumber: '12' }, "The system's main number"],
  ] as const)('%s', (field, patch, message) => {
    const result = check(patch);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.problems).toHaveProperty(field, expect.stringContaining(message));
  });

  it('after hours, billable work cannot be saved until the caller is told', () => {
    const friday9pm = Date.parse('2026-11-28T03:00:00Z');
    const refused = checkIntake({ ...valid, estimateHours: '1' }, { client, contact: undefined, nowMs: friday9pm });
    expect(refused.ok ? {} : refused.problems).toHaveProperty('afterHours', expect.stringContaining('tell the caller'));
    const told = checkIntake({ ...valid, estimateHours: '1', afterHoursTold: true }, { client, contact: undefined, nowMs: friday9pm });
    expect(told.ok && told.submission.intake.afterHours).toEqual({ told: true, agreed: false });
  });

  it('a valid form from an unknown caller is saved held for confirmation, with the suggested priority', () => {
    const result = check({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.submission.ticket.priority).toBe('medium');
    expect(result.submission.intake.callbackNumber.e164).toBe('+19135550142');
    expect(result.guidance.held).toBe('awaiting_confirmation');
    // Held by a request with nothing to approve, naming the caller as they gave themselves.
    expect(result.submission.approval).toMatchObject({
      requesterContactId: null,
      callerName: 'Jordan Lee',
      callerPhone: '913-555-0142',
      estimateMinutes: null,
      estimateCents: null,
    });
    expect(result.submission.holdNote).toBeNull();
  });

  it('a listed contact asking beyond their role is held by a note (no request: there is nothing to approve)', () => {
    const contact: ContactRecord = {
      id: '0190a000-0000-7000-8000-000000000009',
      clientId: client.id,
      name: 'Jordan Lee',
      role: 'none' as const,
      phones: [],
      emails: ['jordan@harbor.example'],
      approvalLimitCents: null,
    };
    const result = checkIntake({ ...valid, requestKind: 'change' }, { client, contact, nowMs: WORKING });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.submission.approval).toBeNull();
    expect(result.submission.holdNote).toContain('may not request a move, add or change');
  });
});

describe('a caller added to the list on this call', () => {
  it('is held for confirmation like an unknown caller, named as they gave themselves, with the new contact on the intake block', () => {
    const added: ContactRecord = {
      id: '0190a000-0000-7000-8000-00000000000a',
      clientId: client.id,
      name: 'Jordan Lee',
      phones: [],
      emails: ['jordan@harbor.example'],
      role: 'none',
      approvalLimitCents: null,
    };
    const draft = { ...valid, contactId: added.id, contactAddedOnCall: true };
    const result = checkIntake(draft, { client, contact: added, nowMs: WORKING });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.guidance.held).toBe('awaiting_confirmation');
    expect(result.submission.intake.callerContactId).toBe(added.id);
    expect(result.submission.approval).toMatchObject({ requesterContactId: null, callerName: 'Jordan Lee', estimateMinutes: null });
    // The same contact picked from the list on a later call may report issues.
    const later = checkIntake({ ...draft, contactAddedOnCall: false }, { client, contact: added, nowMs: WORKING });
    expect(later.ok && later.guidance.held).toBeNull();
    expect(later.ok && later.submission.approval).toBeNull();
  });
});

describe('drafts', () => {
  it('composes the guided answers under the description', () => {
    const text = composeDescription({
      description: 'Scanner jams.',
      prompts: { steps: 'Scan any page', usersAffected: '3', workaroundText: '', logsToFollow: true },
    });
    expect(text).toBe('Scanner jams.\n\nSteps to reproduce: Scan any page\nUsers affected: 3\nLogs or screenshots to follow.');
  });

  it('restores a stored draft and ignores anything that is not one', () => {
    expect(restoredDraft({ startedAt: valid.startedAt, title: 'Kept' })?.title).toBe('Kept');
    expect(restoredDraft({ title: 'no call' })).toBeNull();
    expect(restoredDraft('garbage')).toBeNull();
  });
});
