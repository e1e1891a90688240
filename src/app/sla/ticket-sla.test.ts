import { describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../../resources/sla-presets';
import type { SlaPolicy } from '../../domain/sla';
import { openedHistory } from '../../domain/sla-history';
import { rowClocks } from '../queue/row-clocks';
import { ticketSla } from './ticket-sla';

// A client's custom policy drives its tickets' deadlines (docs/domain/clients.md): the ticket view and the queue's clocks.
const preset = SLA_PRESETS['four-tier'];
const custom: SlaPolicy = {
  ...preset,
  id: 'harbor-custom',
  priorities: { ...preset.priorities, critical: { firstResponse: { target: { unit: 'wall-minutes', value: 15 } } } },
};
const opened = '2026-03-02T15:00:00.000Z';
const ticket = { id: 't-custom', sla: openedHistory(opened, 'critical'), status: 'new' as const, updatedAt: opened };

describe('a custom SLA policy', () => {
  it('sets the deadlines of the ticket view', () => {
    const withPreset = ticketSla(ticket, { prioritySchemeId: 'four-tier', customPolicy: null }, opened);
    const withCustom = ticketSla(ticket, { prioritySchemeId: 'four-tier', customPolicy: custom }, opened);
    // The preset answers Critical within 1 wall hour, the custom policy within 15 wall minutes.
    expect(withPreset.firstResponse.targetAtMs).toBe(Date.parse(opened) + 60 * 60_000);
    expect(withCustom.firstResponse.targetAtMs).toBe(Date.parse(opened) + 15 * 60_000);
  });

  it('recomputes the queue clocks when the client’s policy changes', () => {
    const before = rowClocks({ ...ticket, prioritySchemeId: 'four-tier', customPolicy: null });
    const after = rowClocks({ ...ticket, prioritySchemeId: 'four-tier', customPolicy: custom });
    expect(before).not.toBeNull();
    expect(after).not.toBeNull();
    expect(after!.firstResponse).not.toEqual(before!.firstResponse);
  });
});
