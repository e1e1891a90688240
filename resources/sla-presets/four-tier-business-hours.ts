// The four-tier contract (docs/domain/priorities-and-sla.md). Business hours
// Monday–Friday 07:00–17:00 Central; Critical is answered around the clock
// within 1 hour. Its guide names no holidays, so none are closed here.
import type { SlaPolicy } from '../../src/domain/sla';

const weekday = [{ from: '07:00', to: '17:00' }];

export const FOUR_TIER_BUSINESS_HOURS: SlaPolicy = {
  id: 'four-tier-business-hours',
  name: 'Four tiers: Critical 1 hour around the clock; business hours Mon–Fri 07:00–17:00 Central',
  prioritySchemeId: 'four-tier',
  calendar: {
    timeZone: 'America/Chicago',
    week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  },
  priorities: {
    critical: { firstResponse: { target: { unit: 'wall-hours', value: 1 } } },
    high: { firstResponse: { target: { unit: 'business-hours', value: 2 }, limit: { unit: 'business-hours', value: 4 } } },
    medium: { firstResponse: { target: { unit: 'business-days', value: 1 } } },
    standard: { firstResponse: { target: { unit: 'business-days', value: 1 }, limit: { unit: 'business-days', value: 2 } } },
  },
};
