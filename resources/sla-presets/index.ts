// The three contracts as presets, keyed by the priority scheme they use:
// the UI looks up SLA_PRESETS[client.prioritySchemeId].
import type { PrioritySchemeId } from '../../src/domain/priority-schemes';
import type { SlaPolicy } from '../../src/domain/sla';
import { FIVE_PRIORITY_AFTER_HOURS } from './five-priority-after-hours';
import { FOUR_SEVERITY_US_HOLIDAYS } from './four-severity-us-holidays';
import { FOUR_TIER_BUSINESS_HOURS } from './four-tier-business-hours';

export { FIVE_PRIORITY_AFTER_HOURS, FOUR_SEVERITY_US_HOLIDAYS, FOUR_TIER_BUSINESS_HOURS };

export const SLA_PRESETS: Readonly<Record<PrioritySchemeId, SlaPolicy>> = {
  'four-tier': FOUR_TIER_BUSINESS_HOURS,
  'four-severity': FOUR_SEVERITY_US_HOLIDAYS,
  'five-priority': FIVE_PRIORITY_AFTER_HOURS,
};
