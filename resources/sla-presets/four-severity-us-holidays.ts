// The four-severity contract: first response in business time, 08:00–17:00
// US Eastern, excluding the eight US holidays its guide lists. The guide's table
// says "Severity 2" twice; its third row is Severity 3 (docs/domain/priorities-and-sla.md).
import type { SlaPolicy } from '../../src/domain/sla';

const weekday = [{ from: '08:00', to: '17:00' }];

export const FOUR_SEVERITY_US_HOLIDAYS: SlaPolicy = {
  id: 'four-severity-us-holidays',
  name: 'Four severities: business hours 08:00–17:00 US Eastern, eight US holidays',
  prioritySchemeId: 'four-severity',
  calendar: {
    timeZone: 'America/New_York',
    week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    holidays: {
      // Federal practice: a holiday on a Saturday is observed the Friday before,
      // on a Sunday the Monday after (date-holidays' substitute days).
      region: {
        country: 'US',
        types: ['public'],
        only: ["New Year's Day", 'Memorial Day', 'Independence Day', 'Labor Day', 'Thanksgiving Day', 'Christmas Day'],
        substitutes: true,
      },
      // Not public holidays in date-holidays, so defined from the days they follow or precede.
      rules: [
        { kind: 'relative', name: 'Friday after Thanksgiving', of: 'Thanksgiving Day', days: 1 },
        { kind: 'relative', name: 'Christmas Eve', of: 'Christmas Day', days: -1 },
      ],
    },
  },
  priorities: {
    sev1: { firstResponse: { target: { unit: 'business-hours', value: 4 } } },
    sev2: { firstResponse: { target: { unit: 'business-days', value: 1 } } },
    sev3: { firstResponse: { target: { unit: 'business-days', value: 2 } } },
    sev4: { firstResponse: { target: { unit: 'business-days', value: 5 } } },
  },
};
