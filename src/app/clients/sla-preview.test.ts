import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../../resources/sla-presets';
import { nextFridayAfternoon, previewPolicy } from './sla-preview';

const zone = 'America/Chicago';
const wednesday = DateTime.fromISO('2026-03-04T10:00', { zone }).toMillis();

describe('the policy preview', () => {
  it('opens the second sample on the coming Friday at 16:30 in the client’s zone', () => {
    expect(DateTime.fromMillis(nextFridayAfternoon(wednesday, zone), { zone }).toISO()).toBe('2026-03-06T16:30:00.000-06:00');
    const saturday = DateTime.fromISO('2026-03-07T09:00', { zone }).toMillis();
    expect(DateTime.fromMillis(nextFridayAfternoon(saturday, zone), { zone }).toISODate()).toBe('2026-03-13');
  });

  it('has one row per priority of the scheme and follows the policy’s targets', () => {
    const preset = SLA_PRESETS['four-tier'];
    const rows = previewPolicy(preset, wednesday, zone);
    expect(rows.map((r) => r.priority)).toEqual(['critical', 'high', 'medium', 'standard']);
    const faster = {
      ...preset,
      priorities: { ...preset.priorities, critical: { firstResponse: { target: { unit: 'wall-minutes' as const, value: 15 } } } },
    };
    const critical = (p: typeof preset) => previewPolicy(p, wednesday, zone)[0]!.openings[0]!;
    expect(critical(preset)).toMatchObject({ firstResponseMs: wednesday + 60 * 60_000 });
    expect(critical(faster)).toMatchObject({ firstResponseMs: wednesday + 15 * 60_000 });
  });
});
