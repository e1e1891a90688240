// Time entries and the approval trigger, table-driven from the four-tier
// contract's support guide, §5 "What's Included vs. What Requires Approval"
// (docs/domain/time-and-approvals.md). Its business hours: Mon–Fri 07:00–17:00 Central.
import { describe, expect, it } from 'vitest';
import { FIVE_PRIORITY_AFTER_HOURS, FOUR_TIER_BUSINESS_HOURS } from '../../../resources/sla-presets';
import { BusinessCalendar } from '../../../src/domain/sla';
import {
  approvalDecision,
  formatDuration,
  MAX_ENTRY_MS,
  timeSpanProblem,
  totalsByWorkType,
  type ApprovalTrigger,
  type TimeEntryFacts,
  type WorkApproval,
} from '../../../src/domain/time-entries';

const chicago = new BusinessCalendar(FOUR_TIER_BUSINESS_HOURS.calendar);
// Tuesday 3 March 2026 is in CST (UTC-6): 09:00 Chicago is 15:00Z.
const tue = (hhmm: string) => new Date(Date.parse('2026-03-03T00:00:00-06:00') + minutesOf(hhmm) * 60_000).toISOString();
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

const entry = (from: string, to: string, over: Partial<TimeEntryFacts> = {}): TimeEntryFacts => ({
  startedAt: tue(from),
  endedAt: tue(to),
  workType: 'included',
  cause: 'none',
  ...over,
});
const approval: WorkApproval = { id: '019a0000-0000-7000-8000-0000000000e1', status: 'approved', approvedMinutes: 8 * 60 };

