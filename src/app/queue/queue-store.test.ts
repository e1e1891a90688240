import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../domain/ticket';
import { DEFAULT_FILTERS, DEFAULT_SORTING, defaultSorting, isDefaultView, URGENCY_SORTING } from './queue-store';

describe('the order a queue opens in', () => {
  it.each(STAFF_ROLES.map((role) => [role, role === 'technician' ? 'urgency' : 'priority'] as const))('%s: by %s', (role, order) => {
    expect(defaultSorting(role)).toEqual(order === 'urgency' ? URGENCY_SORTING : DEFAULT_SORTING);
  });

  it('nobody signed in: by priority', () => {
    expect(defaultSorting(null)).toEqual(DEFAULT_SORTING);
  });

  it.each([
    ['by priority', DEFAULT_FILTERS, DEFAULT_SORTING, true],
    ['by urgency: the stored rows, re-ordered', DEFAULT_FILTERS, URGENCY_SORTING, true],
    ['by title', DEFAULT_FILTERS, [{ id: 'title', desc: false }], false],
    ['an SLA view', { ...DEFAULT_FILTERS, sla: 'breached' as const }, URGENCY_SORTING, false],
  ])('the stored first screen serves the view %s: %s', (_n, filters, sorting, usable) => {
    expect(isDefaultView(filters, sorting)).toBe(usable);
  });
});
