import { describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../../resources/sla-presets';
import { computeSla, type SlaEvent, type SlaPolicy } from '../../domain/sla';
import { clockView, formatClockDuration } from './clock-view';

// Four-tier contract, business hours in Chicago; Tuesday 4 March 2025, 09:00 CST = 15:00 UTC.
// The contract as shipped has no resolution targets; this copy gives High one, to show a paused clock.
const base = SLA_PRESETS['four-tier'];
const policy: SlaPolicy = {
  ...base,
  priorities: { ...base.priorities, high: { ...base.priorities.high!, resolution: { target: { unit: 'business-days', value: 2 } } } },
};
const opened: SlaEvent = { type: 'opened', at: '2025-03-04T15:00:00.000Z', priority: 'high', status: 'new' };
const view = (sla: SlaEvent[], now: string, clock: 'firstResponse' | 'resolution' = 'firstResponse') => {
  const result = computeSla(policy, sla, now);
  return clockView(result[clock]!, 'America/Chicago', 'en-US');
};

describe('clockView', () => {
  it('reads a running clock as on target, with time left in business time and the deadline in the client zone on hover', () => {
    const v = view([opened], '2025-03-04T15:10:00.000Z');
    expect(v).toMatchObject({ tone: 'on_target', label: 'On target' });
    expect(v.reading).toMatch(/business time left$/);
    expect(v.title).toMatch(/CST/);
  });

  it('reads a public reply as met', () => {
    expect(view([opened, { type: 'public_reply', at: '2025-03-04T15:05:00.000Z' }], '2025-03-04T15:10:00.000Z')).toMatchObject({
      tone: 'met',
      label: 'Met',
    });
  });

  it('reads On-Hold as paused on the resolution clock', () => {
    const held: SlaEvent[] = [opened, { type: 'status_changed', at: '2025-03-04T15:05:00.000Z', status: 'on_hold' }];
    expect(view(held, '2025-03-04T15:10:00.000Z', 'resolution')).toMatchObject({ tone: 'paused', label: 'Paused' });
  });

  it('reads a clock past its limit as breached, saying by how much', () => {
    const v = view([opened], '2025-03-07T15:00:00.000Z');
    expect(v).toMatchObject({ tone: 'breached', label: 'Breached' });
    expect(v.reading).toMatch(/past the limit$/);
  });

  it('formats seconds, so the reading visibly ticks', () => {
    expect(formatClockDuration(3_725_000)).toBe('1 h 02 min 05 s');
    expect(formatClockDuration(-65_000)).toBe('1 min 05 s');
  });
});
