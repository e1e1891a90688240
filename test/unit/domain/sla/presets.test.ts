// First-response deadlines of the three contracts, worked out by hand from the
// rules in docs/domain/priorities-and-sla.md. Each row: the priority, when the
// ticket was opened (local time in the comment, UTC in the data), and the
// deadline(s) a technician must see.
import { describe, expect, it } from 'vitest';
import { computeSla, parseSlaPolicy, type SlaPolicy } from '../../../../src/domain/sla';
import {
  FIVE_PRIORITY_AFTER_HOURS,
  FOUR_SEVERITY_US_HOLIDAYS,
  FOUR_TIER_BUSINESS_HOURS,
  SLA_PRESETS,
} from '../../../../resources/sla-presets';
import { PRIORITY_SCHEMES } from '../../../../src/domain/priority-schemes';

interface Row {
  case: string;
  priority: string;
  opened: string;
  target: string;
  limit?: string;
  basis?: 'business-hours' | 'after-hours';
}

function check(policy: SlaPolicy, row: Row): void {
  const r = computeSla(policy, [{ type: 'opened', at: row.opened, priority: row.priority }], row.opened).firstResponse;
  expect(r.targetAt).toBe(row.target);
  expect(r.limitAt).toBe(row.limit ?? row.target);
  if (row.basis) expect(r.basis).toBe(row.basis);
  expect(r.state).toBe('running');
}

describe('presets', () => {
  it('are valid policies keyed by their priority scheme, with a target for every priority of it', () => {
    for (const [schemeId, policy] of Object.entries(SLA_PRESETS)) {
      expect(policy.prioritySchemeId).toBe(schemeId);
      expect(() => parseSlaPolicy(policy)).not.toThrow();
      expect(Object.keys(policy.priorities)).toEqual(PRIORITY_SCHEMES[policy.prioritySchemeId].levels.map((l) => l.key));
    }
  });
});

// Four tiers: Mon–Fri 07:00–17:00 America/Chicago (CST -6, CDT -5 from 2026-03-08 to 2026-11-01).
describe('four tiers, business hours in Chicago, Critical around the clock', () => {
  it.each<Row>([
    {
      case: 'High at 16:59 Mon: 1 min Mon, 119 min Tue (08:59), limit 10:59',
      priority: 'high',
      opened: '2026-03-02T22:59:00.000Z',
      target: '2026-03-03T14:59:00.000Z',
      limit: '2026-03-03T16:59:00.000Z',
    },
    {
      case: 'High at 17:00 Mon: starts at Tue 07:00, 09:00 / 11:00',
      priority: 'high',
      opened: '2026-03-02T23:00:00.000Z',
      target: '2026-03-03T15:00:00.000Z',
      limit: '2026-03-03T17:00:00.000Z',
    },
    {
      case: 'High on Saturday: Monday 09:00 / 11:00 CDT',
      priority: 'high',
      opened: '2026-03-14T15:00:00.000Z',
      target: '2026-03-16T14:00:00.000Z',
      limit: '2026-03-16T16:00:00.000Z',
    },
    {
      case: 'High at 16:00 Mon after spring forward: Tue 08:00 CDT',
      priority: 'high',
      opened: '2026-03-09T21:00:00.000Z',
      target: '2026-03-10T13:00:00.000Z',
      limit: '2026-03-10T15:00:00.000Z',
    },
    {
      case: 'Critical Saturday 22:00 CST: one wall-clock hour',
      priority: 'critical',
      opened: '2026-03-08T04:00:00.000Z',
      target: '2026-03-08T05:00:00.000Z',
    },
    {
      case: 'Critical 01:30 CST on spring-forward night: 03:30 CDT, one real hour later',
      priority: 'critical',
      opened: '2026-03-08T07:30:00.000Z',
      target: '2026-03-08T08:30:00.000Z',
    },
    {
      case: 'Critical 01:30 CDT on fall-back night: 01:30 CST, one real hour later',
      priority: 'critical',
      opened: '2026-11-01T06:30:00.000Z',
      target: '2026-11-01T07:30:00.000Z',
    },
    {
      case: 'Medium Fri 10:00 CST, 600 min: 420 Fri, Mon 10:00 CDT',
      priority: 'medium',
      opened: '2026-03-06T16:00:00.000Z',
      target: '2026-03-09T15:00:00.000Z',
    },
    {
      case: 'Medium Tue 07:00: lands on the 17:00 close, shown as 17:00',
      priority: 'medium',
      opened: '2026-03-03T13:00:00.000Z',
      target: '2026-03-03T23:00:00.000Z',
    },
    {
      case: 'Medium Fri 12:00 CDT before fall back: Mon 12:00 CST',
      priority: 'medium',
      opened: '2026-10-30T17:00:00.000Z',
      target: '2026-11-02T18:00:00.000Z',
    },
    {
      case: 'Standard Wed 13:00: 1 day Thu 13:00, 2 days Fri 13:00',
      priority: 'standard',
      opened: '2026-03-04T19:00:00.000Z',
      target: '2026-03-05T19:00:00.000Z',
      limit: '2026-03-06T19:00:00.000Z',
    },
  ])('$case', (row) => check(FOUR_TIER_BUSINESS_HOURS, row));
});

