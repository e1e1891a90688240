// The request types a new workspace starts with: the "Planning ahead" table of
// the four-tier contract's support guide (docs/domain/lead-times.md). "N day"
// without "business" is read as calendar days.
import type { RequestTypeSpec } from './lead-times';

export const DEFAULT_REQUEST_TYPES: readonly RequestTypeSpec[] = [
  {
    name: 'New hire / employee separation (scheduled)',
    unit: 'business_days',
    minDays: 3,
    maxDays: null,
    parameter: null,
    note: 'Submit at least 3 business days in advance; urgent requests are best effort.',
  },
  { name: 'License request', unit: 'business_days', minDays: 2, maxDays: 2, parameter: null, note: '' },
  {
    name: 'Number porting',
    unit: 'calendar_days',
    minDays: 7,
    maxDays: 20,
    parameter: {
      label: 'How many numbers',
      bands: [
        { from: 1, to: 14, minDays: 7, maxDays: 10 },
        { from: 15, to: null, minDays: 15, maxDays: 20 },
      ],
    },
    note: 'Up to 14 numbers: minimum 7 days, up to 10. 15 or more: minimum 15 days, up to 20.',
  },
  { name: 'New SMS setup', unit: 'calendar_days', minDays: 30, maxDays: 30, parameter: null, note: '' },
  { name: 'Hardware procurement', unit: 'business_days', minDays: 5, maxDays: 10, parameter: null, note: '' },
  { name: 'ISP circuit turn-up', unit: 'calendar_days', minDays: 30, maxDays: 90, parameter: null, note: '' },
  {
    name: 'New site: networking deployment',
    unit: 'calendar_days',
    minDays: 30,
    maxDays: 90,
    parameter: null,
    note: 'Up to 90 days depending on hardware.',
  },
  {
    name: 'New site: cabling / fiber installation',
    unit: 'business_days',
    minDays: 7,
    maxDays: 7,
    parameter: null,
    note: 'Counts once site readiness, access and approvals are confirmed.',
  },
  { name: 'International travel security exception', unit: 'calendar_days', minDays: 2, maxDays: null, parameter: null, note: '' },
  {
    name: 'Security policy change (email, endpoint, firewall)',
    unit: 'business_days',
    minDays: 1,
    maxDays: 2,
    parameter: null,
    note: 'Depending on scope.',
  },
];
