// The five-priority contract (docs/domain/priorities-and-sla.md): separate
// business-hours and after-hours response targets; business hours 07:30–17:00
// Pacific. After hours an on-call technician answers, so after-hours hour
// targets run on the wall clock.
import type { SlaPolicy } from '../../src/domain/sla';

const weekday = [{ from: '07:30', to: '17:00' }];
const nextBusinessDay = { target: { unit: 'next-business-day' } } as const;

export const FIVE_PRIORITY_AFTER_HOURS: SlaPolicy = {
  id: 'five-priority-after-hours',
  name: 'Five priorities: business hours 07:30–17:00 Pacific, with after-hours targets',
  prioritySchemeId: 'five-priority',
  calendar: {
    timeZone: 'America/Los_Angeles',
    week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  },
  priorities: {
    p1: {
      firstResponse: { target: { unit: 'business-hours', value: 1 } },
      afterHours: { firstResponse: { target: { unit: 'wall-hours', value: 2 } } },
    },
    p2: { firstResponse: { target: { unit: 'business-hours', value: 2 } }, afterHours: { firstResponse: nextBusinessDay } },
    p3: { firstResponse: { target: { unit: 'business-hours', value: 4 } }, afterHours: { firstResponse: nextBusinessDay } },
    p4: { firstResponse: nextBusinessDay, afterHours: { firstResponse: nextBusinessDay } },
    p5: { firstResponse: nextBusinessDay, afterHours: { firstResponse: nextBusinessDay } },
  },
};