describe('the span of one entry', () => {
  const far = Date.parse('2030-01-01T00:00:00Z');
  it.each([
    ['one minute', tue('09:00'), tue('09:01'), null],
    ['exactly 24 hours', tue('09:00'), new Date(Date.parse(tue('09:00')) + MAX_ENTRY_MS).toISOString(), null],
    ['zero length', tue('09:00'), tue('09:00'), /zero minutes long: enter when the work ended/],
    ['ending before it starts', tue('10:00'), tue('09:00'), /ends before it starts: check the start and end/],
    [
      'longer than 24 hours',
      tue('09:00'),
      new Date(Date.parse(tue('09:00')) + MAX_ENTRY_MS + 60_000).toISOString(),
      /more than 24 hours: split it/,
    ],
    ['not a time', 'yesterday', tue('09:00'), /Enter when the work started and when it ended/],
  ])('%s', (_label, startedAt, endedAt, expected) => {
    const problem = timeSpanProblem(startedAt, endedAt, far);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('refuses an entry that ends after the latest end allowed (the future)', () => {
    expect(timeSpanProblem(tue('09:00'), tue('10:00'), Date.parse(tue('09:30')))).toMatch(/ends in the future/);
  });
});

describe('totals by work type', () => {
  it('adds each type separately', () => {
    const totals = totalsByWorkType([entry('09:00', '09:45'), entry('10:00', '10:30'), entry('11:00', '12:15', { workType: 'billable' })]);
    expect(totals).toEqual({ included: 75 * 60_000, billable: 75 * 60_000 });
    expect(formatDuration(totals.included)).toBe('1 h 15 min');
  });
});

type Case = [
  label: string,
  earlier: TimeEntryFacts[],
  proposed: TimeEntryFacts,
  critical: boolean,
  triggers: ApprovalTrigger[],
  blocked: boolean,
];

describe('when more work needs the client approval (four-tier guide §5)', () => {
  const cases: Case[] = [
    ['a minor change within 2 hours is included', [], entry('09:00', '10:30'), false, [], false],
    ['included work reaching exactly 2 hours is still included', [entry('09:00', '10:30')], entry('11:00', '11:30'), false, [], false],
    [
      'included work passing 2 hours on the ticket',
      [entry('09:00', '10:30')],
      entry('11:00', '11:45'),
      false,
      ['included_over_limit'],
      true,
    ],
    ['one included entry longer than 2 hours', [], entry('09:00', '11:01'), false, ['included_over_limit'], true],
    [
      'billable time does not count toward the 2 included hours',
      [entry('09:00', '10:30', { workType: 'billable' })],
      entry('11:00', '11:45'),
      false,
      [],
      false,
    ],
    [
      'work caused by a customer-initiated change',
      [],
      entry('09:00', '09:30', { cause: 'customer_change' }),
      false,
      ['caused_by_change'],
      true,
    ],
    [
      'work caused by a third-party vendor change',
      [],
      entry('09:00', '09:30', { cause: 'third_party_change' }),
      false,
      ['caused_by_change'],
      true,
    ],
    [
      'more work on a ticket whose work was caused by a change',
      [entry('09:00', '09:30', { cause: 'customer_change' })],
      entry('10:00', '10:15'),
      false,
      ['caused_by_change'],
      true,
    ],
    ['Tuesday 18:30, one workstation cannot print: after hours, not Critical', [], entry('18:30', '19:00'), false, ['after_hours'], true],
    ['Tuesday 18:30, the whole office is down: after hours but Critical', [], entry('18:30', '19:00'), true, [], false],
    ['work running past the 17:00 close', [], entry('16:30', '17:30'), false, ['after_hours'], true],
    ['work before the 07:00 opening', [], entry('06:45', '07:15'), false, ['after_hours'], true],
    ['billable work with no trigger still incurs cost', [], entry('09:00', '09:30', { workType: 'billable' }), false, [], true],
  ];

  it.each(cases)('%s', (_label, earlier, proposed, critical, triggers, blocked) => {
    const decision = approvalDecision(earlier, proposed, { calendar: chicago, critical }, []);
    expect(decision.triggers).toEqual(triggers);
    expect(decision.ok).toBe(!blocked);
    expect(decision.ok ? null : decision.message).toEqual(
      blocked
        ? expect.stringMatching(/needs approval by the client's Billing Contact or Backup Approver before more billable time is logged/)
        : null,
    );
  });

  it.each(cases)('%s: allowed once an approval is recorded', (_label, earlier, proposed, critical) => {
    expect(approvalDecision(earlier, proposed, { calendar: chicago, critical }, [approval]).ok).toBe(true);
  });

  it('says why: each trigger that applies is named in the message', () => {
    const decision = approvalDecision(
      [entry('09:00', '10:30')],
      entry('18:00', '19:00', { cause: 'third_party_change' }),
      { calendar: chicago, critical: false },
      [],
    );
    expect(decision).toMatchObject({ ok: false, triggers: ['included_over_limit', 'caused_by_change', 'after_hours'] });
    const message = decision.ok ? '' : decision.message;
    expect(message).toContain('would come to 2 h 30 min, past the 2 hours');
    expect(message).toContain("caused by a customer's or a third party's change");
    expect(message).toContain('outside business hours');
  });

  it("uses the client's own calendar: 09:00 Chicago is 07:00 in Los Angeles, before the five-priority contract's 07:30 opening", () => {
    const pacific = new BusinessCalendar(FIVE_PRIORITY_AFTER_HOURS.calendar);
    const proposed = entry('09:00', '09:30');
    expect(approvalDecision([], proposed, { calendar: chicago, critical: false }, []).ok).toBe(true);
    expect(approvalDecision([], proposed, { calendar: pacific, critical: false }, []).triggers).toEqual(['after_hours']);
  });

  it('counts a Saturday as after hours', () => {
    const saturday = { ...entry('09:00', '10:00'), startedAt: '2026-03-07T15:00:00Z', endedAt: '2026-03-07T16:00:00Z' };
    expect(approvalDecision([], saturday, { calendar: chicago, critical: false }, []).triggers).toEqual(['after_hours']);
  });
});

describe('billable time counts against an approved request (docs/domain/contacts-and-approvals.md)', () => {
  const setting = { calendar: chicago, critical: false };
  const billable = (from: string, to: string, over: Partial<TimeEntryFacts> = {}) => entry(from, to, { workType: 'billable', ...over });
  const request = (id: string, status: WorkApproval['status'], approvedMinutes: number | null = null): WorkApproval => ({
    id,
    status,
    approvedMinutes,
  });
  const A = '019a0000-0000-7000-8000-0000000000a1';
  const B = '019a0000-0000-7000-8000-0000000000b2';
  const contacts = [
    {
      name: 'Rachel Adams',
      role: 'billing_contact' as const,
      phones: [{ e164: '+19135550100', extension: null }],
      emails: ['rachel@harbor.example'],
    },
    { name: 'Tom Reyes', role: 'mac_only_requestor' as const, phones: [{ e164: '+19135550199', extension: null }], emails: [] },
    { name: 'Ann Bell', role: 'backup_approver' as const, phones: [], emails: ['ann@harbor.example'] },
  ];

  const cases: [string, TimeEntryFacts[], TimeEntryFacts, WorkApproval[], string | null, RegExp | null][] = [
    ['no request at all: request approval first', [], billable('09:00', '10:00'), [], null, /Request approval on the ticket/],
    [
      'a request awaiting confirmation',
      [],
      billable('09:00', '10:00'),
      [request(A, 'awaiting_confirmation')],
      null,
      /awaiting confirmation/,
    ],
    ['a request awaiting approval', [], billable('09:00', '10:00'), [request(A, 'awaiting_approval')], null, /awaiting approval/],
    ['a declined request', [], billable('09:00', '10:00', { approvalRequestId: A }), [request(A, 'declined')], null, /was declined/],
    ['an approved request with enough left', [], billable('09:00', '10:00'), [request(A, 'approved', 60)], A, null],
    [
      'an approved request with too little left',
      [billable('08:00', '08:30', { approvalRequestId: A })],
      billable('09:00', '10:00'),
      [request(A, 'approved', 60)],
      null,
      /30 min of its 1 h approved is left; this entry is 1 h/,
    ],
    [
      'the time used up exactly',
      [billable('08:00', '09:00', { approvalRequestId: A })],
      billable('09:00', '09:01'),
      [request(A, 'approved', 60)],
      null,
      /0 min of its 1 h approved are left/,
    ],
    ['an approval of an amount only covers no time', [], billable('09:00', '09:30'), [request(A, 'approved', null)], null, /amount only/],
    [
      'the first request with enough left, past a used-up one',
      [billable('08:00', '09:00', { approvalRequestId: A })],
      billable('09:00', '10:00'),
      [request(A, 'approved', 60), request(B, 'approved', 120)],
      B,
      null,
    ],
    [
      'a named request that is not the ticket’s',
      [],
      billable('09:00', '10:00', { approvalRequestId: B }),
      [request(A, 'approved', 600)],
      null,
      /not one of this ticket's/,
    ],
    ['included work in hours needs none', [], entry('09:00', '10:00'), [request(A, 'awaiting_approval')], null, null],
  ];

  it.each(cases)('%s', (_label, earlier, proposed, approvals, counted, refusal) => {
    const decision = approvalDecision(earlier, proposed, setting, approvals, contacts);
    expect(decision.ok).toBe(refusal === null);
    expect(decision.ok ? decision.approvalRequestId : null).toBe(counted);
    expect(decision.ok ? null : decision.message).toEqual(refusal === null ? null : expect.stringMatching(refusal));
  });

  it('names the approvers to call, Billing Contact first, with how to reach them, and not the MAC-only requestor', () => {
    const decision = approvalDecision([], billable('09:00', '10:00'), setting, [request(A, 'awaiting_approval')], contacts);
    expect(decision.ok ? '' : decision.message).toContain(
      'Call Rachel Adams (Billing Contact, (913) 555-0100, rachel@harbor.example) or Ann Bell (Backup Approver, ann@harbor.example).',
    );
    expect(decision.ok ? '' : decision.message).not.toContain('Tom Reyes');
  });

  it('says what to do when the client has no approver on its list', () => {
    const decision = approvalDecision([], billable('09:00', '10:00'), setting, [request(A, 'awaiting_approval')], [contacts[1]!]);
    expect(decision.ok ? '' : decision.message).toMatch(/has no Billing Contact or Backup Approver on its list: ask a service coordinator/);
  });
});
