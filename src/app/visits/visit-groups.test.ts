import { describe, expect, it } from 'vitest';
import type { ApprovalStatus } from '../../domain/approval-requests';
import type { VisitRecord } from '../../protocol/records';
import { flatRows, groupVisits, moveSelection, STAGE_GROUPS } from './visit-groups';

function visit(id: string, patch: Partial<VisitRecord> = {}): VisitRecord {
  return {
    id,
    approvalRequestId: `a-${id}`,
    status: 'requested',
    estimateHours: 3,
    baseFeeCents: 35_000,
    hourlyRateCents: 13_500,
    checkedInAt: null,
    payments: [],
    authorizations: [],
    startsAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  } as VisitRecord;
}

const payment = (amountCents: number) => ({
  id: 'p',
  authorizationId: null,
  amountCents,
  method: 'portal' as const,
  reference: 'r',
  recordedBy: 's',
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('groupVisits', () => {
  const statuses = new Map<string, ApprovalStatus>([
    ['a-approved', 'approved'],
    ['a-prepaid', 'approved'],
    ['a-declined', 'declined'],
  ]);
  const statusOf = (id: string) => statuses.get(id) ?? null;
  const visits = [
    visit('waiting'),
    visit('approved'),
    visit('prepaid', { payments: [payment(62_500)] }),
    visit('late', { status: 'scheduled', startsAt: '2026-02-02T15:00:00.000Z' }),
    visit('early', { status: 'scheduled', startsAt: '2026-02-01T15:00:00.000Z' }),
    visit('onsite', { status: 'onsite', checkedInAt: '2026-02-01T15:00:00.000Z' }),
    visit('done', { status: 'completed' }),
    visit('cancelled', { status: 'cancelled' }),
    visit('declined'),
  ];
  const groups = groupVisits(visits, statusOf);
  const ids = (group: string) => groups.find((g) => g.group.id === group)!.rows.map((r) => r.visit.id);

  it('lists every stage group in the order a visit moves through them', () => {
    expect(groups.map((g) => g.group.id)).toEqual(STAGE_GROUPS.map((g) => g.id));
  });

  it.each([
    ['awaiting_approval', ['waiting']],
    ['awaiting_prepayment', ['approved']],
    ['to_schedule', ['prepaid']],
    ['scheduled', ['early', 'late']],
    ['onsite', ['onsite']],
    ['completed', ['done']],
    ['cancelled', ['cancelled', 'declined']],
  ])('%s holds %o', (group, expected) => {
    expect(ids(group)).toEqual(expected);
  });

  it('walks every visit once with j/k, clamped at the ends', () => {
    const rows = flatRows(groups);
    expect(rows).toHaveLength(visits.length);
    expect(moveSelection(rows, null, 1)).toBe('waiting');
    expect(moveSelection(rows, 'waiting', -1)).toBe('waiting');
    expect(moveSelection(rows, 'waiting', 1)).toBe('approved');
    expect(moveSelection(rows, 'declined', 1)).toBe('declined');
    expect(moveSelection([], null, 1)).toBeNull();
  });
});