// Four severities: 08:00–17:00 America/New_York (EST -5, EDT -4), 540-minute day, eight US holidays.
describe('four severities, US Eastern with US holidays', () => {
  it.each<Row>([
    { case: 'Sev1 Wed 15:00: 2 h Wed, 2 h Thu', priority: 'sev1', opened: '2026-03-04T20:00:00.000Z', target: '2026-03-05T15:00:00.000Z' },
    { case: 'Sev1 at 16:59 Mon: Tue 11:59', priority: 'sev1', opened: '2026-03-02T21:59:00.000Z', target: '2026-03-03T16:59:00.000Z' },
    { case: 'Sev1 at 17:00 Mon: Tue 12:00', priority: 'sev1', opened: '2026-03-02T22:00:00.000Z', target: '2026-03-03T17:00:00.000Z' },
    {
      case: 'Sev1 on the Friday after Thanksgiving: Mon 12:00',
      priority: 'sev1',
      opened: '2026-11-27T14:00:00.000Z',
      target: '2026-11-30T17:00:00.000Z',
    },
    {
      case: 'Sev2 on Thanksgiving Day: starts Mon 08:00, lands on Mon 17:00 close',
      priority: 'sev2',
      opened: '2026-11-26T15:00:00.000Z',
      target: '2026-11-30T22:00:00.000Z',
    },
    {
      case: 'Sev3 Fri 12:00 EST across spring forward: Tue 12:00 EDT',
      priority: 'sev3',
      opened: '2026-03-06T17:00:00.000Z',
      target: '2026-03-10T16:00:00.000Z',
    },
    {
      case: 'Sev2 Fri 16:00 EDT across fall back: Mon 16:00 EST',
      priority: 'sev2',
      opened: '2026-10-30T20:00:00.000Z',
      target: '2026-11-02T21:00:00.000Z',
    },
    {
      case: 'Sev4 Wed 12:00 EDT, 2700 min: Wed 12:00 EST a week later',
      priority: 'sev4',
      opened: '2026-10-28T16:00:00.000Z',
      target: '2026-11-04T17:00:00.000Z',
    },
    {
      case: 'Sev2 2027 spring forward (Mar 14): Fri 16:00 EST to Mon 16:00 EDT',
      priority: 'sev2',
      opened: '2027-03-12T21:00:00.000Z',
      target: '2027-03-15T20:00:00.000Z',
    },
    {
      case: 'Sev2 2027 fall back (Nov 7): Fri 16:00 EDT to Mon 16:00 EST',
      priority: 'sev2',
      opened: '2027-11-05T20:00:00.000Z',
      target: '2027-11-08T21:00:00.000Z',
    },
  ])('$case', (row) => check(FOUR_SEVERITY_US_HOLIDAYS, row));

  // Sev1 (4 business hours) opened at 15:00 on the business day before each
  // closure: 2 hours that day, the closed days skipped, then 08:00–10:00.
  it.each<Row>([
    { case: "New Year's Day 2026 (Thu)", priority: 'sev1', opened: '2025-12-31T20:00:00.000Z', target: '2026-01-02T15:00:00.000Z' },
    { case: 'Memorial Day 2026 (Mon May 25)', priority: 'sev1', opened: '2026-05-22T19:00:00.000Z', target: '2026-05-26T14:00:00.000Z' },
    {
      case: 'Independence Day 2026 observed Fri Jul 3',
      priority: 'sev1',
      opened: '2026-07-02T19:00:00.000Z',
      target: '2026-07-06T14:00:00.000Z',
    },
    { case: 'Labor Day 2026 (Mon Sep 7)', priority: 'sev1', opened: '2026-09-04T19:00:00.000Z', target: '2026-09-08T14:00:00.000Z' },
    {
      case: 'Thanksgiving and the Friday after, 2026',
      priority: 'sev1',
      opened: '2026-11-25T20:00:00.000Z',
      target: '2026-11-30T15:00:00.000Z',
    },
    {
      case: 'Christmas Eve and Christmas Day 2026 (Thu, Fri)',
      priority: 'sev1',
      opened: '2026-12-23T20:00:00.000Z',
      target: '2026-12-28T15:00:00.000Z',
    },
    { case: "New Year's Day 2027 (Fri)", priority: 'sev1', opened: '2026-12-31T20:00:00.000Z', target: '2027-01-04T15:00:00.000Z' },
    { case: 'Memorial Day 2027 (Mon May 31)', priority: 'sev1', opened: '2027-05-28T19:00:00.000Z', target: '2027-06-01T14:00:00.000Z' },
    {
      case: 'Independence Day 2027 observed Mon Jul 5',
      priority: 'sev1',
      opened: '2027-07-02T19:00:00.000Z',
      target: '2027-07-06T14:00:00.000Z',
    },
    { case: 'Labor Day 2027 (Mon Sep 6)', priority: 'sev1', opened: '2027-09-03T19:00:00.000Z', target: '2027-09-07T14:00:00.000Z' },
    {
      case: 'Thanksgiving and the Friday after, 2027',
      priority: 'sev1',
      opened: '2027-11-24T20:00:00.000Z',
      target: '2027-11-29T15:00:00.000Z',
    },
    {
      case: 'Christmas Eve 2027 (Fri; Christmas observed the same day)',
      priority: 'sev1',
      opened: '2027-12-23T20:00:00.000Z',
      target: '2027-12-27T15:00:00.000Z',
    },
    {
      case: "New Year's Day 2028 observed Fri Dec 31, 2027",
      priority: 'sev1',
      opened: '2027-12-30T20:00:00.000Z',
      target: '2028-01-03T15:00:00.000Z',
    },
  ])('skips $case', (row) => check(FOUR_SEVERITY_US_HOLIDAYS, row));
});

