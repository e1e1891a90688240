import { describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../resources/sla-presets';
import { clientPolicy } from './client-policy';
import type { SlaPolicy } from './sla';

describe('a client’s SLA policy', () => {
  it.each(['four-tier', 'four-severity', 'five-priority'] as const)('without a custom policy is the %s preset', (scheme) => {
    expect(clientPolicy({ prioritySchemeId: scheme, customPolicy: null })).toBe(SLA_PRESETS[scheme]);
  });

  it('with a custom policy is that policy', () => {
    const custom: SlaPolicy = { ...SLA_PRESETS['four-tier'], id: 'acme-custom' };
    expect(clientPolicy({ prioritySchemeId: 'four-tier', customPolicy: custom })).toBe(custom);
  });
});
