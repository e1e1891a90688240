import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../resources/demo/generate-demo-data';
import { PRIORITY_SCHEMES } from '../../../src/domain/priority-schemes';
import { parseMutationArgs } from '../../../src/mutations';

describe('generateDemoData', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const data = generateDemoData({ tickets: 2000, now });

  it('is deterministic for a seed', () => {
    expect(generateDemoData({ tickets: 50, now }).tickets).toEqual(generateDemoData({ tickets: 50, now }).tickets);
  });

  it("gives every ticket a priority of its own client's contract and a known assignee", () => {
    const clients = new Map(data.clients.map((c) => [c.id, c]));
    const staff = new Set(data.staff.map((s) => s.id));
    for (const t of data.tickets) {
      const client = clients.get(t.clientId)!;
      expect(PRIORITY_SCHEMES[client.prioritySchemeId].levels.map((l) => l.key)).toContain(t.priority);
      if (t.assigneeId !== null) expect(staff.has(t.assigneeId)).toBe(true);
      expect(t.openedAt <= t.updatedAt).toBe(true);
      expect(t.updatedAt <= now.toISOString()).toBe(true);
    }
  });

  it('makes unique ids and covers every status and scheme', () => {
    expect(new Set(data.tickets.map((t) => t.id)).size).toBe(2000);
    expect(new Set(data.tickets.map((t) => t.status))).toEqual(new Set(['new', 'open', 'awaiting_reply', 'on_hold', 'closed']));
    expect(new Set(data.clients.map((c) => c.prioritySchemeId))).toEqual(new Set(['four-tier', 'four-severity', 'five-priority']));
  });

  it('gives every client a service record the upsertClient rules accept, some with onboarding gaps', () => {
    for (const client of data.clients) expect(parseMutationArgs('upsertClient', client)).toMatchObject({ ok: true });
    expect(data.clients.some((c) => c.sites.length > 1)).toBe(true);
    expect(data.clients.some((c) => c.maintenanceWindow === null)).toBe(true);
    expect(data.clients.some((c) => c.onboarding.authorizationPreferences !== '')).toBe(true);
  });
});
