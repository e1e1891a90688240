import { describe, expect, it } from 'vitest';
import { auditDiff, localDayStart } from './audit-diff';

describe('auditDiff', () => {
  it.each([
    [
      'a changed field only',
      '{"id":"t1","status":"new","title":"Printer"}',
      '{"id":"t1","status":"open","title":"Printer"}',
      [{ field: 'status', before: 'new', after: 'open' }],
    ],
    [
      'a created record, every field from nothing',
      null,
      '{"id":"t1","n":2}',
      [
        { field: 'id', before: '—', after: 't1' },
        { field: 'n', before: '—', after: '2' },
      ],
    ],
    ['a deleted record, every field to nothing', '{"id":"c1"}', null, [{ field: 'id', before: 'c1', after: '—' }]],
    ['a field set to null', '{"assigneeId":"u1"}', '{"assigneeId":null}', [{ field: 'assigneeId', before: 'u1', after: 'none' }]],
    ['nested values compared whole', '{"sla":[1]}', '{"sla":[1,2]}', [{ field: 'sla', before: '[1]', after: '[1,2]' }]],
    ['text that is not JSON', 'plain', 'other', [{ field: 'value', before: 'plain', after: 'other' }]],
  ])('%s', (_name, before, after, expected) => {
    expect(auditDiff(before, after)).toEqual(expected);
  });
});

describe('localDayStart', () => {
  it('is local midnight of the day, or of the next', () => {
    expect(new Date(localDayStart('2024-03-09')!).getDate()).toBe(9);
    expect(new Date(localDayStart('2024-03-09')!).getHours()).toBe(0);
    expect(new Date(localDayStart('2024-03-31', true)!).getMonth()).toBe(3);
  });
  it('refuses what is not a date', () => {
    expect(localDayStart('')).toBeUndefined();
    expect(localDayStart('9/3/2024')).toBeUndefined();
  });
});