// Five priorities: 07:30–17:00 America/Los_Angeles (PST -8, PDT -7), after-hours targets on the wall clock.
describe('five priorities, Pacific business hours with after-hours targets', () => {
  it.each<Row>([
    {
      case: 'P1 at 16:30 Mon: 30 min Mon, 30 min Tue, 08:00',
      priority: 'p1',
      opened: '2026-03-03T00:30:00.000Z',
      target: '2026-03-03T16:00:00.000Z',
      basis: 'business-hours',
    },
    {
      case: 'P1 at 17:00 Mon: after hours, 2 wall-clock hours',
      priority: 'p1',
      opened: '2026-03-03T01:00:00.000Z',
      target: '2026-03-03T03:00:00.000Z',
      basis: 'after-hours',
    },
    {
      case: 'P1 01:30 PST on spring-forward night: 2 real hours, 04:30 PDT',
      priority: 'p1',
      opened: '2026-03-08T09:30:00.000Z',
      target: '2026-03-08T11:30:00.000Z',
      basis: 'after-hours',
    },
    {
      case: 'P2 at 16:00 Tue: Wed 08:30',
      priority: 'p2',
      opened: '2026-03-04T00:00:00.000Z',
      target: '2026-03-04T16:30:00.000Z',
      basis: 'business-hours',
    },
    {
      case: 'P2 at 18:00 Tue: after hours, close of Wed',
      priority: 'p2',
      opened: '2026-03-04T02:00:00.000Z',
      target: '2026-03-05T01:00:00.000Z',
      basis: 'after-hours',
    },
    {
      case: 'P2 at 06:00 Wed, before opening: close of Thu',
      priority: 'p2',
      opened: '2026-03-04T14:00:00.000Z',
      target: '2026-03-06T01:00:00.000Z',
      basis: 'after-hours',
    },
    {
      case: 'P3 at 16:59 Mon: 1 min Mon, 239 min Tue, 11:29',
      priority: 'p3',
      opened: '2026-03-03T00:59:00.000Z',
      target: '2026-03-03T19:29:00.000Z',
      basis: 'business-hours',
    },
    {
      case: 'P3 at 17:00 Mon: after hours, close of Tue',
      priority: 'p3',
      opened: '2026-03-03T01:00:00.000Z',
      target: '2026-03-04T01:00:00.000Z',
      basis: 'after-hours',
    },
    {
      case: 'P3 Friday 20:00 PST: close of Monday, 17:00 PDT',
      priority: 'p3',
      opened: '2026-03-07T04:00:00.000Z',
      target: '2026-03-10T00:00:00.000Z',
      basis: 'after-hours',
    },
    {
      case: 'P4 Thu 10:00: close of Fri',
      priority: 'p4',
      opened: '2026-10-29T17:00:00.000Z',
      target: '2026-10-31T00:00:00.000Z',
      basis: 'business-hours',
    },
    {
      case: 'P4 Fri 10:00 PDT before fall back: close of Mon, 17:00 PST',
      priority: 'p4',
      opened: '2026-10-30T17:00:00.000Z',
      target: '2026-11-03T01:00:00.000Z',
    },
    {
      case: 'P5 Saturday noon: close of Monday',
      priority: 'p5',
      opened: '2026-10-31T19:00:00.000Z',
      target: '2026-11-03T01:00:00.000Z',
      basis: 'after-hours',
    },
  ])('$case', (row) => check(FIVE_PRIORITY_AFTER_HOURS, row));
});
